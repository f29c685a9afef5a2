/**
 * Where the library keeps state unless the application chooses otherwise: access tokens and
 * pending authorizations in the HTTP session, nonces in memory, and the resolution of the
 * application's own {@code spi} stores.
 *
 * <p>Internal: not API. May use {@code api}, {@code spi}, {@code core} and {@code config}.
 */
package io.github.oauthconsumer.store;

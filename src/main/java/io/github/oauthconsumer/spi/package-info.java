/**
 * What applications may replace: signature methods, signing keys, the lookup of incoming consumers'
 * secrets, and the stores (access tokens, pending authorizations, nonces). Public API, like
 * {@code api}; implementations are found as CDI alternatives or through {@code ServiceLoader}.
 *
 * <p>May use {@code api}; no Jakarta types.
 */
package io.github.oauthconsumer.spi;

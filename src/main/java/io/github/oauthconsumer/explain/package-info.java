/**
 * The command-line explainer: prints each step of RFC 5849 section 3.4 for one request, for a
 * person comparing with a provider or another library. Runs with the library jar alone on the class
 * path, so it may use {@code api}, {@code spi} and {@code core} and no Jakarta or MicroProfile type.
 *
 * <p>Internal: the command line is documented, the classes are not API.
 */
package io.github.oauthconsumer.explain;

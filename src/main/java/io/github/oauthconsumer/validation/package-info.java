/**
 * Verification of incoming signed requests: {@code @ValidateSignature} on JAX-RS resources, the
 * verifiers per consumer name (keys, nonces, timestamps), the URL that was signed (also behind a
 * proxy), refusals and the optional invalid-signature page.
 *
 * <p>Internal: not API. May use {@code api}, {@code spi}, {@code core} and {@code config}.
 */
package io.github.oauthconsumer.validation;

/**
 * Verification of incoming signed requests: one check per consumer name, run by
 * {@code @ValidateSignature} on JAX-RS resources, by the servlet filter of {@code validate-paths},
 * by the {@code SignatureValidation} bean and by the signed-launch login; the verifiers (keys,
 * nonces, timestamps), the URL that was signed (also behind a proxy), the request as verified,
 * refusals and the optional invalid-signature page.
 *
 * <p>Internal: not API. May use {@code api}, {@code spi}, {@code core} and {@code config}.
 */
package io.github.oauthconsumer.validation;

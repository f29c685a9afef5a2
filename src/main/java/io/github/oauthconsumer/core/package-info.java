/**
 * The RFC 5849 engine: percent-encoding, parameter normalization, the signature base string,
 * signature methods, PEM keys, body hash, signing, verification, token responses and problem
 * reports; and {@code Monitor}, the seam through which the capabilities report what they do to
 * operators. Plain Java: no Jakarta types, no I/O, thread-safe; fast enough to call on every request.
 *
 * <p>Internal: not API, may change in any release (applications may call {@code OAuthSigner} and
 * {@code SignatureVerifier} directly, at their own risk). May use {@code api} and {@code spi}.
 */
package io.github.oauthconsumer.core;

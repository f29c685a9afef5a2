package io.github.oauthconsumer.spi;

import java.nio.ByteBuffer;

/**
 * A way of signing the signature base string ({@code oauth_signature_method}). The library ships
 * HMAC-SHA1, HMAC-SHA256, HMAC-SHA512, RSA-SHA1, RSA-SHA256, RSA-SHA512 and PLAINTEXT; an
 * application adds another by implementing this interface and listing the class in
 * {@code META-INF/services/io.github.oauthconsumer.spi.SignatureMethod}.
 *
 * <p>Implementations must be thread-safe and must not keep or reveal key material.
 */
public interface SignatureMethod {

    /** The {@code oauth_signature_method} value, for example {@code HMAC-SHA256}. */
    String name();

    /**
     * The JCA name of the digest used for the body hash extension ({@code oauth_body_hash}) with
     * this method, for example {@code SHA-256}.
     */
    String bodyHashAlgorithm();

    /**
     * Signs a base string.
     *
     * @param baseString the ASCII bytes of the signature base string, from position to limit; the
     *                   buffer belongs to the caller and must not be modified or kept
     * @param keys       the secrets or keys to sign with
     * @return the {@code oauth_signature} value, not yet percent-encoded
     */
    String sign(ByteBuffer baseString, SigningKeys keys);

    /**
     * Checks a signature in time that does not depend on where it differs from the right one.
     *
     * @param baseString the ASCII bytes of the signature base string, as for {@link #sign}
     * @param signature  the {@code oauth_signature} value received, percent-decoded
     * @param keys       the secrets or keys to check with
     * @return whether the signature is right
     */
    boolean verify(ByteBuffer baseString, String signature, SigningKeys keys);
}

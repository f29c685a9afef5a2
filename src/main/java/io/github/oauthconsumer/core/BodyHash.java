package io.github.oauthconsumer.core;

import io.github.oauthconsumer.spi.SignatureMethod;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The OAuth Request Body Hash extension ({@code oauth_body_hash}): the Base64 digest of the raw
 * body of a request that is not form-encoded, with the digest of the signature method's family.
 */
public final class BodyHash {

    private BodyHash() {
    }

    /** The {@code oauth_body_hash} value for this body (an empty array for a request without one). */
    public static String of(byte[] body, SignatureMethod method) {
        return Base64.getEncoder().encodeToString(digest(method).digest(body));
    }

    /**
     * Whether {@code received} is the body hash of {@code body}, written in canonical Base64 and
     * compared in constant time.
     */
    public static boolean matches(byte[] body, String received, SignatureMethod method) {
        byte[] decoded = CanonicalBase64.decode(received);
        return decoded != null && MessageDigest.isEqual(digest(method).digest(body), decoded);
    }

    private static MessageDigest digest(SignatureMethod method) {
        try {
            return MessageDigest.getInstance(method.bodyHashAlgorithm());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(method.name() + " names a body hash digest this JVM lacks: "
                    + method.bodyHashAlgorithm(), e);
        }
    }
}

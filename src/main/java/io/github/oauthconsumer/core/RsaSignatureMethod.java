package io.github.oauthconsumer.core;

import io.github.oauthconsumer.spi.SignatureMethod;
import io.github.oauthconsumer.spi.SigningKeys;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;

/**
 * RSA-SHA1 (RFC 5849 section 3.4.3, RSASSA-PKCS1-v1_5) and its SHA-256 and SHA-512 variants:
 * signs with the consumer's private key, verifies with its public key or certificate.
 */
final class RsaSignatureMethod implements SignatureMethod {

    static final RsaSignatureMethod RSA_SHA1 = new RsaSignatureMethod("RSA-SHA1", "SHA1withRSA", "SHA-1");
    static final RsaSignatureMethod RSA_SHA256 = new RsaSignatureMethod("RSA-SHA256", "SHA256withRSA", "SHA-256");
    static final RsaSignatureMethod RSA_SHA512 = new RsaSignatureMethod("RSA-SHA512", "SHA512withRSA", "SHA-512");

    private final String name;
    private final String digestAlgorithm;
    private final ThreadLocal<Signature> signatures;

    private RsaSignatureMethod(String name, String jcaAlgorithm, String digestAlgorithm) {
        this.name = name;
        this.digestAlgorithm = digestAlgorithm;
        this.signatures = ThreadLocal.withInitial(() -> {
            try {
                return Signature.getInstance(jcaAlgorithm);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(jcaAlgorithm + " is not available in this JVM", e);
            }
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String bodyHashAlgorithm() {
        return digestAlgorithm;
    }

    @Override
    public String sign(ByteBuffer baseString, SigningKeys keys) {
        if (keys.privateKey() == null) {
            throw new IllegalArgumentException(name + " needs an RSA private key");
        }
        Signature signature = signatures.get();
        try {
            signature.initSign(keys.privateKey());
            signature.update(baseString.duplicate());
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(name + " could not sign with the configured private key: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public boolean verify(ByteBuffer baseString, String value, SigningKeys keys) {
        if (keys.publicKey() == null) {
            throw new IllegalArgumentException(name + " needs an RSA public key");
        }
        byte[] received = CanonicalBase64.decode(value);
        if (received == null) {
            return false;
        }
        Signature signature = signatures.get();
        try {
            signature.initVerify(keys.publicKey());
            signature.update(baseString.duplicate());
            return signature.verify(received);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

package io.github.oauthconsumer.core;

import io.github.oauthconsumer.spi.SignatureMethod;
import io.github.oauthconsumer.spi.SigningKeys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA1 (RFC 5849 section 3.4.2) and its SHA-256 and SHA-512 variants: the key is the encoded
 * consumer secret and the encoded token secret joined by {@code &}. One {@link Mac} per thread is
 * kept, because creating one costs more than signing, and it stays keyed: signing again with the
 * very same secret instances (one signer, one token) skips building and installing the key.
 */
final class HmacSignatureMethod implements SignatureMethod {

    static final HmacSignatureMethod HMAC_SHA1 = new HmacSignatureMethod("HMAC-SHA1", "HmacSHA1", "SHA-1");
    static final HmacSignatureMethod HMAC_SHA256 = new HmacSignatureMethod("HMAC-SHA256", "HmacSHA256", "SHA-256");
    static final HmacSignatureMethod HMAC_SHA512 = new HmacSignatureMethod("HMAC-SHA512", "HmacSHA512", "SHA-512");

    private final String name;
    private final String macAlgorithm;
    private final String digestAlgorithm;
    private final ThreadLocal<KeyedMac> macs;

    private HmacSignatureMethod(String name, String macAlgorithm, String digestAlgorithm) {
        this.name = name;
        this.macAlgorithm = macAlgorithm;
        this.digestAlgorithm = digestAlgorithm;
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                return new KeyedMac(Mac.getInstance(macAlgorithm));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(macAlgorithm + " is not available in this JVM", e);
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
        return Base64.getEncoder().encodeToString(mac(baseString, keys));
    }

    @Override
    public boolean verify(ByteBuffer baseString, String signature, SigningKeys keys) {
        byte[] expected = mac(baseString, keys);
        byte[] received = CanonicalBase64.decode(signature);
        return received != null && MessageDigest.isEqual(expected, received);
    }

    private byte[] mac(ByteBuffer baseString, SigningKeys keys) {
        if (keys.consumerSecret() == null) {
            throw new IllegalArgumentException(name + " needs a consumer secret");
        }
        KeyedMac keyed = macs.get();
        Mac mac = keyed.mac;
        if (!keyed.isKeyedWith(keys)) {
            keyed.forget();
            try {
                mac.init(new SecretKeySpec(key(keys), macAlgorithm));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(name + " rejected its key", e);
            }
            keyed.remember(keys);
        }
        try {
            if (baseString.hasArray()) {
                mac.update(baseString.array(), baseString.arrayOffset() + baseString.position(), baseString.remaining());
            } else {
                mac.update(baseString.duplicate());
            }
            return mac.doFinal();
        } catch (RuntimeException e) {
            keyed.forget();
            mac.reset();
            throw e;
        }
    }

    /** {@code encode(consumer secret) & encode(token secret)}, as RFC 5849 section 3.4.2 defines the key. */
    static byte[] key(SigningKeys keys) {
        return (PercentEncoding.encode(keys.consumerSecret()) + '&' + PercentEncoding.encode(keys.tokenSecret()))
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * A thread's {@link Mac} and the secret instances it was last keyed with. Instances are
     * compared by identity, so that the check takes the same time whatever the secrets hold.
     */
    private static final class KeyedMac {
        private final Mac mac;
        private String consumerSecret;
        private String tokenSecret;

        KeyedMac(Mac mac) {
            this.mac = mac;
        }

        boolean isKeyedWith(SigningKeys keys) {
            return consumerSecret != null && keys.consumerSecret() == consumerSecret && keys.tokenSecret() == tokenSecret;
        }

        void remember(SigningKeys keys) {
            consumerSecret = keys.consumerSecret();
            tokenSecret = keys.tokenSecret();
        }

        void forget() {
            consumerSecret = null;
            tokenSecret = null;
        }
    }
}

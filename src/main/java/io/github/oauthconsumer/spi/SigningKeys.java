package io.github.oauthconsumer.spi;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The key material one signature needs: the shared secrets for HMAC and PLAINTEXT methods, or
 * an RSA key pair half for RSA methods. Which fields are set depends on the method; the others
 * are null. {@link #toString()} never shows a secret.
 */
public final class SigningKeys {

    private final String consumerSecret;
    private final String tokenSecret;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKeys(String consumerSecret, String tokenSecret, PrivateKey privateKey, PublicKey publicKey) {
        this.consumerSecret = consumerSecret;
        this.tokenSecret = tokenSecret == null ? "" : tokenSecret;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Shared secrets for HMAC-* and PLAINTEXT; a null token secret means 2-legged (empty). */
    public static SigningKeys ofSecrets(String consumerSecret, String tokenSecret) {
        return new SigningKeys(consumerSecret == null ? "" : consumerSecret, tokenSecret, null, null);
    }

    /** A private key to sign with an RSA-* method. */
    public static SigningKeys ofPrivateKey(PrivateKey privateKey) {
        return new SigningKeys(null, null, privateKey, null);
    }

    /** A public key to verify an RSA-* signature. */
    public static SigningKeys ofPublicKey(PublicKey publicKey) {
        return new SigningKeys(null, null, null, publicKey);
    }

    /** The consumer secret (client shared secret), or null for RSA keys. */
    public String consumerSecret() {
        return consumerSecret;
    }

    /** The token secret, empty when the request carries no token. */
    public String tokenSecret() {
        return tokenSecret;
    }

    /** The private key for RSA signing, or null. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The public key for RSA verification, or null. */
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public String toString() {
        return "SigningKeys[" + (consumerSecret != null ? "secrets=<hidden>" : "")
                + (privateKey != null ? "privateKey=" + privateKey.getAlgorithm() : "")
                + (publicKey != null ? "publicKey=" + publicKey.getAlgorithm() : "") + "]";
    }
}

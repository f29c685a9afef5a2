package io.github.oauthconsumer.spi;

import java.util.Optional;

/**
 * Finds the key material of a consumer that signs requests to this application: its shared
 * secret for HMAC and PLAINTEXT, or its RSA public key. One validated endpoint can so accept many
 * platforms (for example several learning platforms launching an LTI 1.1 tool).
 *
 * <p>Implementations must be thread-safe. An unknown key is a normal answer (empty).
 */
@FunctionalInterface
public interface ConsumerSecretLookup {

    /**
     * The keys for a consumer key: {@link SigningKeys#ofSecrets(String, String)} with a null token
     * secret, or {@link SigningKeys#ofPublicKey(java.security.PublicKey)}; empty when unknown.
     */
    Optional<SigningKeys> find(String consumerKey);
}

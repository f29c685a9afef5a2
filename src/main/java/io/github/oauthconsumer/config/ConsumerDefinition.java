package io.github.oauthconsumer.config;

import io.github.oauthconsumer.api.OAuthConsumerConfig;
import io.github.oauthconsumer.core.CorrectedClock;
import io.github.oauthconsumer.core.OAuthSigner;
import io.github.oauthconsumer.core.SignatureMethods;
import io.github.oauthconsumer.spi.SignatureMethod;

import java.security.PublicKey;
import java.util.Optional;

/**
 * One consumer, checked and ready to use: its configuration, the signer built from it and, for
 * RSA validation, the public key. Built once per name; thread-safe.
 */
public final class ConsumerDefinition {

    private final String name;
    private final OAuthConsumerConfig config;
    private final SignatureMethod signatureMethod;
    private final OAuthSigner signer;
    private final PublicKey publicKey;
    private final CorrectedClock clock;

    ConsumerDefinition(String name, OAuthConsumerConfig config, SignatureMethod signatureMethod,
                       OAuthSigner signer, PublicKey publicKey, CorrectedClock clock) {
        this.name = name;
        this.config = config;
        this.signatureMethod = signatureMethod;
        this.signer = signer;
        this.publicKey = publicKey;
        this.clock = clock;
    }

    /** The consumer name. */
    public String name() {
        return name;
    }

    /** The merged configuration. */
    public OAuthConsumerConfig config() {
        return config;
    }

    /** The configured signature method for outgoing requests. */
    public SignatureMethod signatureMethod() {
        return signatureMethod;
    }

    /**
     * The signer for outgoing requests.
     *
     * @throws IllegalStateException when the configuration has no key material to sign with
     */
    public OAuthSigner signer() {
        if (signer == null) {
            throw new IllegalStateException("OAuth consumer '" + name + "' has no key to sign with: set "
                    + ConfigKeys.key(name, SignatureMethods.usesRsaKeys(signatureMethod)
                    ? ConfigKeys.PRIVATE_KEY : ConfigKeys.CONSUMER_SECRET));
        }
        return signer;
    }

    /** The RSA public key or certificate key to verify incoming RSA-* signatures, if configured. */
    public Optional<PublicKey> publicKey() {
        return Optional.ofNullable(publicKey);
    }

    /**
     * The clock the signer takes {@code oauth_timestamp} from: this server's, corrected by the offset
     * learned from the provider's refusals (shared by every thread that signs for this name).
     */
    public CorrectedClock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "ConsumerDefinition[" + name + ", " + config + "]";
    }
}

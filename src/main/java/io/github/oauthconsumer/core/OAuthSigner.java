package io.github.oauthconsumer.core;

import io.github.oauthconsumer.api.Token;
import io.github.oauthconsumer.spi.SignatureMethod;
import io.github.oauthconsumer.spi.SigningKeys;

import java.security.PrivateKey;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Signs outgoing requests for one consumer (RFC 5849 section 3): adds {@code oauth_consumer_key},
 * {@code oauth_token} when there is one, {@code oauth_signature_method}, {@code oauth_timestamp},
 * {@code oauth_nonce}, {@code oauth_version} (unless turned off) and {@code oauth_body_hash} when the
 * request has a body to hash, builds the base string and signs it.
 *
 * <p>Immutable and thread-safe; one instance per consumer is meant to be shared.
 * {@link #toString()} shows neither the secret nor the key.
 */
public final class OAuthSigner {

    /** Protocol parameters the signer sets itself and a request may not add. */
    static final Set<String> SIGNER_PARAMETERS = Set.of(OAuthParameterNames.CONSUMER_KEY, OAuthParameterNames.TOKEN,
            OAuthParameterNames.SIGNATURE_METHOD, OAuthParameterNames.SIGNATURE, OAuthParameterNames.TIMESTAMP,
            OAuthParameterNames.NONCE, OAuthParameterNames.VERSION, OAuthParameterNames.BODY_HASH);

    /** The default nonces: hex digits, which need no percent-encoding. */
    private static final Supplier<String> SECURE_NONCES = Nonces::next;

    private final String consumerKey;
    private final String consumerSecret;
    private final PrivateKey privateKey;
    private final SignatureMethod method;
    private final String realm;
    private final boolean includeVersion;
    private final Clock clock;
    private final Supplier<String> nonces;
    private final boolean consumerKeyIsPlain;
    private final boolean methodNameIsPlain;
    private final boolean noncesArePlain;

    private OAuthSigner(Builder builder) {
        this.consumerKey = builder.consumerKey;
        this.consumerSecret = builder.consumerSecret;
        boolean rsa = SignatureMethods.usesRsaKeys(builder.method);
        this.privateKey = rsa || builder.consumerSecret == null ? builder.privateKey : null;
        this.method = builder.method;
        this.realm = builder.realm;
        this.includeVersion = builder.includeVersion;
        this.clock = builder.clock;
        this.nonces = builder.nonces;
        this.consumerKeyIsPlain = PercentEncoding.isUnreserved(consumerKey);
        this.methodNameIsPlain = PercentEncoding.isUnreserved(method.name());
        this.noncesArePlain = builder.nonces == SECURE_NONCES;
    }

    /** Starts a signer for the consumer with this key. */
    public static Builder builder(String consumerKey) {
        return new Builder(consumerKey);
    }

    /**
     * Signs a request with a fresh nonce and the current time. The protocol parameters are
     * percent-encoded once, in the order the base string sorts them, and the encoded text is kept
     * for the transport, so that the {@code Authorization} header needs no second encoding.
     */
    public SignedParameters sign(OAuthRequest request) {
        String[] names = new String[8 + request.extraProtocolParameters().size()];
        String[] values = new String[names.length];
        RequestUri uri = RequestUri.parse(request.url());
        BaseStringWriter writer = BaseStringWriter.acquire();
        try {
            int count = addProtocolParameters(writer, request, names, values);
            writer.addQuery(uri);
            writer.addAll(request.form());
            String signature = method.sign(writer.write(request.method(), uri), keys(request.token()));
            int[] ends = new int[2 * count];
            for (int i = 0; i < count; i++) {
                ends[2 * i] = writer.nameEnd(i);
                ends[2 * i + 1] = writer.valueEnd(i);
            }
            names[count] = OAuthParameterNames.SIGNATURE;
            values[count] = signature;
            return new SignedParameters(realm, names, values, count + 1, writer.encodedText(0, ends[2 * count - 1]), ends);
        } finally {
            writer.release();
        }
    }

    /**
     * The signature base string this signer would sign for the request with the given protocol
     * parameters; for diagnosing a provider's {@code signature_invalid}.
     */
    public String baseString(OAuthRequest request, SignedParameters signed) {
        RequestUri uri = RequestUri.parse(request.url());
        BaseStringWriter writer = BaseStringWriter.acquire();
        try {
            ParameterList protocol = signed.asParameterList();
            for (int i = 0; i < protocol.size(); i++) {
                if (!protocol.name(i).equals(OAuthParameterNames.SIGNATURE)) {
                    writer.add(protocol.name(i), protocol.value(i));
                }
            }
            writer.addQuery(uri);
            writer.addAll(request.form());
            writer.write(request.method(), uri);
            return writer.baseString();
        } finally {
            writer.release();
        }
    }

    /** The signature method in use. */
    public SignatureMethod signatureMethod() {
        return method;
    }

    /** The consumer key. */
    public String consumerKey() {
        return consumerKey;
    }

    /**
     * Adds the protocol parameters, the signer's own in sorted order, then the request's extra ones;
     * values known to hold unreserved characters only are copied without encoding.
     */
    private int addProtocolParameters(BaseStringWriter writer, OAuthRequest request, String[] names, String[] values) {
        int count = 0;
        if (request.body() != null) {
            count = add(writer, names, values, count, OAuthParameterNames.BODY_HASH, BodyHash.of(request.body(), method), false);
        }
        count = add(writer, names, values, count, OAuthParameterNames.CONSUMER_KEY, consumerKey, consumerKeyIsPlain);
        count = add(writer, names, values, count, OAuthParameterNames.NONCE, nonces.get(), noncesArePlain);
        count = add(writer, names, values, count, OAuthParameterNames.SIGNATURE_METHOD, method.name(), methodNameIsPlain);
        count = add(writer, names, values, count, OAuthParameterNames.TIMESTAMP, Long.toString(clock.millis() / 1000), true);
        Token token = request.token();
        if (token != null) {
            count = add(writer, names, values, count, OAuthParameterNames.TOKEN, token.token(), false);
        }
        if (includeVersion) {
            count = add(writer, names, values, count, OAuthParameterNames.VERSION, OAuthParameterNames.VERSION_1_0, true);
        }
        writer.markSorted();
        ParameterList extra = request.extraProtocolParameters();
        for (int i = 0; i < extra.size(); i++) {
            names[count] = extra.name(i);
            values[count++] = extra.value(i);
            writer.add(extra.name(i), extra.value(i));
        }
        return count;
    }

    private static int add(BaseStringWriter writer, String[] names, String[] values, int count, String name,
                           String value, boolean plain) {
        names[count] = name;
        values[count] = value;
        if (plain) {
            writer.addPlain(name, value);
        } else {
            writer.addPlainName(name, value);
        }
        return count + 1;
    }

    private SigningKeys keys(Token token) {
        if (privateKey != null) {
            return SigningKeys.ofPrivateKey(privateKey);
        }
        return SigningKeys.ofSecrets(consumerSecret, token == null ? null : token.secret());
    }

    @Override
    public String toString() {
        return "OAuthSigner[consumerKey=" + consumerKey + ", method=" + method.name()
                + (realm != null ? ", realm=" + realm : "") + "]";
    }

    /** Configures a signer; not thread-safe. */
    public static final class Builder {
        private final String consumerKey;
        private String consumerSecret;
        private PrivateKey privateKey;
        private SignatureMethod method = HmacSignatureMethod.HMAC_SHA1;
        private String realm;
        private boolean includeVersion = true;
        private Clock clock = Clock.systemUTC();
        private Supplier<String> nonces = SECURE_NONCES;

        private Builder(String consumerKey) {
            this.consumerKey = Objects.requireNonNull(consumerKey, "consumerKey");
        }

        /** The consumer secret, for HMAC-* and PLAINTEXT; may be empty. */
        public Builder consumerSecret(String consumerSecret) {
            this.consumerSecret = consumerSecret;
            return this;
        }

        /** The consumer's RSA private key, for RSA-* methods. */
        public Builder privateKey(PrivateKey privateKey) {
            this.privateKey = privateKey;
            return this;
        }

        /** The signature method; HMAC-SHA1 when not set. */
        public Builder signatureMethod(SignatureMethod method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * The signature method by name, built in or registered.
         *
         * @throws IllegalArgumentException when no method has this name
         */
        public Builder signatureMethod(String name) {
            return signatureMethod(SignatureMethods.find(name)
                    .orElseThrow(() -> new IllegalArgumentException("unknown signature method '" + name
                            + "'; known: " + SignatureMethods.builtInNames())));
        }

        /** The {@code realm} of the {@code Authorization} header; not signed. */
        public Builder realm(String realm) {
            this.realm = realm;
            return this;
        }

        /** Whether to send {@code oauth_version=1.0}, which is optional; on by default. */
        public Builder includeVersion(boolean includeVersion) {
            this.includeVersion = includeVersion;
            return this;
        }

        /** The clock for {@code oauth_timestamp}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where nonces come from; by default 128 bits from {@link java.security.SecureRandom}. */
        public Builder nonces(Supplier<String> nonces) {
            this.nonces = Objects.requireNonNull(nonces, "nonces");
            return this;
        }

        /** @throws IllegalArgumentException when the key material does not fit the signature method */
        public OAuthSigner build() {
            boolean rsa = SignatureMethods.usesRsaKeys(method);
            if (rsa && privateKey == null) {
                throw new IllegalArgumentException(method.name() + " needs a private key");
            }
            if (!rsa && consumerSecret == null && privateKey == null) {
                throw new IllegalArgumentException(method.name() + " needs a consumer secret");
            }
            return new OAuthSigner(this);
        }
    }
}

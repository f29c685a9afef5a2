package io.github.oauthconsumer.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything the library needs to know about one service provider: credentials, endpoints,
 * signing options, the pages of the authorization flow and how incoming signatures are checked.
 *
 * <p>The extension builds one per {@link OAuthConsumer} name from MicroProfile Config
 * ({@code oauth1.<name>.*}). An application may also declare
 * {@code @Produces @OAuthConsumer("name") OAuthConsumerConfig}, built with {@link #builder()}; keys
 * present in MicroProfile Config then override the produced values, so that deployments can still
 * change them with environment variables. Immutable; {@link #toString()} hides the secret and key.
 */
public final class OAuthConsumerConfig {

    /**
     * The {@link #callbackUrl()} that makes the flow out-of-band (RFC 5849 section 2.1): the provider
     * shows the user a verification code, which the user pastes into the library's verifier page.
     */
    public static final String OUT_OF_BAND = "oob";

    private final String consumerKey;
    private final String consumerSecret;
    private final String signatureMethod;
    private final String privateKey;
    private final String privateKeyLocation;
    private final String realm;
    private final String requestTokenUrl;
    private final String authorizationUrl;
    private final String accessTokenUrl;
    private final String callbackUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final String userAgent;
    private final Transport transport;
    private final boolean bodyHash;
    private final String authorizePage;
    private final String successPage;
    private final String refusedPage;
    private final String refusedUrl;
    private final Duration pendingAuthorizationTimeout;
    private final String publicKey;
    private final String publicKeyLocation;
    private final Duration timestampWindow;
    private final boolean requireBodyHash;
    private final String publicBaseUrl;
    private final boolean trustForwardedHeaders;
    private final String invalidSignaturePage;
    private final String revocationUrl;
    private final String reactivateProblem;
    private final String reactivateUrl;
    private final String verifierPage;
    private final String requestTokenParameters;
    private final String tokenRequestMethod;
    private final boolean explainRefusals;
    private final boolean clockSkewCorrection;
    private final Duration maxClockOffset;

    private OAuthConsumerConfig(Builder builder) {
        this.consumerKey = builder.consumerKey;
        this.consumerSecret = builder.consumerSecret;
        this.signatureMethod = builder.signatureMethod;
        this.privateKey = builder.privateKey;
        this.privateKeyLocation = builder.privateKeyLocation;
        this.realm = builder.realm;
        this.requestTokenUrl = builder.requestTokenUrl;
        this.authorizationUrl = builder.authorizationUrl;
        this.accessTokenUrl = builder.accessTokenUrl;
        this.callbackUrl = builder.callbackUrl;
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.userAgent = builder.userAgent;
        this.transport = builder.transport;
        this.bodyHash = builder.bodyHash;
        this.authorizePage = builder.authorizePage;
        this.successPage = builder.successPage;
        this.refusedPage = builder.refusedPage;
        this.refusedUrl = builder.refusedUrl;
        this.pendingAuthorizationTimeout = builder.pendingAuthorizationTimeout;
        this.publicKey = builder.publicKey;
        this.publicKeyLocation = builder.publicKeyLocation;
        this.timestampWindow = builder.timestampWindow;
        this.requireBodyHash = builder.requireBodyHash;
        this.publicBaseUrl = builder.publicBaseUrl;
        this.trustForwardedHeaders = builder.trustForwardedHeaders;
        this.invalidSignaturePage = builder.invalidSignaturePage;
        this.revocationUrl = builder.revocationUrl;
        this.reactivateProblem = builder.reactivateProblem;
        this.reactivateUrl = builder.reactivateUrl;
        this.verifierPage = builder.verifierPage;
        this.requestTokenParameters = builder.requestTokenParameters;
        this.tokenRequestMethod = builder.tokenRequestMethod;
        this.explainRefusals = builder.explainRefusals;
        this.clockSkewCorrection = builder.clockSkewCorrection;
        this.maxClockOffset = builder.maxClockOffset;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.consumerKey = consumerKey;
        builder.consumerSecret = consumerSecret;
        builder.signatureMethod = signatureMethod;
        builder.privateKey = privateKey;
        builder.privateKeyLocation = privateKeyLocation;
        builder.realm = realm;
        builder.requestTokenUrl = requestTokenUrl;
        builder.authorizationUrl = authorizationUrl;
        builder.accessTokenUrl = accessTokenUrl;
        builder.callbackUrl = callbackUrl;
        builder.connectTimeout = connectTimeout;
        builder.readTimeout = readTimeout;
        builder.userAgent = userAgent;
        builder.transport = transport;
        builder.bodyHash = bodyHash;
        builder.authorizePage = authorizePage;
        builder.successPage = successPage;
        builder.refusedPage = refusedPage;
        builder.refusedUrl = refusedUrl;
        builder.pendingAuthorizationTimeout = pendingAuthorizationTimeout;
        builder.publicKey = publicKey;
        builder.publicKeyLocation = publicKeyLocation;
        builder.timestampWindow = timestampWindow;
        builder.requireBodyHash = requireBodyHash;
        builder.publicBaseUrl = publicBaseUrl;
        builder.trustForwardedHeaders = trustForwardedHeaders;
        builder.invalidSignaturePage = invalidSignaturePage;
        builder.revocationUrl = revocationUrl;
        builder.reactivateProblem = reactivateProblem;
        builder.reactivateUrl = reactivateUrl;
        builder.verifierPage = verifierPage;
        builder.requestTokenParameters = requestTokenParameters;
        builder.tokenRequestMethod = tokenRequestMethod;
        builder.explainRefusals = explainRefusals;
        builder.clockSkewCorrection = clockSkewCorrection;
        builder.maxClockOffset = maxClockOffset;
        return builder;
    }

    /** The {@code oauth_consumer_key} the provider assigned. */
    public String consumerKey() {
        return consumerKey;
    }

    /** The consumer secret for HMAC-* and PLAINTEXT. */
    public String consumerSecret() {
        return consumerSecret;
    }

    /** The {@code oauth_signature_method}; HMAC-SHA1 by default. */
    public String signatureMethod() {
        return signatureMethod;
    }

    /** The RSA private key as PEM text (PKCS#8 or PKCS#1), for RSA-* methods. */
    public String privateKey() {
        return privateKey;
    }

    /** A file path or class-path resource holding the PEM private key. */
    public String privateKeyLocation() {
        return privateKeyLocation;
    }

    /** The {@code realm} of the {@code Authorization} header, or null. */
    public String realm() {
        return realm;
    }

    /** Where request tokens (temporary credentials) are obtained. */
    public String requestTokenUrl() {
        return requestTokenUrl;
    }

    /** Where the user is sent to approve a request token. */
    public String authorizationUrl() {
        return authorizationUrl;
    }

    /** Where request tokens are exchanged for access tokens, and renewed. */
    public String accessTokenUrl() {
        return accessTokenUrl;
    }

    /**
     * The absolute callback URL; computed from the request when null; {@value #OUT_OF_BAND} for a
     * provider that shows the user a code to paste instead.
     */
    public String callbackUrl() {
        return callbackUrl;
    }

    /** How long to wait for a connection to the provider; 5 s by default. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for the provider's answer; 30 s by default. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * The {@code User-Agent} header of every request to the provider (token requests and signed
     * calls), which some providers require; null for the HTTP client's own.
     */
    public String userAgent() {
        return userAgent;
    }

    /** Where outgoing protocol parameters go; the header by default. */
    public Transport transport() {
        return transport;
    }

    /** Whether outgoing bodies that are not forms get {@code oauth_body_hash}. */
    public boolean bodyHash() {
        return bodyHash;
    }

    /** A page shown before the redirect to the provider, or null to redirect at once. */
    public String authorizePage() {
        return authorizePage;
    }

    /** A page shown after an access token was obtained, or null to redirect at once. */
    public String successPage() {
        return successPage;
    }

    /** A page shown when the user refused, or null for the built-in one. */
    public String refusedPage() {
        return refusedPage;
    }

    /** Where to send the user when they refused, instead of a page. */
    public String refusedUrl() {
        return refusedUrl;
    }

    /** How long a started authorization may wait for its callback; 10 min by default. */
    public Duration pendingAuthorizationTimeout() {
        return pendingAuthorizationTimeout;
    }

    /** The consumer's RSA public key or X.509 certificate as PEM, to verify RSA-* requests. */
    public String publicKey() {
        return publicKey;
    }

    /** A file path or class-path resource holding the PEM public key or certificate. */
    public String publicKeyLocation() {
        return publicKeyLocation;
    }

    /** How far an incoming timestamp may be from the clock; 300 s by default. */
    public Duration timestampWindow() {
        return timestampWindow;
    }

    /** Whether incoming bodies that are not forms must carry {@code oauth_body_hash}. */
    public boolean requireBodyHash() {
        return requireBodyHash;
    }

    /** The public base URL the signer saw (scheme, host, port, context), when behind a proxy. */
    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    /** Whether {@code Forwarded} / {@code X-Forwarded-*} headers say which URL was signed. */
    public boolean trustForwardedHeaders() {
        return trustForwardedHeaders;
    }

    /** A page shown (with status 401) when an incoming signature is refused. */
    public String invalidSignaturePage() {
        return invalidSignaturePage;
    }

    /** Where the provider revokes an access token ({@link AccessTokenFlow#disconnect}), or null. */
    public String revocationUrl() {
        return revocationUrl;
    }

    /** The HTTP method of the token requests (request token, access token, renewal, reactivation): {@code POST} by default, or {@code GET}. */
    public String tokenRequestMethod() {
        return tokenRequestMethod;
    }

    /** Extra parameters of the request-token request, form-encoded ({@code scope=read%20write&lang=en}), signed with it; null for none. */
    public String requestTokenParameters() {
        return requestTokenParameters;
    }

    /** The page that asks for the verification code when {@link #callbackUrl()} is {@value #OUT_OF_BAND}, or null for the library's own. */
    public String verifierPage() {
        return verifierPage;
    }

    /** Whether the flow is out-of-band: {@link #callbackUrl()} is {@value #OUT_OF_BAND}. */
    public boolean isOutOfBand() {
        return OUT_OF_BAND.equals(callbackUrl);
    }

    /** Where an idle access token is reactivated (E*TRADE's {@code renew_access_token}), signed with that token; null when the provider has no such thing. */
    public String reactivateUrl() {
        return reactivateUrl;
    }

    /** The {@code oauth_problem} of the 401 with which the provider refuses an idle token, to be reactivated at {@link #reactivateUrl()}; {@code token_rejected} by default (E*TRADE's). */
    public String reactivateProblem() {
        return reactivateProblem;
    }

    /**
     * Whether a {@code signature_invalid} refusal of an incoming request tells the client the
     * signature base string this server computed and the URL it used ({@code oauth_signature_base_string},
     * {@code oauth_request_url}), so that a platform's administrator can compare it with theirs;
     * never the expected signature, never a secret. Off by default.
     */
    public boolean explainRefusals() {
        return explainRefusals;
    }

    /**
     * Whether outgoing requests correct the local clock by the offset a provider's refusal reveals
     * ({@code oauth_acceptable_timestamps}, or its {@code Date} header), and retry once; on by default.
     */
    public boolean clockSkewCorrection() {
        return clockSkewCorrection;
    }

    /** The largest clock offset {@link #clockSkewCorrection()} applies; beyond it a request fails; 1 h by default. */
    public Duration maxClockOffset() {
        return maxClockOffset;
    }

    /** Whether the three endpoints of the access-token flow are configured. */
    public boolean hasFlowEndpoints() {
        return requestTokenUrl != null && authorizationUrl != null && accessTokenUrl != null;
    }

    /** Shows the consumer key, method and endpoints; never the secret or the private key. */
    @Override
    public String toString() {
        return "OAuthConsumerConfig[consumerKey=" + consumerKey
                + ", consumerSecret=" + (consumerSecret == null ? "null" : "<hidden>")
                + ", privateKey=" + (privateKey == null ? "null" : "<hidden>")
                + ", signatureMethod=" + signatureMethod + ", realm=" + realm
                + ", requestTokenUrl=" + requestTokenUrl + ", authorizationUrl=" + authorizationUrl
                + ", accessTokenUrl=" + accessTokenUrl + ", transport=" + transport + "]";
    }

    /** Collects configuration values; not thread-safe. */
    public static final class Builder {
        private String consumerKey = null;
        private String consumerSecret = null;
        private String signatureMethod = "HMAC-SHA1";
        private String privateKey = null;
        private String privateKeyLocation = null;
        private String realm = null;
        private String requestTokenUrl = null;
        private String authorizationUrl = null;
        private String accessTokenUrl = null;
        private String callbackUrl = null;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(30);
        private String userAgent = null;
        private Transport transport = Transport.HEADER;
        private boolean bodyHash = false;
        private String authorizePage = null;
        private String successPage = null;
        private String refusedPage = null;
        private String refusedUrl = null;
        private Duration pendingAuthorizationTimeout = Duration.ofMinutes(10);
        private String publicKey = null;
        private String publicKeyLocation = null;
        private Duration timestampWindow = Duration.ofSeconds(300);
        private boolean requireBodyHash = false;
        private String publicBaseUrl = null;
        private boolean trustForwardedHeaders = false;
        private String invalidSignaturePage = null;
        private String revocationUrl = null;
        private String reactivateProblem = "token_rejected";
        private boolean explainRefusals = false;
        private boolean clockSkewCorrection = true;
        private Duration maxClockOffset = Duration.ofHours(1);
        private String reactivateUrl = null;
        private String verifierPage = null;
        private String requestTokenParameters = null;
        private String tokenRequestMethod = "POST";

        private Builder() {
        }

        /** The {@code oauth_consumer_key} the provider assigned. */
        public Builder consumerKey(String consumerKey) {
            this.consumerKey = consumerKey;
            return this;
        }

        /** The consumer secret for HMAC-* and PLAINTEXT. */
        public Builder consumerSecret(String consumerSecret) {
            this.consumerSecret = consumerSecret;
            return this;
        }

        /** The {@code oauth_signature_method}; HMAC-SHA1 by default. */
        public Builder signatureMethod(String signatureMethod) {
            this.signatureMethod = signatureMethod;
            return this;
        }

        /** The RSA private key as PEM text (PKCS#8 or PKCS#1), for RSA-* methods. */
        public Builder privateKey(String privateKey) {
            this.privateKey = privateKey;
            return this;
        }

        /** A file path or class-path resource holding the PEM private key. */
        public Builder privateKeyLocation(String privateKeyLocation) {
            this.privateKeyLocation = privateKeyLocation;
            return this;
        }

        /** The {@code realm} of the {@code Authorization} header, or null. */
        public Builder realm(String realm) {
            this.realm = realm;
            return this;
        }

        /** Where request tokens (temporary credentials) are obtained. */
        public Builder requestTokenUrl(String requestTokenUrl) {
            this.requestTokenUrl = requestTokenUrl;
            return this;
        }

        /** Where the user is sent to approve a request token. */
        public Builder authorizationUrl(String authorizationUrl) {
            this.authorizationUrl = authorizationUrl;
            return this;
        }

        /** Where request tokens are exchanged for access tokens, and renewed. */
        public Builder accessTokenUrl(String accessTokenUrl) {
            this.accessTokenUrl = accessTokenUrl;
            return this;
        }

        /** The absolute callback URL; computed from the request when null. */
        public Builder callbackUrl(String callbackUrl) {
            this.callbackUrl = callbackUrl;
            return this;
        }

        /** How long to wait for a connection to the provider; 5 s by default. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long to wait for the provider's answer; 30 s by default. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
            return this;
        }

        /** The {@code User-Agent} of requests to the provider; null for the HTTP client's own. */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** Where outgoing protocol parameters go; the header by default. */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** Whether outgoing bodies that are not forms get {@code oauth_body_hash}. */
        public Builder bodyHash(boolean bodyHash) {
            this.bodyHash = bodyHash;
            return this;
        }

        /** A page shown before the redirect to the provider, or null to redirect at once. */
        public Builder authorizePage(String authorizePage) {
            this.authorizePage = authorizePage;
            return this;
        }

        /** A page shown after an access token was obtained, or null to redirect at once. */
        public Builder successPage(String successPage) {
            this.successPage = successPage;
            return this;
        }

        /** A page shown when the user refused, or null for the built-in one. */
        public Builder refusedPage(String refusedPage) {
            this.refusedPage = refusedPage;
            return this;
        }

        /** Where to send the user when they refused, instead of a page. */
        public Builder refusedUrl(String refusedUrl) {
            this.refusedUrl = refusedUrl;
            return this;
        }

        /** How long a started authorization may wait for its callback; 10 min by default. */
        public Builder pendingAuthorizationTimeout(Duration pendingAuthorizationTimeout) {
            this.pendingAuthorizationTimeout = Objects.requireNonNull(pendingAuthorizationTimeout, "pendingAuthorizationTimeout");
            return this;
        }

        /** The consumer's RSA public key or X.509 certificate as PEM, to verify RSA-* requests. */
        public Builder publicKey(String publicKey) {
            this.publicKey = publicKey;
            return this;
        }

        /** A file path or class-path resource holding the PEM public key or certificate. */
        public Builder publicKeyLocation(String publicKeyLocation) {
            this.publicKeyLocation = publicKeyLocation;
            return this;
        }

        /** How far an incoming timestamp may be from the clock; 300 s by default. */
        public Builder timestampWindow(Duration timestampWindow) {
            this.timestampWindow = Objects.requireNonNull(timestampWindow, "timestampWindow");
            return this;
        }

        /** Whether incoming bodies that are not forms must carry {@code oauth_body_hash}. */
        public Builder requireBodyHash(boolean requireBodyHash) {
            this.requireBodyHash = requireBodyHash;
            return this;
        }

        /** The public base URL the signer saw (scheme, host, port, context), when behind a proxy. */
        public Builder publicBaseUrl(String publicBaseUrl) {
            this.publicBaseUrl = publicBaseUrl;
            return this;
        }

        /** Whether {@code Forwarded} / {@code X-Forwarded-*} headers say which URL was signed. */
        public Builder trustForwardedHeaders(boolean trustForwardedHeaders) {
            this.trustForwardedHeaders = trustForwardedHeaders;
            return this;
        }

        /** A page shown (with status 401) when an incoming signature is refused. */
        public Builder invalidSignaturePage(String invalidSignaturePage) {
            this.invalidSignaturePage = invalidSignaturePage;
            return this;
        }

        /** Where the provider revokes an access token ({@link AccessTokenFlow#disconnect}), or null. */
        public Builder revocationUrl(String revocationUrl) {
            this.revocationUrl = revocationUrl;
            return this;
        }

        /** The HTTP method of the token requests (request token, access token, renewal, reactivation): {@code POST} by default, or {@code GET}. */
        public Builder tokenRequestMethod(String tokenRequestMethod) {
            this.tokenRequestMethod = Objects.requireNonNull(tokenRequestMethod, "tokenRequestMethod");
            return this;
        }

        /** Extra parameters of the request-token request, form-encoded ({@code scope=read%20write&lang=en}), signed with it; null for none. */
        public Builder requestTokenParameters(String requestTokenParameters) {
            this.requestTokenParameters = requestTokenParameters;
            return this;
        }

        /** The page that asks for the verification code when {@link #callbackUrl()} is {@value #OUT_OF_BAND}, or null for the library's own. */
        public Builder verifierPage(String verifierPage) {
            this.verifierPage = verifierPage;
            return this;
        }

        /** Where an idle access token is reactivated (E*TRADE's {@code renew_access_token}), signed with that token; null when the provider has no such thing. */
        public Builder reactivateUrl(String reactivateUrl) {
            this.reactivateUrl = reactivateUrl;
            return this;
        }

        /** The {@code oauth_problem} of the 401 with which the provider refuses an idle token, to be reactivated at {@link #reactivateUrl()}; {@code token_rejected} by default (E*TRADE's). */
        public Builder reactivateProblem(String reactivateProblem) {
            this.reactivateProblem = Objects.requireNonNull(reactivateProblem, "reactivateProblem");
            return this;
        }

        /** Whether refusals of incoming requests show the base string this server computed; off by default. */
        public Builder explainRefusals(boolean explainRefusals) {
            this.explainRefusals = explainRefusals;
            return this;
        }

        /** Whether outgoing requests correct a clock offset a provider reveals, retrying once; on by default. */
        public Builder clockSkewCorrection(boolean clockSkewCorrection) {
            this.clockSkewCorrection = clockSkewCorrection;
            return this;
        }

        /** The largest clock offset corrected; 1 h by default. */
        public Builder maxClockOffset(Duration maxClockOffset) {
            this.maxClockOffset = Objects.requireNonNull(maxClockOffset, "maxClockOffset");
            return this;
        }

        /** The configuration; the extension checks it when the application is deployed. */
        public OAuthConsumerConfig build() {
            return new OAuthConsumerConfig(this);
        }
    }
}

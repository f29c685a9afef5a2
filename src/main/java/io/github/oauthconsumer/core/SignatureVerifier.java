package io.github.oauthconsumer.core;

import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.spi.ConsumerSecretLookup;
import io.github.oauthconsumer.spi.SignatureMethod;
import io.github.oauthconsumer.spi.SigningKeys;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Verifies incoming 2-legged signed requests (RFC 5849 section 3.2), such as LTI 1.1 launches or
 * OpenSocial signed requests. The protocol parameters must all come from one place (the
 * {@code Authorization} header, the query or the form body), none may repeat, the required ones
 * must be there, the timestamp must be inside the window, the signature is compared in constant
 * time, and only then is the nonce recorded, so that unsigned traffic cannot fill the nonce store.
 *
 * <p>Every refusal is an {@link OAuthProblemException} with the Problem Reporting code and the
 * status of RFC 5849 section 3.2 (400 for a malformed request, 401 otherwise). Immutable and
 * thread-safe.
 */
public final class SignatureVerifier {

    private static final String[] REQUIRED = {OAuthParameterNames.CONSUMER_KEY, OAuthParameterNames.SIGNATURE_METHOD,
            OAuthParameterNames.SIGNATURE, OAuthParameterNames.TIMESTAMP, OAuthParameterNames.NONCE};

    private final ConsumerSecretLookup consumers;
    private final NonceCheck nonces;
    private final Clock clock;
    private final long windowSeconds;
    /** The methods accepted, by name: resolved once, so that no request makes the verifier scan for providers. */
    private final Map<String, SignatureMethod> methods;
    private final boolean requireBodyHash;
    private final boolean explainRefusals;

    private SignatureVerifier(Builder builder) {
        this.consumers = builder.consumers;
        this.nonces = builder.nonces;
        this.clock = builder.clock;
        this.windowSeconds = builder.window.toSeconds();
        Map<String, SignatureMethod> known = new HashMap<>(SignatureMethods.all(builder.classLoader));
        if (builder.allowedMethods != null) {
            known.keySet().retainAll(builder.allowedMethods);
        }
        this.methods = Map.copyOf(known);
        this.requireBodyHash = builder.requireBodyHash;
        this.explainRefusals = builder.explainRefusals;
    }

    /** Starts a verifier that looks up consumers with {@code consumers}. */
    public static Builder builder(ConsumerSecretLookup consumers) {
        return new Builder(consumers);
    }

    /**
     * Verifies a request.
     *
     * @throws OAuthProblemException when the request is refused; nothing is recorded then, except
     *                               that a valid signature's nonce stays recorded
     */
    public VerifiedRequest verify(IncomingRequest request) {
        AuthorizationHeader header = AuthorizationHeader.parse(request.authorization()).orElse(null);
        ParameterList headerParameters = header == null ? new ParameterList() : header.parametersView();
        RequestUri uri = parseUri(request.url());
        ParameterList query = parseQuery(uri);
        ParameterList form = request.formParameters();

        ReceivedProtocolParameters protocol = ReceivedProtocolParameters.of(protocolSource(headerParameters, query, form));
        boolean plaintext = "PLAINTEXT".equals(protocol.signatureMethod());
        String missing = missing(protocol, plaintext);
        if (!missing.isEmpty()) {
            throw absent(missing);
        }
        checkVersion(protocol.version());
        SignatureMethod method = method(protocol.signatureMethod());
        long timestamp = protocol.timestamp() == null ? 0 : checkTimestamp(protocol.timestamp());
        if (protocol.token() != null && !protocol.token().isEmpty()) {
            throw new OAuthProblemException(OAuthProblem.TOKEN_REJECTED,
                    "this endpoint accepts 2-legged requests only, without oauth_token");
        }
        String consumerKey = protocol.consumerKey();
        SigningKeys keys = consumers.find(consumerKey).orElseThrow(() -> new OAuthProblemException(
                OAuthProblem.CONSUMER_KEY_UNKNOWN, "no consumer with this key"));
        checkKeysFit(method, keys);
        checkBodyHash(protocol.bodyHash(), form, request.body(), method);

        ParameterList signed = new ParameterList();
        BaseStringWriter writer = BaseStringWriter.acquire();
        boolean valid;
        String baseString = null;
        try {
            addSigned(header, headerParameters, signed, writer);
            addSigned(null, query, signed, writer);
            addSigned(null, form, signed, writer);
            valid = method.verify(writer.write(request.method(), uri), protocol.signature(), keys);
            if (!valid && explainRefusals) {
                baseString = writer.baseString();
            }
        } finally {
            writer.release();
        }
        if (!valid) {
            throw invalidSignature(request.url(), baseString);
        }
        if (protocol.nonce() != null && !nonces.firstUse(consumerKey, timestamp, protocol.nonce())) {
            throw new OAuthProblemException(OAuthProblem.NONCE_USED, "this nonce was already used");
        }
        return new VerifiedRequest(consumerKey, null, protocol.signatureMethod(), timestamp, protocol.nonce(), signed);
    }

    /**
     * The refusal of a signature that does not match; when refusals are explained, with the base
     * string computed here and the URL it was computed for (neither holds a secret: the secrets are
     * the key, and the signature expected is not told).
     */
    private static OAuthProblemException invalidSignature(String url, String baseString) {
        String message = "the signature does not match the request";
        if (baseString == null) {
            return new OAuthProblemException(OAuthProblem.SIGNATURE_INVALID, message);
        }
        Map<String, String> explained = new LinkedHashMap<>();
        explained.put(OAuthParameterNames.SIGNATURE_BASE_STRING, baseString);
        explained.put(OAuthParameterNames.REQUEST_URL, url);
        return new OAuthProblemException(OAuthProblem.SIGNATURE_INVALID, OAuthProblem.SIGNATURE_INVALID.status(),
                message + "; compare oauth_signature_base_string with the one you signed", explained);
    }

    private static RequestUri parseUri(String url) {
        try {
            return RequestUri.parse(url);
        } catch (IllegalArgumentException e) {
            throw new OAuthProblemException(OAuthProblem.PARAMETER_REJECTED, "the request URL cannot be used: " + e.getMessage());
        }
    }

    private static ParameterList parseQuery(RequestUri uri) {
        if (!uri.hasQuery()) {
            return new ParameterList();
        }
        try {
            return ParameterList.parseFormEncoded(uri.url.substring(uri.queryStart, uri.queryEnd));
        } catch (IllegalArgumentException e) {
            throw new OAuthProblemException(OAuthProblem.PARAMETER_REJECTED, "the query string is not properly encoded");
        }
    }

    private static ParameterList protocolSource(ParameterList header, ParameterList query, ParameterList form) {
        boolean inHeader = header.hasProtocolParameter();
        boolean inQuery = query.hasProtocolParameter();
        boolean inForm = form.hasProtocolParameter();
        int places = (inHeader ? 1 : 0) + (inQuery ? 1 : 0) + (inForm ? 1 : 0);
        if (places > 1) {
            throw new OAuthProblemException(OAuthProblem.PARAMETER_REJECTED,
                    "protocol parameters must be sent in exactly one place: the Authorization header, the query or the form body");
        }
        if (places == 0) {
            throw absent(String.join("&", REQUIRED));
        }
        return inHeader ? header : inQuery ? query : form;
    }

    private static String missing(ReceivedProtocolParameters protocol, boolean plaintext) {
        StringJoiner missing = new StringJoiner("&");
        String[] values = {protocol.consumerKey(), protocol.signatureMethod(), protocol.signature(), protocol.timestamp(),
                protocol.nonce()};
        for (int i = 0; i < REQUIRED.length; i++) {
            boolean optional = plaintext && (REQUIRED[i].equals(OAuthParameterNames.TIMESTAMP)
                    || REQUIRED[i].equals(OAuthParameterNames.NONCE));
            if (!optional && values[i] == null) {
                missing.add(REQUIRED[i]);
            }
        }
        return missing.toString();
    }

    private static OAuthProblemException absent(String names) {
        return new OAuthProblemException(OAuthProblem.PARAMETER_ABSENT, OAuthProblem.PARAMETER_ABSENT.status(),
                "missing " + names.replace("&", ", "), Map.of(OAuthParameterNames.PARAMETERS_ABSENT, names));
    }

    private static void checkVersion(String version) {
        if (version != null && !version.equals(OAuthParameterNames.VERSION_1_0)) {
            throw new OAuthProblemException(OAuthProblem.VERSION_REJECTED, OAuthProblem.VERSION_REJECTED.status(),
                    "only oauth_version 1.0 is supported", Map.of(OAuthParameterNames.ACCEPTABLE_VERSIONS, "1.0-1.0"));
        }
    }

    private SignatureMethod method(String name) {
        SignatureMethod method = methods.get(name);
        if (method == null) {
            throw new OAuthProblemException(OAuthProblem.SIGNATURE_METHOD_REJECTED, "signature method not supported here");
        }
        return method;
    }

    private long checkTimestamp(String text) {
        if (text.isEmpty() || text.length() > 18) {
            throw rejectedTimestamp();
        }
        long timestamp = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw rejectedTimestamp();
            }
            timestamp = timestamp * 10 + (c - '0');
        }
        long now = clock.millis() / 1000;
        if (Math.abs(now - timestamp) > windowSeconds) {
            throw new OAuthProblemException(OAuthProblem.TIMESTAMP_REFUSED, OAuthProblem.TIMESTAMP_REFUSED.status(),
                    "the timestamp is more than " + windowSeconds + " seconds away from the server's clock",
                    Map.of(OAuthParameterNames.ACCEPTABLE_TIMESTAMPS, (now - windowSeconds) + "-" + (now + windowSeconds)));
        }
        return timestamp;
    }

    private static OAuthProblemException rejectedTimestamp() {
        return new OAuthProblemException(OAuthProblem.PARAMETER_REJECTED, OAuthProblem.PARAMETER_REJECTED.status(),
                "oauth_timestamp must be a number of seconds", Map.of(OAuthParameterNames.PARAMETERS_REJECTED,
                OAuthParameterNames.TIMESTAMP));
    }

    private static void checkKeysFit(SignatureMethod method, SigningKeys keys) {
        boolean rsa = SignatureMethods.usesRsaKeys(method);
        if (rsa ? keys.publicKey() == null : keys.consumerSecret() == null) {
            throw new OAuthProblemException(OAuthProblem.SIGNATURE_METHOD_REJECTED,
                    "this consumer is not configured for " + method.name());
        }
    }

    private void checkBodyHash(String bodyHash, ParameterList form, byte[] body, SignatureMethod method) {
        if (bodyHash != null) {
            if (!form.isEmpty()) {
                throw new OAuthProblemException(OAuthProblem.PARAMETER_REJECTED, OAuthProblem.PARAMETER_REJECTED.status(),
                        "oauth_body_hash must not be sent with a form-encoded body",
                        Map.of(OAuthParameterNames.PARAMETERS_REJECTED, OAuthParameterNames.BODY_HASH));
            }
            if (!BodyHash.matches(body == null ? new byte[0] : body, bodyHash, method)) {
                throw new OAuthProblemException(OAuthProblem.SIGNATURE_INVALID, "oauth_body_hash does not match the body");
            }
        } else if (requireBodyHash && form.isEmpty() && body != null && body.length > 0) {
            throw absent(OAuthParameterNames.BODY_HASH);
        }
    }

    /**
     * Adds every parameter but {@code oauth_signature} to the base string and to the signed list;
     * header parameters sent as unreserved characters only are copied without encoding them again.
     */
    private static void addSigned(AuthorizationHeader header, ParameterList parameters, ParameterList signed,
                                  BaseStringWriter writer) {
        for (int i = 0, n = parameters.size(); i < n; i++) {
            String name = parameters.name(i);
            if (!name.equals(OAuthParameterNames.SIGNATURE)) {
                String value = parameters.value(i);
                if (header != null && header.isPlain(i)) {
                    writer.addPlain(name, value);
                } else {
                    writer.add(name, value);
                }
                signed.add(name, value);
            }
        }
    }

    /** Configures a verifier; not thread-safe. */
    public static final class Builder {
        private final ConsumerSecretLookup consumers;
        private NonceCheck nonces;
        private Clock clock = Clock.systemUTC();
        private Duration window = Duration.ofSeconds(300);
        private Set<String> allowedMethods;
        private boolean requireBodyHash;
        private boolean explainRefusals;
        private ClassLoader classLoader = SignatureVerifier.class.getClassLoader();

        private Builder(ConsumerSecretLookup consumers) {
            this.consumers = Objects.requireNonNull(consumers, "consumers");
        }

        /** The replay check; required, {@link NonceCheck#NONE} turns it off explicitly. */
        public Builder nonceCheck(NonceCheck nonces) {
            this.nonces = Objects.requireNonNull(nonces, "nonces");
            return this;
        }

        /** The clock timestamps are compared with. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How far a timestamp may be from the clock, either way; 300 seconds by default. */
        public Builder timestampWindow(Duration window) {
            if (window.isNegative()) {
                throw new IllegalArgumentException("the timestamp window must not be negative");
            }
            this.window = window;
            return this;
        }

        /** The signature methods accepted; all known ones when not set. */
        public Builder allowedSignatureMethods(Set<String> names) {
            this.allowedMethods = new LinkedHashSet<>(names);
            return this;
        }

        /** Whether a request with a body that is not a form must carry {@code oauth_body_hash}. */
        public Builder requireBodyHash(boolean requireBodyHash) {
            this.requireBodyHash = requireBodyHash;
            return this;
        }

        /**
         * Whether a {@code signature_invalid} refusal carries the base string computed here
         * ({@code oauth_signature_base_string}) and the URL used ({@code oauth_request_url}); off by default.
         */
        public Builder explainRefusals(boolean explainRefusals) {
            this.explainRefusals = explainRefusals;
            return this;
        }

        /** The class loader to find application signature methods with. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /** @throws IllegalStateException when no nonce check was set */
        public SignatureVerifier build() {
            if (nonces == null) {
                throw new IllegalStateException("a nonce check is required; use NonceCheck.NONE to turn replay protection off");
            }
            return new SignatureVerifier(this);
        }
    }
}

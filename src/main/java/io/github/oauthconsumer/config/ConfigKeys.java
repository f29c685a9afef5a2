package io.github.oauthconsumer.config;

/**
 * The MicroProfile Config keys of one consumer, {@code oauth1.<name>.<key>}. With the standard
 * environment-variable mapping, {@code oauth1.twitter.consumer-key} can be set as
 * {@code OAUTH1_TWITTER_CONSUMER_KEY}.
 */
public final class ConfigKeys {

    /**
     * The value that switches an optional page, URL, realm or user agent off, also where a producer
     * or {@code microprofile-config.properties} sets it: {@code OAUTH1_DEMO_PAGE_AUTHORIZE=none}.
     */
    public static final String NONE = "none";

    /** Every key starts with this prefix, then the consumer name. */
    public static final String PREFIX = "oauth1.";

    public static final String CONSUMER_KEY = "consumer-key";
    public static final String CONSUMER_SECRET = "consumer-secret";
    public static final String SIGNATURE_METHOD = "signature-method";
    public static final String PRIVATE_KEY = "private-key";
    public static final String PRIVATE_KEY_LOCATION = "private-key-location";
    public static final String REALM = "realm";
    public static final String REQUEST_TOKEN_URL = "request-token-url";
    public static final String AUTHORIZATION_URL = "authorization-url";
    public static final String ACCESS_TOKEN_URL = "access-token-url";
    public static final String CALLBACK_URL = "callback-url";
    public static final String CONNECT_TIMEOUT = "connect-timeout";
    public static final String READ_TIMEOUT = "read-timeout";
    public static final String USER_AGENT = "user-agent";
    public static final String TRANSPORT = "transport";
    public static final String BODY_HASH = "body-hash";
    public static final String PAGE_AUTHORIZE = "page.authorize";
    public static final String PAGE_SUCCESS = "page.success";
    public static final String PAGE_REFUSED = "page.refused";
    public static final String REFUSED_URL = "refused-url";
    public static final String PENDING_TIMEOUT = "pending-timeout";
    public static final String PUBLIC_KEY = "public-key";
    public static final String PUBLIC_KEY_LOCATION = "public-key-location";
    public static final String TIMESTAMP_WINDOW = "timestamp-window";
    public static final String REQUIRE_BODY_HASH = "require-body-hash";
    public static final String PUBLIC_BASE_URL = "public-base-url";
    public static final String TRUST_FORWARDED_HEADERS = "trust-forwarded-headers";
    public static final String PAGE_INVALID_SIGNATURE = "page.invalid-signature";
    /** Servlet url-patterns whose requests must carry a valid signature for the name (comma-separated). */
    public static final String VALIDATE_PATHS = "validate-paths";
    /** Where the provider revokes an access token (a signed POST with the token); optional. */
    public static final String REVOCATION_URL = "revocation-url";
    public static final String TOKEN_REQUEST_METHOD = "token-request-method";
    public static final String REQUEST_TOKEN_PARAMETERS = "request-token-parameters";
    public static final String PAGE_VERIFIER = "page.verifier";
    public static final String REACTIVATE_URL = "reactivate-url";
    public static final String REACTIVATE_PROBLEM = "reactivate-problem";
    /** Whether a {@code signature_invalid} refusal shows the client the base string this server computed. */
    public static final String EXPLAIN_REFUSALS = "validation.explain-refusals";
    /** Whether outgoing requests correct the clock offset a provider's refusal reveals. */
    public static final String CLOCK_SKEW_CORRECTION = "clock-skew-correction";
    /** The largest clock offset corrected. */
    public static final String CLOCK_SKEW_MAX_OFFSET = "clock-skew-correction.max-offset";

    private ConfigKeys() {
    }

    /** The full key, {@code oauth1.<name>.<key>}. */
    public static String key(String consumerName, String key) {
        return PREFIX + consumerName + "." + key;
    }
}

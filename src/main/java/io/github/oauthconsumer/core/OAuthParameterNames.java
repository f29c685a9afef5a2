package io.github.oauthconsumer.core;

/** The names of the protocol parameters of RFC 5849 and of the extensions this library supports. */
public final class OAuthParameterNames {

    /** Every protocol parameter starts with this prefix. */
    public static final String PREFIX = "oauth_";
    public static final String CONSUMER_KEY = "oauth_consumer_key";
    public static final String TOKEN = "oauth_token";
    public static final String TOKEN_SECRET = "oauth_token_secret";
    public static final String SIGNATURE_METHOD = "oauth_signature_method";
    public static final String SIGNATURE = "oauth_signature";
    public static final String TIMESTAMP = "oauth_timestamp";
    public static final String NONCE = "oauth_nonce";
    public static final String VERSION = "oauth_version";
    public static final String CALLBACK = "oauth_callback";
    public static final String CALLBACK_CONFIRMED = "oauth_callback_confirmed";
    public static final String VERIFIER = "oauth_verifier";
    public static final String BODY_HASH = "oauth_body_hash";
    public static final String SESSION_HANDLE = "oauth_session_handle";
    public static final String EXPIRES_IN = "oauth_expires_in";
    public static final String AUTHORIZATION_EXPIRES_IN = "oauth_authorization_expires_in";
    public static final String PROBLEM = "oauth_problem";
    public static final String PROBLEM_ADVICE = "oauth_problem_advice";
    public static final String PARAMETERS_ABSENT = "oauth_parameters_absent";
    public static final String PARAMETERS_REJECTED = "oauth_parameters_rejected";
    public static final String ACCEPTABLE_TIMESTAMPS = "oauth_acceptable_timestamps";
    public static final String ACCEPTABLE_VERSIONS = "oauth_acceptable_versions";
    /** The signature base string a server computed, in a refusal (not in RFC 5849; some providers send it). */
    public static final String SIGNATURE_BASE_STRING = "oauth_signature_base_string";
    /** The URL a server used for the base string, in a refusal that explains itself. */
    public static final String REQUEST_URL = "oauth_request_url";
    /** The {@code realm} attribute of the {@code Authorization} header, which is never signed. */
    public static final String REALM = "realm";
    /** The only {@code oauth_version} there is. */
    public static final String VERSION_1_0 = "1.0";

    private OAuthParameterNames() {
    }
}

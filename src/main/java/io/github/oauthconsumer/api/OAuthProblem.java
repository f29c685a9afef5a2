package io.github.oauthconsumer.api;

import java.util.Map;
import java.util.Objects;

/**
 * An OAuth Problem Reporting code ({@code oauth_problem}) together with the HTTP status that
 * RFC 5849 section 3.2 gives the failure it names.
 *
 * <p>Problems are compared by code. Codes this library does not know (a provider may send any)
 * are kept as they were received, with status 401 unless they name a malformed request.
 */
public final class OAuthProblem {

    /** {@code oauth_version} is not {@code 1.0}. */
    public static final OAuthProblem VERSION_REJECTED = new OAuthProblem("version_rejected", 400);
    /** A required parameter is missing; {@code oauth_parameters_absent} lists which. */
    public static final OAuthProblem PARAMETER_ABSENT = new OAuthProblem("parameter_absent", 400);
    /** A parameter is malformed, duplicated, unexpected or sent in more than one place. */
    public static final OAuthProblem PARAMETER_REJECTED = new OAuthProblem("parameter_rejected", 400);
    /** The timestamp is outside the accepted window. */
    public static final OAuthProblem TIMESTAMP_REFUSED = new OAuthProblem("timestamp_refused", 401);
    /** The nonce was already used with this timestamp and consumer. */
    public static final OAuthProblem NONCE_USED = new OAuthProblem("nonce_used", 401);
    /** The signature method is not supported or not allowed. */
    public static final OAuthProblem SIGNATURE_METHOD_REJECTED = new OAuthProblem("signature_method_rejected", 400);
    /** The signature does not match the request. */
    public static final OAuthProblem SIGNATURE_INVALID = new OAuthProblem("signature_invalid", 401);
    /** The consumer key is not known. */
    public static final OAuthProblem CONSUMER_KEY_UNKNOWN = new OAuthProblem("consumer_key_unknown", 401);
    /** The consumer key is known but permanently refused. */
    public static final OAuthProblem CONSUMER_KEY_REJECTED = new OAuthProblem("consumer_key_rejected", 401);
    /** The consumer key is temporarily refused. */
    public static final OAuthProblem CONSUMER_KEY_REFUSED = new OAuthProblem("consumer_key_refused", 401);
    /** The token was already used. */
    public static final OAuthProblem TOKEN_USED = new OAuthProblem("token_used", 401);
    /** The token has expired; with the OAuth Session extension it can be renewed. */
    public static final OAuthProblem TOKEN_EXPIRED = new OAuthProblem("token_expired", 401);
    /** The token was revoked. */
    public static final OAuthProblem TOKEN_REVOKED = new OAuthProblem("token_revoked", 401);
    /** The token is not valid. */
    public static final OAuthProblem TOKEN_REJECTED = new OAuthProblem("token_rejected", 401);
    /** The token does not grant enough authorization. */
    public static final OAuthProblem ADDITIONAL_AUTHORIZATION_REQUIRED =
            new OAuthProblem("additional_authorization_required", 401);
    /** The user refused to authorize the consumer. */
    public static final OAuthProblem PERMISSION_DENIED = new OAuthProblem("permission_denied", 401);
    /** The permission asked for is unknown. */
    public static final OAuthProblem PERMISSION_UNKNOWN = new OAuthProblem("permission_unknown", 401);
    /** The user refused, as reported by providers that use this older code. */
    public static final OAuthProblem USER_REFUSED = new OAuthProblem("user_refused", 401);

    private static final Map<String, OAuthProblem> KNOWN = Map.ofEntries(
            entry(VERSION_REJECTED), entry(PARAMETER_ABSENT), entry(PARAMETER_REJECTED),
            entry(TIMESTAMP_REFUSED), entry(NONCE_USED), entry(SIGNATURE_METHOD_REJECTED),
            entry(SIGNATURE_INVALID), entry(CONSUMER_KEY_UNKNOWN), entry(CONSUMER_KEY_REJECTED),
            entry(CONSUMER_KEY_REFUSED), entry(TOKEN_USED), entry(TOKEN_EXPIRED), entry(TOKEN_REVOKED),
            entry(TOKEN_REJECTED), entry(ADDITIONAL_AUTHORIZATION_REQUIRED), entry(PERMISSION_DENIED),
            entry(PERMISSION_UNKNOWN), entry(USER_REFUSED));

    private final String code;
    private final int status;

    private OAuthProblem(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /**
     * Returns the problem with this code: one of the constants when the code is known, otherwise a
     * new problem that keeps the code and has status 401.
     */
    public static OAuthProblem of(String code) {
        Objects.requireNonNull(code, "code");
        OAuthProblem known = KNOWN.get(code);
        return known != null ? known : new OAuthProblem(code, 401);
    }

    /** The {@code oauth_problem} value, for example {@code signature_invalid}. */
    public String code() {
        return code;
    }

    /** The HTTP status RFC 5849 section 3.2 gives this problem: 400 or 401. */
    public int status() {
        return status;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OAuthProblem that && code.equals(that.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code;
    }

    private static Map.Entry<String, OAuthProblem> entry(OAuthProblem problem) {
        return Map.entry(problem.code, problem);
    }
}

package io.github.oauthconsumer.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The token credentials that let a consumer act for a user (RFC 5849 section 2.3), with what the
 * OAuth Session extension ("Scalable OAuth") adds: a session handle to renew the token, and when
 * the token and the authorization behind it expire.
 *
 * <p>Instances are immutable and serializable, so that they can live in an HTTP session or any
 * store. {@link #toString()} never shows the secret or the session handle.
 *
 * @param token                  the {@code oauth_token} value
 * @param secret                 the {@code oauth_token_secret} value
 * @param sessionHandle          the {@code oauth_session_handle}, or null when the provider sent none
 * @param expiresAt              when the token expires ({@code oauth_expires_in}), or null if never
 * @param authorizationExpiresAt when renewal stops working ({@code oauth_authorization_expires_in}),
 *                               or null if never
 * @param additionalParameters   every other field of the provider's answer, in order, never dropped
 */
public record AccessToken(String token, String secret, String sessionHandle, Instant expiresAt,
                          Instant authorizationExpiresAt, Map<String, List<String>> additionalParameters)
        implements Token, Serializable {

    /** Checks and copies the fields. */
    public AccessToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
        additionalParameters = Parameters.copy(additionalParameters);
    }

    /** A token without session extension data, such as one configured by hand. */
    public static AccessToken of(String token, String secret) {
        return new AccessToken(token, secret, null, null, null, Map.of());
    }

    /** Whether the token can be renewed: it has a session handle. */
    public boolean isRenewable() {
        return sessionHandle != null;
    }

    /** Whether the provider said this token expires before or at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The first value of an extra field of the provider's answer, such as {@code user_id}. */
    public Optional<String> additionalParameter(String name) {
        List<String> values = additionalParameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Shows the token and expiry, never the secret or the session handle. */
    @Override
    public String toString() {
        return "AccessToken[token=" + token + ", secret=<hidden>"
                + (sessionHandle != null ? ", sessionHandle=<hidden>" : "")
                + (expiresAt != null ? ", expiresAt=" + expiresAt : "")
                + (authorizationExpiresAt != null ? ", authorizationExpiresAt=" + authorizationExpiresAt : "")
                + "]";
    }
}

package io.github.oauthconsumer.api;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The temporary credentials a provider hands out at the start of the authorization flow
 * (RFC 5849 section 2.1). The user approves this token; its secret signs the exchange for an
 * access token.
 *
 * @param token                the {@code oauth_token} value
 * @param secret               the {@code oauth_token_secret} value
 * @param callbackConfirmed    whether the provider answered {@code oauth_callback_confirmed=true}
 * @param additionalParameters every other field of the provider's answer, in order, never dropped
 */
public record RequestToken(String token, String secret, boolean callbackConfirmed,
                           Map<String, List<String>> additionalParameters) implements Token, Serializable {

    /** Checks and copies the fields. */
    public RequestToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
        additionalParameters = Parameters.copy(additionalParameters);
    }

    /** Shows the token, never the secret. */
    @Override
    public String toString() {
        return "RequestToken[token=" + token + ", secret=<hidden>, callbackConfirmed=" + callbackConfirmed + "]";
    }
}

package io.github.oauthconsumer.core;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.api.RequestToken;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * Reads the form-encoded answers of the request-token and access-token endpoints (RFC 5849
 * sections 2.1 and 2.3), with the OAuth Session extension's fields. Fields the library does not
 * know are kept in the token, never dropped.
 */
public final class TokenResponses {

    /** The longest expiry accepted in a token response: 100 years, in seconds. */
    public static final long MAX_EXPIRY_SECONDS = 100L * 366 * 24 * 3600;

    private static final Set<String> REQUEST_TOKEN_FIELDS = Set.of(OAuthParameterNames.TOKEN,
            OAuthParameterNames.TOKEN_SECRET, OAuthParameterNames.CALLBACK_CONFIRMED);
    private static final Set<String> ACCESS_TOKEN_FIELDS = Set.of(OAuthParameterNames.TOKEN,
            OAuthParameterNames.TOKEN_SECRET, OAuthParameterNames.SESSION_HANDLE, OAuthParameterNames.EXPIRES_IN,
            OAuthParameterNames.AUTHORIZATION_EXPIRES_IN);

    private TokenResponses() {
    }

    /**
     * Reads a request-token response.
     *
     * @throws OAuthProviderException when it is not form-encoded or lacks the token or its secret
     */
    public static RequestToken requestToken(String body) {
        ParameterList fields = parse(body, "request token");
        return new RequestToken(field(fields, OAuthParameterNames.TOKEN, "request token"),
                field(fields, OAuthParameterNames.TOKEN_SECRET, "request token"),
                fields.first(OAuthParameterNames.CALLBACK_CONFIRMED).filter("true"::equals).isPresent(),
                extra(fields, REQUEST_TOKEN_FIELDS));
    }

    /**
     * Reads an access-token response; {@code oauth_expires_in} and
     * {@code oauth_authorization_expires_in} are counted from {@code receivedAt}.
     *
     * @throws OAuthProviderException when it is not form-encoded, lacks the token or its secret, or
     *                                has an expiry that is not a number of seconds from 0 to
     *                                {@value #MAX_EXPIRY_SECONDS} (100 years)
     */
    public static AccessToken accessToken(String body, Instant receivedAt) {
        ParameterList fields = parse(body, "access token");
        return new AccessToken(field(fields, OAuthParameterNames.TOKEN, "access token"),
                field(fields, OAuthParameterNames.TOKEN_SECRET, "access token"),
                fields.first(OAuthParameterNames.SESSION_HANDLE).filter(handle -> !handle.isEmpty()).orElse(null),
                expiry(fields, OAuthParameterNames.EXPIRES_IN, receivedAt),
                expiry(fields, OAuthParameterNames.AUTHORIZATION_EXPIRES_IN, receivedAt),
                extra(fields, ACCESS_TOKEN_FIELDS));
    }

    private static ParameterList parse(String body, String what) {
        if (body == null || body.isBlank()) {
            throw new OAuthProviderException("the provider's " + what + " response is empty", 200);
        }
        try {
            return ParameterList.parseFormEncoded(body.strip());
        } catch (IllegalArgumentException e) {
            throw new OAuthProviderException("the provider's " + what + " response is not form-encoded", 200);
        }
    }

    private static String field(ParameterList fields, String name, String what) {
        return fields.first(name).filter(value -> !value.isEmpty()).orElseThrow(() -> new OAuthProviderException(
                "the provider's " + what + " response has no " + name + " (fields received: " + fields + ")", 200));
    }

    private static Instant expiry(ParameterList fields, String name, Instant receivedAt) {
        String seconds = fields.first(name).orElse(null);
        if (seconds == null || seconds.isEmpty()) {
            return null;
        }
        long value;
        try {
            value = Long.parseLong(seconds);
        } catch (NumberFormatException e) {
            throw new OAuthProviderException("the provider's " + name + " is not a number of seconds", 200);
        }
        if (value < 0 || value > MAX_EXPIRY_SECONDS) {
            throw new OAuthProviderException("the provider's " + name + " is not between 0 and " + MAX_EXPIRY_SECONDS
                    + " seconds", 200);
        }
        return receivedAt.plusSeconds(value);
    }

    private static Map<String, List<String>> extra(ParameterList fields, Set<String> known) {
        Map<String, List<String>> extra = new LinkedHashMap<>(fields.asMap());
        extra.keySet().removeAll(known);
        return extra;
    }
}

package io.github.oauthconsumer.core;

import io.github.oauthconsumer.api.OAuthException;
import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.OAuthProviderException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a service provider's error response into an exception: an {@link OAuthProblemException}
 * when it names an {@code oauth_problem} (in a {@code WWW-Authenticate: OAuth ...} header or a
 * form-encoded body), otherwise an {@link OAuthProviderException} with the status.
 */
public final class ProviderErrors {

    private static final int MAX_BODY_IN_MESSAGE = 200;

    private ProviderErrors() {
    }

    /**
     * Reads an error response.
     *
     * @param status          the provider's HTTP status
     * @param wwwAuthenticate the {@code WWW-Authenticate} header, or null
     * @param body            the response body, or null
     */
    public static OAuthException fromResponse(int status, String wwwAuthenticate, String body) {
        Optional<ParameterList> fields = fromHeader(wwwAuthenticate).or(() -> fromBody(body));
        if (fields.isPresent()) {
            ParameterList problem = fields.get();
            String code = problem.first(OAuthParameterNames.PROBLEM).orElseThrow();
            Map<String, String> details = new LinkedHashMap<>();
            for (int i = 0; i < problem.size(); i++) {
                String name = problem.name(i);
                if (name.startsWith(OAuthParameterNames.PREFIX) && !name.equals(OAuthParameterNames.PROBLEM)) {
                    details.putIfAbsent(name, problem.value(i));
                }
            }
            String advice = details.getOrDefault(OAuthParameterNames.PROBLEM_ADVICE, "the provider answered HTTP " + status);
            return new OAuthProblemException(OAuthProblem.of(code), status, advice, details);
        }
        return new OAuthProviderException("the provider answered HTTP " + status + describe(body), status);
    }

    private static Optional<ParameterList> fromHeader(String wwwAuthenticate) {
        try {
            return AuthorizationHeader.parse(wwwAuthenticate)
                    .map(AuthorizationHeader::parameters)
                    .filter(parameters -> parameters.first(OAuthParameterNames.PROBLEM).isPresent());
        } catch (OAuthProblemException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<ParameterList> fromBody(String body) {
        if (body == null || !body.contains(OAuthParameterNames.PROBLEM + "=")) {
            return Optional.empty();
        }
        try {
            ParameterList fields = ParameterList.parseFormEncoded(body.strip());
            return fields.first(OAuthParameterNames.PROBLEM).isPresent() ? Optional.of(fields) : Optional.empty();
        } catch (IllegalArgumentException notForm) {
            return Optional.empty();
        }
    }

    private static String describe(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip().replaceAll("\\s+", " ");
        return ": " + (text.length() > MAX_BODY_IN_MESSAGE ? text.substring(0, MAX_BODY_IN_MESSAGE) + "..." : text);
    }
}

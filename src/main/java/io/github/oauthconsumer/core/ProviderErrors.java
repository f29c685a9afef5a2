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

    /**
     * Whether a body that is no problem report still names this problem as {@code oauth_problem=<code>}
     * (followed by no other letter, digit, {@code _} or {@code -}), as the HTML error page of a
     * servlet container does: E*TRADE answers an idle token with "HTTP Status 401 -
     * oauth_problem=token_rejected" in HTML. Read only where a configured problem is looked for.
     */
    public static boolean mentionsProblem(String body, String code) {
        if (body == null) {
            return false;
        }
        String needle = OAuthParameterNames.PROBLEM + "=" + code;
        for (int at = body.indexOf(needle); at >= 0; at = body.indexOf(needle, at + 1)) {
            int end = at + needle.length();
            if (end == body.length() || !isCodeCharacter(body.charAt(end))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCodeCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
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

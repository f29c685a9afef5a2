package io.github.oauthconsumer.testprovider;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Error responses in the style of the OAuth Problem Reporting extension: the problem goes both
 * into {@code WWW-Authenticate} and into a form-encoded body, as Yahoo-era providers did.
 */
final class Problems {

    private Problems() {
    }

    static Response unauthorized() {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "OAuth realm=\"" + JerseyOAuthProvider.REALM + "\"")
                .build();
    }

    static Response unauthorized(String problem, String... extraNameValues) {
        return problem(Response.Status.UNAUTHORIZED, problem, extraNameValues);
    }

    static Response badRequest(String problem, String... extraNameValues) {
        return problem(Response.Status.BAD_REQUEST, problem, extraNameValues);
    }

    private static Response problem(Response.Status status, String problem, String... extraNameValues) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("oauth_problem", problem);
        for (int i = 0; i + 1 < extraNameValues.length; i += 2) {
            params.put(extraNameValues[i], extraNameValues[i + 1]);
        }
        StringBuilder header = new StringBuilder("OAuth realm=\"").append(JerseyOAuthProvider.REALM).append('"');
        StringJoiner body = new StringJoiner("&");
        params.forEach((name, value) -> {
            header.append(", ").append(name).append("=\"").append(encode(value)).append('"');
            body.add(encode(name) + "=" + encode(value));
        });
        return Response.status(status)
                .header(HttpHeaders.WWW_AUTHENTICATE, header.toString())
                .type(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .entity(body.toString())
                .build();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}

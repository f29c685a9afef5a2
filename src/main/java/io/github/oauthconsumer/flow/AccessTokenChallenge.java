package io.github.oauthconsumer.flow;

import io.github.oauthconsumer.core.Challenges;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The answer to a request that needs an access token the current user does not have: a browser
 * (a GET or HEAD that accepts HTML) is redirected (303) to the start of the flow with {@code next}
 * set to the current URL; any other client gets 401 with {@code WWW-Authenticate: OAuth realm="<name>"}
 * and a short text that says where to authorize.
 *
 * @param status          303 or 401
 * @param location        the start of the flow, an absolute path (303 only)
 * @param wwwAuthenticate the challenge (401 only)
 * @param body            a short plain text
 */
record AccessTokenChallenge(int status, String location, String wwwAuthenticate, String body) {

    /**
     * The challenge for the current request.
     *
     * @param consumerName the consumer whose token is missing
     * @param method       the request's HTTP method
     * @param accept       its {@code Accept} header, or null
     * @param origin       {@code scheme://host[:port]} of this server as the client addressed it
     * @param contextPath  the application's context path
     * @param requestUri   the request URI as sent (path only, encoded)
     * @param query        the query string, or null
     * @param paths        where the flow's resources are
     */
    static AccessTokenChallenge of(String consumerName, String method, String accept, String origin, String contextPath,
                                   String requestUri, String query, FlowPaths paths) {
        String path = requestUri.startsWith(contextPath) ? requestUri.substring(contextPath.length()) : NextUrl.ROOT;
        String start = paths.authorizePath(contextPath, consumerName, path + (query == null ? "" : "?" + query));
        if (isBrowser(method, accept)) {
            return new AccessTokenChallenge(303, start, null, "Authorize at " + origin + start + "\n");
        }
        return new AccessTokenChallenge(401, null, Challenges.oauth(consumerName),
                "This request needs your authorization at the OAuth provider '" + consumerName + "'. Open "
                        + origin + start + " in a browser, approve, then send the request again.\n");
    }

    /** The challenge as a JAX-RS response; it has an entity, so that JAX-RS uses it as it is. */
    Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset(StandardCharsets.UTF_8.name()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(body);
        if (location != null) {
            builder.header(HttpHeaders.LOCATION, location);
        }
        if (wwwAuthenticate != null) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate);
        }
        return builder.build();
    }

    /** Writes the challenge to a servlet response that is not committed. */
    void writeTo(HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(status);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (location != null) {
            response.setHeader(HttpHeaders.LOCATION, location);
        }
        if (wwwAuthenticate != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate);
        }
        response.setContentType(MediaType.TEXT_PLAIN);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }

    private static boolean isBrowser(String method, String accept) {
        if (!"GET".equalsIgnoreCase(method) && !"HEAD".equalsIgnoreCase(method) || accept == null) {
            return false;
        }
        String types = accept.toLowerCase(Locale.ROOT);
        return types.contains("text/html") || types.contains("application/xhtml+xml");
    }
}

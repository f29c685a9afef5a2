package io.github.oauthconsumer.demo.provider;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Error answers in the style of the OAuth Problem Reporting extension: the problem goes into a
 * form-encoded body and, on a 401, into {@code WWW-Authenticate}, so that a consumer can tell an
 * expired token (renew it) from a refused one (ask the user again).
 */
final class OAuthProblems {

    /** The realm of every {@code WWW-Authenticate} challenge, Jersey's included. */
    static final String REALM = "demo";

    /** The problem an idle token is refused with: E*TRADE's, as its users report it. */
    static final String IDLE_TOKEN = "token_rejected";

    private static final String CHALLENGE = "OAuth realm=\"" + REALM + "\"";

    private OAuthProblems() {
    }

    /** 401 for a request that carries no valid OAuth signature at all. */
    static Response unsigned() {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .type(MediaType.TEXT_PLAIN_TYPE)
                .entity("This resource needs a request signed with OAuth 1.0a.")
                .build();
    }

    /** 401 with an {@code oauth_problem} such as {@code token_expired}. */
    static Response unauthorized(String problem) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", oauth_problem=\"" + problem + "\"")
                .type(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .entity("oauth_problem=" + problem)
                .build();
    }

    /** 405 for a token request with the method this provider's token endpoints do not take. */
    static Response methodNotAllowed(String allowed) {
        return Response.status(Response.Status.METHOD_NOT_ALLOWED).allow(allowed).build();
    }

    /** 400 with an {@code oauth_problem} such as {@code parameter_absent}. */
    static Response badRequest(String problem) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .entity("oauth_problem=" + problem)
                .build();
    }
}

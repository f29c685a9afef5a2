package io.github.oauthconsumer.demo.provider;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code oauth/renew_access_token}: E*TRADE's way back from an idle token. The request is signed
 * with that token (Jersey's filter verifies it, as on any protected resource), with the method of
 * the token endpoints; the token becomes usable again and stays the same.
 */
@Path(DemoApplication.REACTIVATE_PATH)
public final class ReactivationResource {

    private final DemoOAuthProvider provider;
    private final DemoSettings settings;

    ReactivationResource(DemoOAuthProvider provider, DemoSettings settings) {
        this.provider = provider;
        this.settings = settings;
    }

    @GET
    public Response get(@Context SecurityContext security, @Context Request request) {
        return reactivate(security, request);
    }

    @POST
    public Response post(@Context SecurityContext security, @Context Request request) {
        return reactivate(security, request);
    }

    private Response reactivate(SecurityContext security, Request request) {
        if (!request.getMethod().equals(settings.tokenRequestMethod())) {
            return OAuthProblems.methodNotAllowed(settings.tokenRequestMethod());
        }
        if (!(security.getUserPrincipal() instanceof Caller caller) || caller.isTwoLegged()) {
            throw new WebApplicationException(OAuthProblems.unsigned());
        }
        DemoOAuthProvider.AccessToken token = provider.getAccessToken(caller.token());
        if (token == null || token.isExpired()) {
            throw new WebApplicationException(OAuthProblems.unauthorized("token_rejected"));
        }
        provider.reactivate(token);
        return Response.ok("Access Token has been renewed", MediaType.TEXT_PLAIN_TYPE).build();
    }
}

package io.github.oauthconsumer.testprovider;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@value JerseyOAuthProvider#REACTIVATE_PATH}: E*TRADE's {@code renew_access_token}, which makes an
 * idle access token usable again; the token stays the same. The request is signed with that token
 * and verified by Jersey's filter like any protected request; it must use the token endpoints'
 * method ({@link ProviderModes}), else 405.
 */
@Path(JerseyOAuthProvider.REACTIVATE_PATH)
@Singleton
public final class ReactivationResource {

    private final TokenStore store;
    private final ProviderModes modes;

    @Inject
    ReactivationResource(TokenStore store, ProviderModes modes) {
        this.store = store;
        this.modes = modes;
    }

    @GET
    public Response get(@Context ContainerRequestContext request) {
        return reactivate(request);
    }

    @POST
    public Response post(@Context ContainerRequestContext request) {
        return reactivate(request);
    }

    private Response reactivate(ContainerRequestContext request) {
        if (!request.getMethod().equals(modes.tokenRequestMethod())) {
            return Response.status(Response.Status.METHOD_NOT_ALLOWED).allow(modes.tokenRequestMethod()).build();
        }
        if (!(request.getSecurityContext().getUserPrincipal() instanceof OAuthPrincipal caller) || caller.token() == null) {
            throw new WebApplicationException(Problems.unauthorized());
        }
        TokenStore.AccessToken token = store.getAccessToken(caller.token());
        if (token == null || token.isExpired()) {
            throw new WebApplicationException(Problems.unauthorized("token_rejected"));
        }
        store.reactivate(token);
        return Response.ok("Access Token has been renewed", MediaType.TEXT_PLAIN_TYPE).build();
    }
}

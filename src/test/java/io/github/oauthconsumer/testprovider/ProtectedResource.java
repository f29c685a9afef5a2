package io.github.oauthconsumer.testprovider;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.oauth1.internal.OAuthServerRequest;

/**
 * {@code api/echo} (needs an access token), {@code api/two-legged} (consumer only) and
 * {@code POST api/revoke} (revokes the access token it is signed with). Jersey's
 * filter has verified signature, timestamp and nonce before these run, but it lets requests
 * without an OAuth {@code Authorization} header through: hence the principal check.
 */
@Path("api")
@Singleton
public final class ProtectedResource {

    private final JerseyOAuthProvider provider;
    private final TokenStore store;
    private final ProviderModes modes;

    @Inject
    ProtectedResource(JerseyOAuthProvider provider, TokenStore store, ProviderModes modes) {
        this.provider = provider;
        this.store = store;
        this.modes = modes;
    }

    @GET
    @Path("echo")
    public Response getEcho(@Context ContainerRequestContext request) {
        return echo(request, true);
    }

    @POST
    @Path("echo")
    public Response postEcho(@Context ContainerRequestContext request) {
        return echo(request, true);
    }

    @PUT
    @Path("echo")
    public Response putEcho(@Context ContainerRequestContext request) {
        return echo(request, true);
    }

    @DELETE
    @Path("echo")
    public Response deleteEcho(@Context ContainerRequestContext request) {
        return echo(request, true);
    }

    @GET
    @Path("two-legged")
    public Response getTwoLegged(@Context ContainerRequestContext request) {
        return echo(request, false);
    }

    @POST
    @Path("two-legged")
    public Response postTwoLegged(@Context ContainerRequestContext request) {
        return echo(request, false);
    }

    @PUT
    @Path("two-legged")
    public Response putTwoLegged(@Context ContainerRequestContext request) {
        return echo(request, false);
    }

    @DELETE
    @Path("two-legged")
    public Response deleteTwoLegged(@Context ContainerRequestContext request) {
        return echo(request, false);
    }

    @POST
    @Path("revoke")
    public Response revoke(@Context ContainerRequestContext request) {
        OAuthPrincipal caller = authorize(request.getSecurityContext().getUserPrincipal(), true);
        store.revoke(caller.token());
        return Response.ok().build();
    }

    private Response echo(ContainerRequestContext request, boolean threeLegged) {
        OAuthPrincipal caller = authorize(request.getSecurityContext().getUserPrincipal(), threeLegged);

        ContainerRequest jerseyRequest = (ContainerRequest) request;
        MediaType type = request.getMediaType();
        boolean isForm = type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        Map<String, List<String>> form = new LinkedHashMap<>();
        String body = "";
        if (request.hasEntity()) {
            jerseyRequest.bufferEntity();
            if (isForm) {
                form.putAll(jerseyRequest.readEntity(Form.class).asMap());
            } else {
                byte[] bytes = jerseyRequest.readEntity(byte[].class);
                body = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
            }
        }
        OAuth1Parameters oauth = new OAuth1Parameters().readRequest(new OAuthServerRequest(request));

        EchoResponse echo = new EchoResponse(threeLegged ? "echo" : "two-legged", request.getMethod(),
                caller.consumerKey(), caller.token(), caller.getName(), oauth,
                request.getUriInfo().getQueryParameters(), form,
                request.getHeaderString("Content-Type"), request.getUriInfo().getRequestUri().getRawQuery(), body);
        provider.recordEcho(echo);
        return Response.ok(echo.encode(), MediaType.APPLICATION_FORM_URLENCODED_TYPE).build();
    }

    private OAuthPrincipal authorize(Principal principal, boolean threeLegged) {
        if (!(principal instanceof OAuthPrincipal caller)) {
            throw new WebApplicationException(Problems.unauthorized());
        }
        if (!threeLegged) {
            if (caller.token() != null) {
                throw new WebApplicationException(Problems.unauthorized("parameter_rejected",
                        "oauth_parameters_rejected", "oauth_token"));
            }
            return caller;
        }
        if (caller.token() == null) {
            throw new WebApplicationException(Problems.unauthorized("parameter_absent",
                    "oauth_parameters_absent", "oauth_token"));
        }
        TokenStore.AccessToken token = store.getAccessToken(caller.token());
        if (token == null) {
            throw new WebApplicationException(Problems.unauthorized("token_rejected"));
        }
        if (token.isExpired()) {
            throw new WebApplicationException(Problems.unauthorized("token_expired"));
        }
        if (token.isIdle()) {
            throw new WebApplicationException(Problems.unauthorized(modes.idleProblem()));
        }
        return caller;
    }
}

package io.github.oauthconsumer.sample;

import io.github.oauthconsumer.spi.AccessTokenStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Forgets the current user's access token, so that the flow can be tried again. */
@Path("connection")
@RequestScoped
public class ConnectionResource {

    @Inject
    AccessTokenStore tokens;

    /** Removes the token from the store and goes back to the home page. */
    @POST
    @Path("disconnect")
    public Response disconnect() {
        tokens.remove("demo");
        return Response.seeOther(URI.create("../")).build();
    }
}

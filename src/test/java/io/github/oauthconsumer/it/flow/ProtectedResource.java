package io.github.oauthconsumer.it.flow;

import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.RequireAccessToken;
import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.api.SignedRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A resource that needs the user's access token, and calls the provider's protected resource 3-legged with it. */
@Path("protected")
@RequestScoped
@RequireAccessToken("provider")
public class ProtectedResource {

    @Inject
    @OAuthConsumer("provider")
    SignedClient provider;

    @Inject
    @ConfigProperty(name = "provider.base-url")
    String providerBaseUrl;

    /** Relays what the provider's echo resource saw. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response echo() {
        try (Response response = provider.send(SignedRequest.get(providerBaseUrl + "api/echo")
                .queryParam("from", "protected resource").currentUser().build())) {
            return Response.status(response.getStatus()).entity(response.readEntity(String.class)).build();
        }
    }
}

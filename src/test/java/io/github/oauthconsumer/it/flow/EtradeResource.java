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

/**
 * Resources that need the user's access token at a provider run the way E*TRADE runs its API (see
 * {@code EtradeStyleFlowIT}), and call its protected resource with it.
 */
@Path("etrade")
@RequestScoped
public class EtradeResource {

    @Inject
    @OAuthConsumer("etrade")
    SignedClient etrade;

    @Inject
    @OAuthConsumer("etrade-paged")
    SignedClient etradePaged;

    @Inject
    @ConfigProperty(name = "etrade.base-url")
    String providerBaseUrl;

    /** With the library's verifier page. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @RequireAccessToken("etrade")
    public Response echo() {
        return relay(etrade);
    }

    /** With the application's verifier page. */
    @GET
    @Path("paged")
    @Produces(MediaType.TEXT_PLAIN)
    @RequireAccessToken("etrade-paged")
    public Response pagedEcho() {
        return relay(etradePaged);
    }

    private Response relay(SignedClient client) {
        try (Response response = client.send(SignedRequest.get(providerBaseUrl + "api/echo").currentUser().build())) {
            return Response.status(response.getStatus()).entity(response.readEntity(String.class)).build();
        }
    }
}

package io.github.oauthconsumer.it.monitoring;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.api.SignedRequest;
import io.github.oauthconsumer.api.ValidateSignature;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Map;

/**
 * What the monitoring test does inside the server: a validated endpoint, a signed call that renews
 * its token, a call through a rest client, a landing page.
 */
@Path("/")
@RequestScoped
public class MonitoredResource {

    @Inject
    @OAuthConsumer("provider")
    SignedClient provider;

    @Inject
    @RestClient
    MonitoredApi api;

    @Inject
    @ConfigProperty(name = "provider.echo-url")
    String echoUrl;

    /** A signed launch from the platform. */
    @GET
    @Path("launch")
    @ValidateSignature("platform")
    public String launch() {
        return "launched";
    }

    /** Where the flow sends the user back. */
    @GET
    @Path("done")
    public String done() {
        return "done";
    }

    /** A signed GET with a renewable token: the provider says it expired, the library renews it and sends again. */
    @GET
    @Path("call")
    public Response call(@QueryParam("token") String token, @QueryParam("secret") String secret,
                         @QueryParam("handle") String handle) {
        try (Response answer = provider.send(SignedRequest.get(echoUrl)
                .token(new AccessToken(token, secret, handle, null, null, Map.of())).build())) {
            return Response.status(answer.getStatus()).entity("answered " + answer.getStatus()).build();
        }
    }

    /** A 2-legged call through the rest client: signed by the library's filter, sent by the server's rest client. */
    @GET
    @Path("rest-client")
    public String restClient() {
        return api.get();
    }
}

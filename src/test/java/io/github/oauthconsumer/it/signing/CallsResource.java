package io.github.oauthconsumer.it.signing;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.api.SignedRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Makes signed calls from inside the server, the way an application would, and relays the answers. */
@Path("calls")
@RequestScoped
public class CallsResource {

    @Inject
    @OAuthConsumer("provider")
    SignedClient provider;

    @Inject
    @OAuthConsumer("produced")
    SignedClient produced;

    @Inject
    @RestClient
    ProviderApi providerApi;

    @Inject
    @ConfigProperty(name = "provider.base-url")
    String providerBaseUrl;

    /** A 2-legged GET through SignedClient. */
    @GET
    @Path("two-legged")
    public Response twoLegged() {
        return relay(provider.send(SignedRequest.get(providerBaseUrl + "api/two-legged")
                .queryParam("greeting", "hello world ☃").build()));
    }

    /** A 2-legged GET through the consumer configured by a producer. */
    @GET
    @Path("produced")
    public Response producedConsumer() {
        return relay(produced.get(providerBaseUrl + "api/two-legged"));
    }

    /** A 3-legged form POST through SignedClient with the given access token. */
    @GET
    @Path("three-legged")
    public Response threeLegged(@QueryParam("token") String token, @QueryParam("secret") String secret) {
        return relay(provider.send(SignedRequest.post(providerBaseUrl + "api/echo")
                .formParam("status", "Hello Ladies + Gentlemen, a signed OAuth request!")
                .token(AccessToken.of(token, secret)).build()));
    }

    /**
     * The 3-legged form POST with a token secret that is not the token's: the provider refuses it,
     * and the answer is the diagnosis the refusal carries (its likely cause on the first line).
     */
    @GET
    @Path("refused")
    public String refused(@QueryParam("token") String token, @QueryParam("secret") String secret) {
        try {
            threeLegged(token, secret).close();
            return "accepted";
        } catch (OAuthProblemException refused) {
            return refused.diagnosis().map(diagnosis -> diagnosis.likelyCause() + "\n" + diagnosis).orElse("no diagnosis")
                    + "\n" + refused.getMessage();
        }
    }

    /** A 2-legged GET through the rest client interface. */
    @GET
    @Path("rest-client")
    public String restClient() {
        return providerApi.get("from the rest client");
    }

    /** A 2-legged form POST through the rest client interface. */
    @GET
    @Path("rest-client-form")
    public String restClientForm() {
        return providerApi.post("a form from the rest client");
    }

    private static Response relay(Response response) {
        try (response) {
            return Response.status(response.getStatus()).entity(response.readEntity(String.class)).build();
        }
    }
}

package io.github.oauthconsumer.it.signing;

import io.github.oauthconsumer.api.OAuthConsumer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The provider's 2-legged resource as a MicroProfile Rest Client, signed only by the annotation. */
@RegisterRestClient(configKey = "provider-api")
@OAuthConsumer("provider")
@Path("api/two-legged")
public interface ProviderApi {

    /** A signed GET with a query parameter. */
    @GET
    String get(@QueryParam("greeting") String greeting);

    /** A signed form POST. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    String post(@FormParam("greeting") String greeting);
}

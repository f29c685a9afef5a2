package io.github.oauthconsumer.it.monitoring;

import io.github.oauthconsumer.api.OAuthConsumer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The provider's 2-legged resource as a MicroProfile Rest Client, signed (and reported) through the annotation. */
@RegisterRestClient(configKey = "monitored-api")
@OAuthConsumer("provider")
@Path("api/two-legged")
public interface MonitoredApi {

    /** A signed GET. */
    @GET
    String get();
}

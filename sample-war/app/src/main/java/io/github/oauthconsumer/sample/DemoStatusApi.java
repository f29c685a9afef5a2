package io.github.oauthconsumer.sample;

import io.github.oauthconsumer.api.OAuthConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * 2-legged, through MicroProfile Rest Client: {@link OAuthConsumer} makes every call of this
 * interface signed with the {@code demo} consumer's key and secret, and no token. The URL is
 * {@code demo-status/mp-rest/url} (environment variable {@code DEMO_STATUS_MP_REST_URL}).
 *
 * <p>{@link ApplicationScoped} is the rest client bean's scope, and also what makes the interface
 * discovered in a WAR without {@code beans.xml}: WildFly's rest client only registers interfaces
 * that CDI discovered.
 */
@ApplicationScoped
@RegisterRestClient(configKey = "demo-status")
@OAuthConsumer("demo")
public interface DemoStatusApi {

    /** The provider's answer, as it is. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    String status();
}

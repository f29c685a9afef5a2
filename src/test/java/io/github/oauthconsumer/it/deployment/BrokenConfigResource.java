package io.github.oauthconsumer.it.deployment;

import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.SignedClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Injects a consumer whose configuration lacks its key, so that the application must not deploy. */
@Path("broken")
@RequestScoped
public class BrokenConfigResource {

    @Inject
    @OAuthConsumer("broken")
    SignedClient broken;

    /** Never reached: the deployment fails. */
    @GET
    public String name() {
        return broken.name();
    }
}

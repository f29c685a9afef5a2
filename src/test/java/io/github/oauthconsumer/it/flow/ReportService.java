package io.github.oauthconsumer.it.flow;

import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.RequireAccessToken;
import io.github.oauthconsumer.api.SignedClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A CDI bean, not a JAX-RS resource, that needs the user's access token. */
@ApplicationScoped
public class ReportService {

    @Inject
    @OAuthConsumer("provider")
    SignedClient provider;

    /** Names the token it runs with. */
    @RequireAccessToken("provider")
    public String report() {
        return "report for token " + provider.currentAccessToken().orElseThrow().token();
    }
}

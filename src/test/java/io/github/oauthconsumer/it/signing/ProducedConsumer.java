package io.github.oauthconsumer.it.signing;

import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.OAuthConsumerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Configures the consumer "produced" in code, as an application may instead of MicroProfile Config. */
@ApplicationScoped
public class ProducedConsumer {

    /** The key and secret the test's provider knows for this consumer. */
    public static final String KEY = "it-produced";
    public static final String SECRET = "produced-secret";

    @Produces
    @OAuthConsumer("produced")
    OAuthConsumerConfig produced() {
        return OAuthConsumerConfig.builder().consumerKey(KEY).consumerSecret(SECRET).build();
    }
}

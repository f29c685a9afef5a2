package io.github.oauthconsumer.client;

import io.github.oauthconsumer.config.ConsumerDefinition;
import io.github.oauthconsumer.monitoring.Monitor;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;

import java.util.concurrent.TimeUnit;

/**
 * Builds the JAX-RS client a consumer talks to its provider with: the configured timeouts, the
 * signing filter and, when configured, the {@code User-Agent}. One place, so that the token
 * requests of the flow and the calls of a {@code SignedClient} go out alike.
 */
public final class ConsumerClients {

    private ConsumerClients() {
    }

    /**
     * A new client for the consumer; the caller closes it.
     *
     * @param name     the consumer name
     * @param consumer its definition
     * @param monitor  where calls sent without the library's own reporting ({@code SignedClient.target}) are reported
     */
    public static Client build(String name, ConsumerDefinition consumer, Monitor monitor) {
        ClientBuilder builder = ClientBuilder.newBuilder()
                .connectTimeout(consumer.config().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(consumer.config().readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(new OAuthSigningFilter(name, consumer, monitor));
        if (consumer.config().userAgent() != null) {
            builder.register(new UserAgentFilter(consumer.config().userAgent()));
        }
        return builder.build();
    }
}

package io.github.oauthconsumer.jaxrs;

import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.config.ConsumerConfigResolver;
import io.github.oauthconsumer.config.ConsumerDefinition;
import io.github.oauthconsumer.config.ConsumerDefinitions;
import io.github.oauthconsumer.config.Usage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The consumers of this application at run time: for each name, its definition (the one checked at
 * deployment, or for a name only seen at run time, one read from MicroProfile Config) and one JAX-RS
 * client (with the configured timeouts and the signing filter) shared by the {@link SignedClient}
 * and the token endpoints. Built on first use; closed with the application.
 */
@ApplicationScoped
public class ConsumerRegistry {

    @Inject
    ConsumerDefinitions deployed;

    @Inject
    CurrentUserTokens tokens;

    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<String, ConsumerDefinition> definitions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Client> clients = new ConcurrentHashMap<>();

    /**
     * The consumer with this name.
     *
     * @throws IllegalStateException listing every configuration problem, when it is not usable
     */
    public ConsumerDefinition definition(String name) {
        return deployed.find(name).orElseGet(() -> definitions.computeIfAbsent(name, this::resolve));
    }

    /** The signed client of this consumer. */
    public SignedClient signedClient(String name) {
        return new DefaultSignedClient(name, client(name), endpoints(name), tokens, clock);
    }

    /** The token endpoints of this consumer. */
    public TokenEndpoints endpoints(String name) {
        return new TokenEndpoints(definition(name), client(name), clock);
    }

    private Client client(String name) {
        return clients.computeIfAbsent(name, key -> {
            ConsumerDefinition consumer = definition(key);
            ClientBuilder builder = ClientBuilder.newBuilder()
                    .connectTimeout(consumer.config().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(consumer.config().readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .register(new OAuthSigningFilter(key, consumer));
            if (consumer.config().userAgent() != null) {
                builder.register(new UserAgentFilter(consumer.config().userAgent()));
            }
            return builder.build();
        });
    }

    private ConsumerDefinition resolve(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConsumerConfigResolver.Result result = new ConsumerConfigResolver(ConfigProvider.getConfig(loader), loader)
                .resolve(name, null, EnumSet.noneOf(Usage.class));
        if (!result.isValid()) {
            throw new IllegalStateException("OAuth consumer '" + name + "' is not usable: " + String.join("; ", result.problems()));
        }
        return result.definition();
    }

    @PreDestroy
    void close() {
        clients.values().forEach(Client::close);
        clients.clear();
    }
}

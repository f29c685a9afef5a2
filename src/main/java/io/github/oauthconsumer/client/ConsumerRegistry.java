package io.github.oauthconsumer.client;

import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.config.ConsumerDefinitions;
import io.github.oauthconsumer.monitoring.Monitor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Client;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The outgoing side of each consumer at run time: one JAX-RS client per name (with the configured
 * timeouts, user agent and the signing filter), shared by its {@link SignedClient} and its token
 * endpoints. Built on first use; closed with the application.
 */
@ApplicationScoped
public class ConsumerRegistry {

    @Inject
    ConsumerDefinitions definitions;

    @Inject
    CurrentUserTokens tokens;

    @Inject
    TokenRenewals renewals;

    @Inject
    Monitor monitor;

    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<String, Client> clients = new ConcurrentHashMap<>();

    /** The signed client of this consumer. */
    public SignedClient signedClient(String name) {
        return new DefaultSignedClient(name, client(name), endpoints(name), tokens, renewals, clock, monitor);
    }

    /** The token endpoints of this consumer. */
    public TokenEndpoints endpoints(String name) {
        return new TokenEndpoints(definitions.definition(name), client(name), clock, monitor);
    }

    private Client client(String name) {
        return clients.computeIfAbsent(name, key -> ConsumerClients.build(key, definitions.definition(key), monitor));
    }

    @PreDestroy
    void close() {
        clients.values().forEach(Client::close);
        clients.clear();
    }
}

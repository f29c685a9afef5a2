package io.github.oauthconsumer.flow;

import io.github.oauthconsumer.client.ConsumerRegistry;
import io.github.oauthconsumer.config.ConsumerDefinition;
import io.github.oauthconsumer.config.ConsumerDefinitions;
import io.github.oauthconsumer.monitoring.Monitor;
import io.github.oauthconsumer.store.ApplicationStores;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts the access-token flow together from the application's beans: the consumers, the two stores
 * (the defaults or the application's alternatives, see {@link ApplicationStores}) and CDI events. Used by
 * {@link AuthorizationServlet} and {@link RequireAccessTokenInterceptor}.
 */
@ApplicationScoped
public class AuthorizationFlows {

    private static final Logger LOG = Logger.getLogger(AuthorizationFlows.class.getName());

    @Inject
    ConsumerDefinitions definitions;

    @Inject
    ConsumerRegistry registry;

    @Inject
    ApplicationStores stores;

    @Inject
    Event<Object> events;

    @Inject
    Monitor monitor;

    private FlowPaths paths;

    @PostConstruct
    void readPaths() {
        paths = FlowPaths.from(ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader()));
    }

    /** Where the flow's resources are. */
    FlowPaths paths() {
        return paths;
    }

    /** The flow for the current request. */
    AuthorizationFlow flow() {
        return new AuthorizationFlow(paths, this::consumer, stores.accessTokens(), stores.pendingAuthorizations(),
                events::fire, Clock.systemUTC(), monitor);
    }

    /** The named consumer when it is configured for the flow (a key to sign with and the three URLs). */
    private Optional<AuthorizationFlow.FlowConsumer> consumer(String name) {
        try {
            ConsumerDefinition definition = definitions.definition(name);
            if (!definition.config().hasFlowEndpoints()) {
                LOG.log(Level.FINE, "OAuth consumer ''{0}'' has no request-token, authorization and access-token"
                        + " URLs: it cannot run the access-token flow", name);
                return Optional.empty();
            }
            definition.signer(); // throws when there is no key to sign with
            return Optional.of(new AuthorizationFlow.FlowConsumer(definition.config(), registry.endpoints(name)));
        } catch (IllegalStateException notUsable) {
            LOG.log(Level.FINE, "access-token flow asked for an unusable consumer: {0}", notUsable.getMessage());
            return Optional.empty();
        }
    }
}

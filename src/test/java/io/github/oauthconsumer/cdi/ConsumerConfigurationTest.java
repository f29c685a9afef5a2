package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.OAuthConsumerConfig;
import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.api.Transport;
import io.github.oauthconsumer.client.ConsumerRegistry;
import io.github.oauthconsumer.config.ConfigKeys;
import io.github.oauthconsumer.config.ConsumerDefinition;
import io.github.oauthconsumer.config.ConsumerDefinitions;
import io.github.oauthconsumer.testprovider.EchoResponse;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import io.github.oauthconsumer.testprovider.RecordedExchange;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a consumer's configuration comes from: MicroProfile Config, an application producer, or
 * both (MicroProfile Config wins). Each case is checked by what the provider accepts, not only by
 * what the library says it resolved.
 */
class ConsumerConfigurationTest {

    private static final String MP_KEY = "mp-consumer";
    private static final String MP_SECRET = "mp-consumer-secret";
    private static final String PRODUCED_KEY = "produced-consumer";
    private static final String PRODUCED_SECRET = "produced-consumer-secret";

    private static JerseyOAuthProvider provider;

    @BeforeAll
    static void startProvider() {
        provider = JerseyOAuthProvider.start().registerConsumer(MP_KEY, MP_SECRET).registerConsumer(PRODUCED_KEY, PRODUCED_SECRET);
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @Test
    void everyKeyComesFromMicroProfileConfig() {
        ConfigProperties config = new ConfigProperties().hmac("x", MP_KEY, MP_SECRET)
                .set("x", ConfigKeys.REALM, "mp-realm", ConfigKeys.READ_TIMEOUT, "1500ms",
                        ConfigKeys.CONNECT_TIMEOUT, "PT2S", ConfigKeys.TRANSPORT, "Header",
                        ConfigKeys.BODY_HASH, "TRUE", ConfigKeys.ACCESS_TOKEN_URL, provider.accessTokenUri().toString());

        try (WeldContainer container = OAuthWeld.start(config, XClient.class)) {
            SignedClient client = container.select(XClient.class).get().client;
            ConsumerDefinition definition = container.select(ConsumerDefinitions.class).get().definition("x");

            EchoResponse echo = accepted(client.get(provider.twoLeggedUri().toString()));

            assertEquals("x", client.name());
            assertEquals(MP_KEY, echo.consumerKey());
            assertTrue(lastExchange().authorization().startsWith("OAuth realm=\"mp-realm\", "), lastExchange().authorization());
            assertTrue(echo.oauthParameters().containsKey("oauth_body_hash"));
            OAuthConsumerConfig resolved = definition.config();
            assertEquals(Duration.ofMillis(1500), resolved.readTimeout());
            assertEquals(Duration.ofSeconds(2), resolved.connectTimeout());
            assertEquals(Transport.HEADER, resolved.transport());
            assertEquals(provider.accessTokenUri().toString(), resolved.accessTokenUrl());
            assertFalse(definition.toString().contains(MP_SECRET), definition.toString());
            assertFalse(client.toString().contains(MP_SECRET), client.toString());
        }
    }

    @Test
    void configuredUserAgentGoesWithEveryRequestToTheProvider() {
        ConfigProperties config = new ConfigProperties().hmac("x", MP_KEY, MP_SECRET)
                .set("x", ConfigKeys.USER_AGENT, "ExampleApp/2.1 (+https://app.example)")
                .hmac("other", MP_KEY, MP_SECRET);

        try (WeldContainer container = OAuthWeld.start(config, XClient.class)) {
            accepted(container.select(XClient.class).get().client.get(provider.twoLeggedUri().toString()));
            assertEquals("ExampleApp/2.1 (+https://app.example)", lastExchange().userAgent());

            accepted(container.select(ConsumerRegistry.class).get().signedClient("other")
                    .get(provider.twoLeggedUri().toString()));
            assertNotEquals("ExampleApp/2.1 (+https://app.example)", lastExchange().userAgent(),
                    "a name without user-agent keeps the HTTP client's own");
        }
    }

    @Test
    void everyKeyComesFromAProducer() {
        try (WeldContainer container = OAuthWeld.start(new ConfigProperties(), ProducedClient.class, Producers.class)) {
            SignedClient client = container.select(ProducedClient.class).get().client;

            EchoResponse echo = accepted(client.get(provider.twoLeggedUri().toString()));

            assertEquals(PRODUCED_KEY, echo.consumerKey());
            assertTrue(lastExchange().authorization().startsWith("OAuth realm=\"produced-realm\", "));
            assertEquals(Duration.ofSeconds(7), container.select(ConsumerDefinitions.class).get()
                    .definition("produced").config().readTimeout());
        }
    }

    @Test
    void microProfileConfigOverridesProducedValues() {
        ConfigProperties config = new ConfigProperties()
                .set("overridden", ConfigKeys.CONSUMER_SECRET, PRODUCED_SECRET, ConfigKeys.REALM, "mp-realm");

        try (WeldContainer container = OAuthWeld.start(config, Producers.class, OverriddenClients.class)) {
            OverriddenClients clients = container.select(OverriddenClients.class).get();

            EchoResponse echo = accepted(clients.overridden.get(provider.twoLeggedUri().toString()));
            assertEquals(PRODUCED_KEY, echo.consumerKey());
            assertTrue(lastExchange().authorization().startsWith("OAuth realm=\"mp-realm\", "));
            OAuthConsumerConfig resolved = container.select(ConsumerDefinitions.class).get().definition("overridden").config();
            assertEquals(Duration.ofSeconds(7), resolved.readTimeout());

            OAuthProviderException refused = assertThrows(OAuthProviderException.class,
                    () -> clients.notOverridden.get(provider.twoLeggedUri().toString()));
            assertEquals(401, refused.providerStatus());
        }
    }

    @Test
    void aProducedNameHasASignedClientWithoutAnyInjectionPoint() {
        try (WeldContainer container = OAuthWeld.start(new ConfigProperties(), Producers.class)) {
            SignedClient client = container.select(SignedClient.class, OAuthConsumer.Literal.of("produced")).get();

            assertEquals(PRODUCED_KEY, accepted(client.get(provider.twoLeggedUri().toString())).consumerKey());
        }
    }

    @Test
    void eachNameSignsWithItsOwnConsumer() {
        ConfigProperties config = new ConfigProperties().hmac("x", MP_KEY, MP_SECRET);

        try (WeldContainer container = OAuthWeld.start(config, XClient.class, ProducedClient.class, Producers.class)) {
            EchoResponse x = accepted(container.select(XClient.class).get().client.get(provider.twoLeggedUri().toString()));
            EchoResponse produced = accepted(container.select(ProducedClient.class).get().client
                    .get(provider.twoLeggedUri().toString()));

            assertEquals(List.of(MP_KEY, PRODUCED_KEY), List.of(x.consumerKey(), produced.consumerKey()));
        }
    }

    private static EchoResponse accepted(Response response) {
        try (response) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return EchoResponse.parse(body);
        }
    }

    private static RecordedExchange lastExchange() {
        List<RecordedExchange> exchanges = provider.exchanges();
        return exchanges.get(exchanges.size() - 1);
    }

    @Dependent
    static class XClient {
        @Inject
        @OAuthConsumer("x")
        SignedClient client;
    }

    @Dependent
    static class ProducedClient {
        @Inject
        @OAuthConsumer("produced")
        SignedClient client;
    }

    @Dependent
    static class OverriddenClients {
        @Inject
        @OAuthConsumer("overridden")
        SignedClient overridden;

        @Inject
        @OAuthConsumer("not-overridden")
        SignedClient notOverridden;
    }

    /** Configuration an application builds in code. */
    @Dependent
    static class Producers {

        @Produces
        @OAuthConsumer("produced")
        OAuthConsumerConfig produced() {
            return OAuthConsumerConfig.builder().consumerKey(PRODUCED_KEY).consumerSecret(PRODUCED_SECRET)
                    .realm("produced-realm").readTimeout(Duration.ofSeconds(7)).build();
        }

        @Produces
        @OAuthConsumer("overridden")
        OAuthConsumerConfig overridden() {
            return withWrongSecret();
        }

        @Produces
        @OAuthConsumer("not-overridden")
        OAuthConsumerConfig notOverridden() {
            return withWrongSecret();
        }

        private static OAuthConsumerConfig withWrongSecret() {
            return OAuthConsumerConfig.builder().consumerKey(PRODUCED_KEY).consumerSecret("wrong-secret")
                    .realm("produced-realm").readTimeout(Duration.ofSeconds(7)).build();
        }
    }
}

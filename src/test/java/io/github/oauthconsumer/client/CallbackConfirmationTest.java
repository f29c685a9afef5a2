package io.github.oauthconsumer.client;

import io.github.oauthconsumer.monitoring.Monitor;
import io.github.oauthconsumer.api.OAuthConsumerConfig;
import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.api.RequestToken;
import io.github.oauthconsumer.config.ConsumerConfigResolver;
import io.github.oauthconsumer.config.Usage;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import jakarta.ws.rs.client.Client;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code oauth_callback_confirmed}: required for a callback, as OAuth 1.0a says; out of band there
 * is no callback to confirm, and a provider that answers {@code false} (E*TRADE, without a callback
 * registered for the consumer key) is accepted. Against Jersey's provider switched to answer so.
 */
class CallbackConfirmationTest {

    private static final String KEY = "confirming-consumer";
    private static final String SECRET = "confirming secret";

    private static JerseyOAuthProvider provider;

    private final List<Client> clients = new ArrayList<>();

    @BeforeAll
    static void startProvider() {
        provider = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET).unconfirmedCallbacks();
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(Client::close);
    }

    @Test
    void anUnconfirmedCallbackIsRefused() {
        OAuthProviderException refused = assertThrows(OAuthProviderException.class,
                () -> endpoints().requestToken("https://app.example/oauth1/c/callback"));

        assertTrue(refused.getMessage().contains("did not confirm the callback"), refused::getMessage);
    }

    @Test
    void outOfBandAnUnconfirmedRequestTokenIsUsed() {
        TokenEndpoints endpoints = endpoints();

        RequestToken requestToken = endpoints.requestToken("oob");

        assertFalse(requestToken.callbackConfirmed());
        assertEquals("oob", provider.callbackOf(requestToken.token()));
        assertTrue(provider.isActive(endpoints.accessToken(requestToken, provider.approve(requestToken.token())).token()));
    }

    private TokenEndpoints endpoints() {
        OAuthConsumerConfig config = OAuthConsumerConfig.builder()
                .consumerKey(KEY)
                .consumerSecret(SECRET)
                .requestTokenUrl(provider.requestTokenUri().toString())
                .authorizationUrl(provider.authorizationUri().toString())
                .accessTokenUrl(provider.accessTokenUri().toString())
                .build();
        ConsumerConfigResolver.Result result = new ConsumerConfigResolver(ConfigProviderResolver.instance().getBuilder().build(),
                getClass().getClassLoader()).resolve("c", config, EnumSet.of(Usage.FLOW));
        assertTrue(result.isValid(), result.problems()::toString);
        Client client = ConsumerClients.build("c", result.definition(), Monitor.NONE);
        clients.add(client);
        return new TokenEndpoints(result.definition(), client, Clock.systemUTC(), Monitor.NONE);
    }
}

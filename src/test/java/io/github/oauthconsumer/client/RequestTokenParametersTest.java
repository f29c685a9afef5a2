package io.github.oauthconsumer.client;

import io.github.oauthconsumer.monitoring.Monitor;
import io.github.oauthconsumer.api.OAuthConsumerConfig;
import io.github.oauthconsumer.api.RequestToken;
import io.github.oauthconsumer.api.Transport;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code request-token-parameters}: sent with the request-token request only, in its form (POST) or
 * its query (GET), and signed with it; Jersey's provider verifies the signature over them and keeps
 * them with the request token.
 */
class RequestTokenParametersTest {

    private static final String KEY = "scoped-consumer";
    private static final String SECRET = "scoped secret";
    private static final String CALLBACK = "https://app.example/oauth1/scoped/callback";
    private static final String PARAMETERS = "scope=read%20write+delete&xoauth_lang_pref=en-us&empty=";

    private static JerseyOAuthProvider postProvider;
    private static JerseyOAuthProvider getProvider;

    private final List<Client> clients = new ArrayList<>();

    @BeforeAll
    static void startProviders() {
        postProvider = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET);
        getProvider = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET).tokenRequestMethod("GET");
    }

    @AfterAll
    static void stopProviders() {
        postProvider.close();
        getProvider.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(Client::close);
    }

    @Test
    void aPostCarriesThemInItsSignedForm() {
        for (Transport transport : Transport.values()) {
            RequestToken token = endpoints(postProvider, config(postProvider).transport(transport)).requestToken(CALLBACK);

            Map<String, List<String>> received = postProvider.requestTokenParameters(token.token());
            assertEquals(List.of("read write delete"), received.get("scope"), transport::name);
            assertEquals(List.of("en-us"), received.get("xoauth_lang_pref"), transport::name);
            assertEquals(List.of(""), received.get("empty"), transport::name);
        }
    }

    @Test
    void aGetCarriesThemInItsSignedQuery() {
        RequestToken token = endpoints(getProvider, config(getProvider).tokenRequestMethod("GET")).requestToken(CALLBACK);

        Map<String, List<String>> received = getProvider.requestTokenParameters(token.token());
        assertEquals(List.of("read write delete"), received.get("scope"));
        assertEquals(List.of("en-us"), received.get("xoauth_lang_pref"));
        assertEquals("GET", getProvider.exchanges().get(getProvider.exchanges().size() - 1).method());
    }

    private static OAuthConsumerConfig.Builder config(JerseyOAuthProvider provider) {
        return OAuthConsumerConfig.builder()
                .consumerKey(KEY)
                .consumerSecret(SECRET)
                .requestTokenUrl(provider.requestTokenUri().toString())
                .authorizationUrl(provider.authorizationUri().toString())
                .accessTokenUrl(provider.accessTokenUri().toString())
                .requestTokenParameters(PARAMETERS);
    }

    private TokenEndpoints endpoints(JerseyOAuthProvider provider, OAuthConsumerConfig.Builder config) {
        ConsumerConfigResolver.Result result = new ConsumerConfigResolver(ConfigProviderResolver.instance().getBuilder().build(),
                getClass().getClassLoader()).resolve("scoped", config.build(), EnumSet.of(Usage.FLOW));
        assertTrue(result.isValid(), result.problems()::toString);
        Client client = ConsumerClients.build("scoped", result.definition(), Monitor.NONE);
        clients.add(client);
        return new TokenEndpoints(result.definition(), client, Clock.systemUTC(), Monitor.NONE);
    }
}

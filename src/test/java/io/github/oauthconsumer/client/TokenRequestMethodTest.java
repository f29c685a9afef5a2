package io.github.oauthconsumer.client;

import io.github.oauthconsumer.monitoring.Monitor;
import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthConsumerConfig;
import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.api.RequestToken;
import io.github.oauthconsumer.api.Transport;
import io.github.oauthconsumer.config.ConsumerConfigResolver;
import io.github.oauthconsumer.config.Usage;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import io.github.oauthconsumer.testprovider.RecordedExchange;
import jakarta.ws.rs.client.Client;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code token-request-method=GET}: request token, access token and renewal as signed GETs, against
 * Jersey's provider switched to answer its token endpoints with GETs only (the checks of its POST
 * endpoints, signatures verified by Jersey's {@code oauth1-signature}); the protocol parameters in
 * the header or the query, as the transport says. POST stays the default.
 */
class TokenRequestMethodTest {

    private static final String KEY = "get-consumer";
    private static final String SECRET = "get secret";
    private static final String CALLBACK = "https://app.example/oauth1/get/callback";

    private static JerseyOAuthProvider getProvider;
    private static JerseyOAuthProvider postProvider;

    private final List<Client> clients = new ArrayList<>();

    @BeforeAll
    static void startProviders() {
        getProvider = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET).tokenRequestMethod("GET");
        postProvider = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET);
    }

    @AfterAll
    static void stopProviders() {
        getProvider.close();
        postProvider.close();
    }

    @BeforeEach
    void clearRecords() {
        getProvider.resetRecords();
        postProvider.resetRecords();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(Client::close);
    }

    @Test
    void requestTokenAccessTokenAndRenewalAreSignedGetsWithTheParametersInTheHeader() {
        TokenEndpoints endpoints = endpoints(getProvider, config(getProvider).tokenRequestMethod("GET"));

        RequestToken requestToken = endpoints.requestToken(CALLBACK);
        String sentCallback = getProvider.callbackOf(requestToken.token());
        String verifier = getProvider.approve(requestToken.token());
        AccessToken accessToken = endpoints.accessToken(requestToken, verifier);
        getProvider.expire(accessToken.token());
        AccessToken renewed = endpoints.renew(accessToken);

        assertTrue(requestToken.callbackConfirmed());
        assertEquals(CALLBACK, sentCallback);
        assertNotNull(accessToken.sessionHandle());
        assertNotEquals(accessToken.token(), renewed.token());
        assertTrue(getProvider.isActive(renewed.token()));
        List<RecordedExchange> exchanges = getProvider.exchanges();
        assertEquals(List.of("GET oauth/request_token 200", "GET oauth/access_token 200", "GET oauth/access_token 200"),
                exchanges.stream().map(e -> e.method() + " " + e.path() + " " + e.status()).toList());
        exchanges.forEach(exchange -> assertTrue(exchange.authorization().startsWith("OAuth "), exchange::toString));
    }

    @Test
    void withTheQueryTransportTheParametersGoInTheQueryOfTheGets() {
        TokenEndpoints endpoints = endpoints(getProvider, config(getProvider).tokenRequestMethod("GET")
                .transport(Transport.QUERY));

        RequestToken requestToken = endpoints.requestToken(CALLBACK);
        AccessToken accessToken = endpoints.accessToken(requestToken, getProvider.approve(requestToken.token()));

        assertTrue(getProvider.isActive(accessToken.token()));
        List<RecordedExchange> exchanges = getProvider.exchanges();
        assertEquals(2, exchanges.size());
        exchanges.forEach(exchange -> {
            assertEquals("GET", exchange.method());
            assertNull(exchange.authorization(), exchange::toString);
        });
    }

    @Test
    void postIsTheDefaultAndAProviderThatTakesOnlyTheOtherMethodRefusesIt() {
        TokenEndpoints posting = endpoints(getProvider, config(getProvider));
        TokenEndpoints getting = endpoints(postProvider, config(postProvider).tokenRequestMethod("GET"));

        OAuthProviderException postRefused = assertThrows(OAuthProviderException.class, () -> posting.requestToken(CALLBACK));
        OAuthProviderException getRefused = assertThrows(OAuthProviderException.class, () -> getting.requestToken(CALLBACK));

        assertEquals(405, postRefused.providerStatus());
        assertEquals(405, getRefused.providerStatus());
        assertEquals("POST", getProvider.exchanges().get(0).method());
    }

    private OAuthConsumerConfig.Builder config(JerseyOAuthProvider provider) {
        return OAuthConsumerConfig.builder()
                .consumerKey(KEY)
                .consumerSecret(SECRET)
                .requestTokenUrl(provider.requestTokenUri().toString())
                .authorizationUrl(provider.authorizationUri().toString())
                .accessTokenUrl(provider.accessTokenUri().toString());
    }

    private TokenEndpoints endpoints(JerseyOAuthProvider provider, OAuthConsumerConfig.Builder config) {
        ConsumerConfigResolver.Result result = new ConsumerConfigResolver(ConfigProviderResolver.instance().getBuilder().build(),
                getClass().getClassLoader()).resolve("get", config.build(), EnumSet.of(Usage.FLOW));
        assertTrue(result.isValid(), result.problems()::toString);
        Client client = ConsumerClients.build("get", result.definition(), Monitor.NONE);
        clients.add(client);
        return new TokenEndpoints(result.definition(), client, Clock.systemUTC(), Monitor.NONE);
    }
}

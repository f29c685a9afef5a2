package io.github.oauthconsumer.flow;

import io.github.oauthconsumer.api.AccessTokenObtained;
import io.github.oauthconsumer.api.OAuthConsumerConfig;
import io.github.oauthconsumer.client.ConsumerClients;
import io.github.oauthconsumer.client.TokenEndpoints;
import io.github.oauthconsumer.config.ConsumerConfigResolver;
import io.github.oauthconsumer.config.ConsumerDefinition;
import io.github.oauthconsumer.config.Usage;
import io.github.oauthconsumer.spi.PendingAuthorization;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import jakarta.ws.rs.client.Client;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access-token flow with providers that depart from RFC 5849, against Jersey's provider
 * switched into their ways: an authorization page that takes {@code key} and {@code token}
 * (E*TRADE), fixed parameters on the authorization URL (Trello, Flickr, SmugMug).
 */
class ProviderVariantsFlowTest {

    private static final String NAME = "variant";
    private static final String KEY = "variant consumer+key";
    private static final String SECRET = "variant secret";
    private static final FlowPaths PATHS = new FlowPaths("/oauth1");
    private static final AuthorizationFlow.RequestBase BASE =
            new AuthorizationFlow.RequestBase("http://app.example:8080", "/shop");

    private static JerseyOAuthProvider rfcProvider;
    private static JerseyOAuthProvider etradeProvider;
    private static Config emptyConfig;

    private final List<Client> clients = new ArrayList<>();
    private final FlowFakes.Tokens tokens = new FlowFakes.Tokens();
    private final FlowFakes.Pending pending = new FlowFakes.Pending();
    private final List<Object> events = new ArrayList<>();
    private final FlowFakes.MovableClock clock = new FlowFakes.MovableClock(Instant.parse("2026-03-01T12:00:00Z"));

    @BeforeAll
    static void startProviders() {
        rfcProvider = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET);
        etradeProvider = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET).keyAndTokenAuthorization();
        emptyConfig = ConfigProviderResolver.instance().getBuilder().build();
    }

    @AfterAll
    static void stopProviders() {
        rfcProvider.close();
        etradeProvider.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(Client::close);
    }

    // ---- authorization URL templates ----

    @Test
    void anAuthorizationPageThatTakesKeyAndTokenGetsThemFromThePlaceholdersAndTheFlowCompletes() throws Exception {
        AuthorizationFlow flow = flow(config(etradeProvider)
                .authorizationUrl(etradeProvider.authorizationUri() + "?key={consumer_key}&token={oauth_token}&user=bob"));

        FlowOutcome start = flow.start(BASE, NAME, "/orders");

        String requestToken = pending.find(NAME).orElseThrow().requestToken().token();
        assertEquals(new FlowOutcome.Redirect(etradeProvider.authorizationUri() + "?key=variant%20consumer%2Bkey&token="
                + requestToken + "&user=bob"), start);
        URI callback = approve(start);
        FlowOutcome done = flow.callback(BASE, NAME, parameters(query(callback)));
        assertEquals(new FlowOutcome.Redirect("/shop/orders"), done);
        assertEquals(tokens.find(NAME).orElseThrow(), assertInstanceOf(AccessTokenObtained.class, events.get(0)).token());
        assertTrue(etradeProvider.isActive(tokens.find(NAME).orElseThrow().token()));
    }

    @Test
    void thatPageRefusesTheRequestTokenInOauthTokenAsTheFlowWithoutPlaceholdersSendsIt() throws Exception {
        AuthorizationFlow flow = flow(config(etradeProvider));

        FlowOutcome.Redirect start = assertInstanceOf(FlowOutcome.Redirect.class, flow.start(BASE, NAME, "/"));

        assertTrue(start.location().startsWith(etradeProvider.authorizationUri() + "?oauth_token="), start::location);
        assertEquals(400, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(start.location()))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void fixedParametersOfTheAuthorizationUrlStayAndOauthTokenIsAddedAfterThem() throws Exception {
        AuthorizationFlow flow = flow(config(rfcProvider)
                .authorizationUrl(rfcProvider.authorizationUri() + "?name=My%20App&scope=read,write&expiration=never"));

        FlowOutcome start = flow.start(BASE, NAME, "/");

        PendingAuthorization started = pending.find(NAME).orElseThrow();
        assertEquals(new FlowOutcome.Redirect(rfcProvider.authorizationUri()
                + "?name=My%20App&scope=read,write&expiration=never&oauth_token=" + started.requestToken().token()), start);
        assertEquals(new FlowOutcome.Redirect("/shop/"), flow.callback(BASE, NAME, parameters(query(approve(start)))));
    }

    // ---- helpers ----

    private static OAuthConsumerConfig.Builder config(JerseyOAuthProvider provider) {
        return OAuthConsumerConfig.builder()
                .consumerKey(KEY)
                .consumerSecret(SECRET)
                .requestTokenUrl(provider.requestTokenUri().toString())
                .authorizationUrl(provider.authorizationUri().toString())
                .accessTokenUrl(provider.accessTokenUri().toString())
                .readTimeout(Duration.ofSeconds(20));
    }

    private AuthorizationFlow flow(OAuthConsumerConfig.Builder builder) {
        ConsumerConfigResolver.Result result = new ConsumerConfigResolver(emptyConfig, getClass().getClassLoader())
                .resolve(NAME, builder.build(), EnumSet.of(Usage.FLOW));
        assertTrue(result.isValid(), result.problems()::toString);
        ConsumerDefinition definition = result.definition();
        Client client = ConsumerClients.build(NAME, definition);
        clients.add(client);
        AuthorizationFlow.FlowConsumer consumer =
                new AuthorizationFlow.FlowConsumer(definition.config(), new TokenEndpoints(definition, client, clock));
        return new AuthorizationFlow(PATHS, name -> name.equals(NAME) ? Optional.of(consumer) : Optional.empty(),
                tokens, pending, events::add, clock);
    }

    /** Follows the start's redirect to the provider, which approves at once; returns where it sends the user. */
    private static URI approve(FlowOutcome start) throws IOException, InterruptedException {
        FlowOutcome.Redirect redirect = assertInstanceOf(FlowOutcome.Redirect.class, start);
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(redirect.location())).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(303, response.statusCode());
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static AuthorizationFlow.CallbackParameters parameters(Map<String, String> query) {
        return new AuthorizationFlow.CallbackParameters(query.get("oauth_token"), query.get("oauth_verifier"), null, null);
    }
}

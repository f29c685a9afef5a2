package io.github.oauthconsumer.flow;

import io.github.oauthconsumer.monitoring.Monitor;
import io.github.oauthconsumer.api.AccessTokenObtained;
import io.github.oauthconsumer.api.FlowPageAttributes;
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
import org.junit.jupiter.api.BeforeEach;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access-token flow with providers that depart from RFC 5849, against Jersey's provider
 * switched into their ways: an authorization page that takes {@code key} and {@code token}
 * (E*TRADE), fixed parameters on the authorization URL (Trello, Flickr, SmugMug), and the
 * out-of-band flow, in which the provider shows the user a code to paste into the verifier page
 * (E*TRADE, Flickr and others without a registered callback). Jersey's provider approves at once and
 * shows the code as a form body.
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

    @BeforeEach
    void clearRecords() {
        rfcProvider.resetRecords();
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

    // ---- out of band ----

    @Test
    void outOfBandTheStartAsksForOobAndLeadsToTheVerifierPage() {
        AuthorizationFlow flow = flow(config(rfcProvider).callbackUrl("oob"));

        FlowOutcome start = flow.start(BASE, NAME, "/orders");

        PendingAuthorization started = pending.find(NAME).orElseThrow();
        assertEquals(new FlowOutcome.Redirect("/shop/oauth1/variant/verifier"), start);
        assertEquals("oob", rfcProvider.callbackOf(started.requestToken().token()));
        assertTrue(started.requestToken().callbackConfirmed());
        assertEquals("/orders", started.next());
    }

    @Test
    void theCodeThePersonPastesIsExchangedStoredAndTheUserSentToNext() throws Exception {
        AuthorizationFlow flow = flow(config(rfcProvider).callbackUrl("oob"));
        flow.start(BASE, NAME, "/orders?id=3");

        FlowOutcome.VerifierForm form = assertInstanceOf(FlowOutcome.VerifierForm.class, flow.verifierForm(BASE, NAME));
        String requestToken = pending.find(NAME).orElseThrow().requestToken().token();
        assertEquals(rfcProvider.authorizationUri() + "?oauth_token=" + requestToken, form.authorizationUrl());
        assertEquals("/shop/oauth1/variant/verifier", form.action());
        assertEquals(NAME, form.consumerName());
        String code = codeShownBy(form.authorizationUrl());

        FlowOutcome done = flow.submitVerifier(BASE, NAME, form.csrfToken(), "  " + code + "\n");

        assertEquals(new FlowOutcome.Redirect("/shop/orders?id=3"), done);
        String accessToken = tokens.find(NAME).orElseThrow().token();
        assertTrue(rfcProvider.isActive(accessToken));
        assertEquals(accessToken, assertInstanceOf(AccessTokenObtained.class, events.get(0)).token().token());
        assertTrue(pending.find(NAME).isEmpty());
    }

    @Test
    void theApplicationsVerifierPageGetsTheLinkTheFormTargetAndItsToken() throws Exception {
        AuthorizationFlow flow = flow(config(rfcProvider).callbackUrl("oob").verifierPage("/WEB-INF/verifier.jsp")
                .successPage("/WEB-INF/success.jsp"));
        flow.start(BASE, NAME, "/orders");

        FlowOutcome.Forward page = assertInstanceOf(FlowOutcome.Forward.class, flow.verifierForm(BASE, NAME));

        assertEquals("/WEB-INF/verifier.jsp", page.page());
        assertEquals(200, page.status());
        String authorizationUrl = (String) page.attributes().get(FlowPageAttributes.AUTHORIZATION_URL);
        assertEquals(Map.of(FlowPageAttributes.CONSUMER_NAME, NAME,
                FlowPageAttributes.AUTHORIZATION_URL, rfcProvider.authorizationUri() + "?oauth_token="
                        + pending.find(NAME).orElseThrow().requestToken().token(),
                FlowPageAttributes.VERIFIER_ACTION, "/shop/oauth1/variant/verifier",
                FlowPageAttributes.CSRF_TOKEN, VerifierFormToken.of(pending.find(NAME).orElseThrow()),
                FlowPageAttributes.NEXT_URL, "/shop/orders"), page.attributes());
        FlowOutcome done = flow.submitVerifier(BASE, NAME, (String) page.attributes().get(FlowPageAttributes.CSRF_TOKEN),
                codeShownBy(authorizationUrl));
        assertEquals("/WEB-INF/success.jsp", assertInstanceOf(FlowOutcome.Forward.class, done).page());
    }

    @Test
    void aCodeWithoutTheFormsTokenOrWithAnotherFormsTokenIsRefusedAndChangesNothing() throws Exception {
        AuthorizationFlow flow = flow(config(rfcProvider).callbackUrl("oob"));
        flow.start(BASE, NAME, "/");
        PendingAuthorization first = pending.find(NAME).orElseThrow();
        String firstToken = VerifierFormToken.of(first);
        flow.start(BASE, NAME, "/");
        FlowOutcome.VerifierForm form = assertInstanceOf(FlowOutcome.VerifierForm.class, flow.verifierForm(BASE, NAME));
        String code = codeShownBy(form.authorizationUrl());

        for (String forged : new String[] {null, "", firstToken, form.csrfToken() + "A", "not base64 ~"}) {
            FlowOutcome.Page refused = assertInstanceOf(FlowOutcome.Page.class,
                    flow.submitVerifier(BASE, NAME, forged, code), String.valueOf(forged));
            assertEquals(403, refused.status());
            assertEquals("Authorization not recognised", refused.title());
            assertEquals("/shop/oauth1/variant/authorize?next=%2F", refused.linkUrl());
        }

        assertTrue(tokens.stored.isEmpty());
        assertTrue(events.isEmpty());
        assertEquals(new FlowOutcome.Redirect("/shop/"), flow.submitVerifier(BASE, NAME, form.csrfToken(), code));
    }

    @Test
    void withoutAPendingAuthorizationThereIsNoVerifierPageAndNoExchange() throws Exception {
        AuthorizationFlow flow = flow(config(rfcProvider).callbackUrl("oob"));
        flow.start(BASE, NAME, "/");
        FlowOutcome.VerifierForm form = assertInstanceOf(FlowOutcome.VerifierForm.class, flow.verifierForm(BASE, NAME));
        String code = codeShownBy(form.authorizationUrl());
        flow.submitVerifier(BASE, NAME, form.csrfToken(), code);
        int stored = tokens.stored.size();

        FlowOutcome.Page replayed = assertInstanceOf(FlowOutcome.Page.class, flow.submitVerifier(BASE, NAME, form.csrfToken(), code));
        FlowOutcome.Page page = assertInstanceOf(FlowOutcome.Page.class, flow.verifierForm(BASE, NAME));

        assertEquals(403, replayed.status());
        assertEquals("No authorization in progress", replayed.title());
        assertEquals(403, page.status());
        assertEquals("No authorization in progress", page.title());
        assertEquals(stored, tokens.stored.size());
    }

    @Test
    void anEmptyOrOverlongCodeShowsTheVerifierPageAgainAndKeepsThePendingAuthorization() {
        AuthorizationFlow flow = flow(config(rfcProvider).callbackUrl("oob"));
        flow.start(BASE, NAME, "/");
        FlowOutcome.VerifierForm form = assertInstanceOf(FlowOutcome.VerifierForm.class, flow.verifierForm(BASE, NAME));

        for (String code : new String[] {null, "", " \t\n", "x".repeat(AuthorizationFlow.MAX_VERIFIER_LENGTH + 1)}) {
            assertEquals(new FlowOutcome.Redirect("/shop/oauth1/variant/verifier"),
                    flow.submitVerifier(BASE, NAME, form.csrfToken(), code));
        }

        assertTrue(pending.find(NAME).isPresent());
        assertTrue(tokens.stored.isEmpty());
        assertEquals(0, rfcProvider.exchanges().stream().filter(e -> e.path().equals("oauth/access_token")).count());
    }

    @Test
    void anExpiredPendingAuthorizationIsRefusedOnTheVerifierPageAndWhenTheCodeComes() throws Exception {
        AuthorizationFlow flow = flow(config(rfcProvider).callbackUrl("oob"));
        flow.start(BASE, NAME, "/");
        FlowOutcome.VerifierForm form = assertInstanceOf(FlowOutcome.VerifierForm.class, flow.verifierForm(BASE, NAME));
        String code = codeShownBy(form.authorizationUrl());
        clock.advance(Duration.ofMinutes(10));

        FlowOutcome.Page expired = assertInstanceOf(FlowOutcome.Page.class, flow.submitVerifier(BASE, NAME, form.csrfToken(), code));

        assertEquals(403, expired.status());
        assertEquals("Authorization expired", expired.title());
        assertTrue(pending.find(NAME).isEmpty());
        assertTrue(tokens.stored.isEmpty());
        flow.start(BASE, NAME, "/");
        clock.advance(Duration.ofMinutes(10));
        assertEquals("Authorization expired", assertInstanceOf(FlowOutcome.Page.class, flow.verifierForm(BASE, NAME)).title());
    }

    @Test
    void aConsumerWithACallbackHasNoVerifierPage() {
        AuthorizationFlow flow = flow(config(rfcProvider));
        flow.start(BASE, NAME, "/");

        assertEquals(404, assertInstanceOf(FlowOutcome.Page.class, flow.verifierForm(BASE, NAME)).status());
        assertEquals(404, assertInstanceOf(FlowOutcome.Page.class, flow.submitVerifier(BASE, NAME,
                VerifierFormToken.of(pending.find(NAME).orElseThrow()), "code")).status());
        assertEquals(404, assertInstanceOf(FlowOutcome.Page.class, flow.verifierForm(BASE, "nobody")).status());
        assertTrue(pending.find(NAME).isPresent());
    }

    @Test
    void outOfBandTheCallbackStillWorksForAProviderThatRedirectsToARegisteredOne() throws Exception {
        AuthorizationFlow flow = flow(config(rfcProvider).callbackUrl("oob"));
        flow.start(BASE, NAME, "/next");
        FlowOutcome.VerifierForm form = assertInstanceOf(FlowOutcome.VerifierForm.class, flow.verifierForm(BASE, NAME));
        String requestToken = pending.find(NAME).orElseThrow().requestToken().token();

        FlowOutcome done = flow.callback(BASE, NAME, new AuthorizationFlow.CallbackParameters(requestToken,
                codeShownBy(form.authorizationUrl()), null, null));

        assertEquals(new FlowOutcome.Redirect("/shop/next"), done);
        assertTrue(rfcProvider.isActive(tokens.find(NAME).orElseThrow().token()));
    }

    @Test
    void etradesWholeFlowOutOfBandWithGetsAndTheKeyAndTokenPage() throws Exception {
        JerseyOAuthProvider etrade = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET)
                .tokenRequestMethod("GET").keyAndTokenAuthorization().unconfirmedCallbacks();
        try {
            AuthorizationFlow flow = flow(config(etrade).callbackUrl("oob").tokenRequestMethod("GET")
                    .authorizationUrl(etrade.authorizationUri() + "?key={consumer_key}&token={oauth_token}"));
            flow.start(BASE, NAME, "/accounts");
            FlowOutcome.VerifierForm form = assertInstanceOf(FlowOutcome.VerifierForm.class, flow.verifierForm(BASE, NAME));

            FlowOutcome done = flow.submitVerifier(BASE, NAME, form.csrfToken(), codeShownBy(form.authorizationUrl()));

            assertEquals(new FlowOutcome.Redirect("/shop/accounts"), done);
            assertTrue(etrade.isActive(tokens.find(NAME).orElseThrow().token()));
            assertEquals(List.of("GET oauth/request_token 200", "GET oauth/authorize 200", "GET oauth/access_token 200"),
                    etrade.exchanges().stream().map(e -> e.method() + " " + e.path() + " " + e.status()).toList());
        } finally {
            etrade.close();
        }
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
        Client client = ConsumerClients.build(NAME, definition, Monitor.NONE);
        clients.add(client);
        AuthorizationFlow.FlowConsumer consumer =
                new AuthorizationFlow.FlowConsumer(definition.config(), new TokenEndpoints(definition, client, clock, Monitor.NONE));
        return new AuthorizationFlow(PATHS, name -> name.equals(NAME) ? Optional.of(consumer) : Optional.empty(),
                tokens, pending, events::add, clock, Monitor.NONE);
    }

    /** The person opens the provider's page, which approves at once and shows the code (here: as a form body). */
    private static String codeShownBy(String authorizationUrl) throws IOException, InterruptedException {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(authorizationUrl))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page::body);
        String code = URLDecoder.decode(page.body().substring(page.body().indexOf("oauth_verifier=") + 15), StandardCharsets.UTF_8);
        assertFalse(code.isEmpty());
        return code;
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

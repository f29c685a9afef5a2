package io.github.oauthconsumer.flow;

import com.sun.net.httpserver.HttpServer;
import io.github.oauthconsumer.monitoring.Monitor;
import io.github.oauthconsumer.testsupport.RecordingMonitor;
import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.AccessTokenObtained;
import io.github.oauthconsumer.api.AuthorizationRefused;
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
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access-token flow without HTTP on our side, against the independent Jersey provider on
 * 127.0.0.1: start, approval by the provider, callback; every way a callback can be wrong; refusals;
 * the optional pages; providers that are down, silent or answer garbage.
 */
class AuthorizationFlowTest {

    private static final String NAME = "prov";
    private static final String KEY = "flow-consumer";
    private static final String SECRET = "flow secret & more";
    private static final FlowPaths PATHS = new FlowPaths("/oauth1");
    private static final AuthorizationFlow.RequestBase BASE =
            new AuthorizationFlow.RequestBase("http://app.example:8080", "/shop");
    private static final String CALLBACK = "http://app.example:8080/shop/oauth1/prov/callback";

    private static JerseyOAuthProvider provider;
    private static HttpServer garbage;
    private static ServerSocket silent;
    private static Config emptyConfig;

    private final List<Client> clients = new ArrayList<>();
    private final FlowFakes.Tokens tokens = new FlowFakes.Tokens();
    private final FlowFakes.Pending pending = new FlowFakes.Pending();
    private final List<Object> events = new ArrayList<>();
    private final RecordingMonitor monitor = new RecordingMonitor();
    private final FlowFakes.MovableClock clock = new FlowFakes.MovableClock(Instant.parse("2026-03-01T12:00:00Z"));

    @BeforeAll
    static void startServers() throws IOException {
        provider = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET);
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        garbage = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        garbage.createContext("/", exchange -> {
            byte[] body = "<html><body>Service temporarily unavailable</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        garbage.start();
        silent = new ServerSocket(0, 50, loopback);
        emptyConfig = ConfigProviderResolver.instance().getBuilder().build();
    }

    @AfterAll
    static void stopServers() throws IOException {
        provider.close();
        garbage.stop(0);
        silent.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(Client::close);
    }

    // ---- start ----

    @Test
    void startRedirectsToTheAuthorizationUrlKeepingItsQueryAndRemembersThePendingAuthorization() {
        AuthorizationFlow flow = flow(config().authorizationUrl(provider.authorizationUri() + "?user=bob"));

        FlowOutcome outcome = flow.start(BASE, NAME, "/orders?id=3");

        PendingAuthorization started = pending.find(NAME).orElseThrow();
        assertEquals(new FlowOutcome.Redirect(provider.authorizationUri() + "?user=bob&oauth_token="
                + started.requestToken().token()), outcome);
        assertEquals("/orders?id=3", started.next());
        assertEquals(clock.instant(), started.createdAt());
        assertTrue(started.requestToken().callbackConfirmed());
        assertTrue(tokens.tokens.isEmpty());
        assertTrue(events.isEmpty());
    }

    @Test
    void theProviderSendsTheUserBackToTheCallbackComputedFromTheRequest() throws Exception {
        AuthorizationFlow flow = flow(config());

        URI callback = approve(flow.start(BASE, NAME, "/"));

        assertEquals(CALLBACK, callback.toString().substring(0, callback.toString().indexOf('?')));
    }

    @Test
    void aConfiguredCallbackUrlWins() throws Exception {
        AuthorizationFlow flow = flow(config().callbackUrl("https://public.example/cb/prov")
                .publicBaseUrl("https://ignored.example/app"));

        URI callback = approve(flow.start(BASE, NAME, "/"));

        assertTrue(callback.toString().startsWith("https://public.example/cb/prov?oauth_token="), callback.toString());
    }

    @Test
    void thePublicBaseUrlReplacesTheRequestsOriginAndContext() throws Exception {
        AuthorizationFlow flow = flow(config().publicBaseUrl("https://public.example/app/"));

        URI callback = approve(flow.start(BASE, NAME, "/"));

        assertTrue(callback.toString().startsWith("https://public.example/app/oauth1/prov/callback?oauth_token="),
                callback.toString());
    }

    @Test
    void anUnsafeNextBecomesTheApplicationRoot() {
        AuthorizationFlow flow = flow(config());

        flow.start(BASE, NAME, "//evil.example/steal");

        assertEquals("/", pending.find(NAME).orElseThrow().next());
    }

    @Test
    void theAuthorizePageIsShownInsteadOfTheRedirectWhenConfigured() {
        AuthorizationFlow flow = flow(config().authorizePage("/WEB-INF/authorize.jsp"));

        FlowOutcome outcome = flow.start(BASE, NAME, "/orders");

        FlowOutcome.Forward forward = assertInstanceOf(FlowOutcome.Forward.class, outcome);
        assertEquals("/WEB-INF/authorize.jsp", forward.page());
        assertEquals(200, forward.status());
        assertEquals(Map.of(FlowPageAttributes.CONSUMER_NAME, NAME,
                FlowPageAttributes.AUTHORIZATION_URL, provider.authorizationUri() + "?oauth_token="
                        + pending.find(NAME).orElseThrow().requestToken().token(),
                FlowPageAttributes.NEXT_URL, "/shop/orders"), forward.attributes());
    }

    @Test
    void anUnknownConsumerIsNotFound() {
        AuthorizationFlow flow = flow(config());

        FlowOutcome.Page start = assertInstanceOf(FlowOutcome.Page.class, flow.start(BASE, "other", "/"));
        FlowOutcome.Page callback = assertInstanceOf(FlowOutcome.Page.class,
                flow.callback(BASE, "other", new AuthorizationFlow.CallbackParameters("t", "v", null, null)));

        assertEquals(404, start.status());
        assertEquals(404, callback.status());
        assertTrue(pending.pending.isEmpty());
    }

    // ---- callback ----

    @Test
    void callbackExchangesTheTokenStoresItFiresTheEventAndGoesToNext() throws Exception {
        AuthorizationFlow flow = flow(config());
        Map<String, String> callback = query(approve(flow.start(BASE, NAME, "/orders?id=3")));

        FlowOutcome outcome = flow.callback(BASE, NAME, parameters(callback));

        assertEquals(new FlowOutcome.Redirect("/shop/orders?id=3"), outcome);
        AccessToken token = tokens.find(NAME).orElseThrow();
        assertTrue(provider.isActive(token.token()));
        assertTrue(token.isRenewable());
        assertEquals(List.of(new AccessTokenObtained(NAME, token)), events);
        assertTrue(pending.find(NAME).isEmpty());
    }

    @Test
    void theSuccessPageGetsTheTokenValueAndNextButNeverTheSecret() throws Exception {
        AuthorizationFlow flow = flow(config().successPage("/done.xhtml"));
        Map<String, String> callback = query(approve(flow.start(BASE, NAME, "/orders")));

        FlowOutcome outcome = flow.callback(BASE, NAME, parameters(callback));

        FlowOutcome.Forward forward = assertInstanceOf(FlowOutcome.Forward.class, outcome);
        AccessToken token = tokens.find(NAME).orElseThrow();
        assertEquals("/done.xhtml", forward.page());
        assertEquals(200, forward.status());
        assertEquals(Map.of(FlowPageAttributes.CONSUMER_NAME, NAME, FlowPageAttributes.ACCESS_TOKEN, token.token(),
                FlowPageAttributes.NEXT_URL, "/shop/orders"), forward.attributes());
        forward.attributes().values().forEach(value -> assertFalse(String.valueOf(value).contains(token.secret())));
    }

    @Test
    void aReplayedCallbackIsRefusedAndChangesNothing() throws Exception {
        AuthorizationFlow flow = flow(config());
        Map<String, String> callback = query(approve(flow.start(BASE, NAME, "/")));
        flow.callback(BASE, NAME, parameters(callback));
        AccessToken first = tokens.find(NAME).orElseThrow();
        events.clear();

        FlowOutcome replay = flow.callback(BASE, NAME, parameters(callback));

        assertEquals(403, assertInstanceOf(FlowOutcome.Page.class, replay).status());
        assertEquals(List.of(first), tokens.stored);
        assertTrue(events.isEmpty());
    }

    @Test
    void aCallbackWithoutPendingAuthorizationIsRefused() {
        AuthorizationFlow flow = flow(config());

        FlowOutcome outcome = flow.callback(BASE, NAME, new AuthorizationFlow.CallbackParameters("rt", "v", null, null));

        assertEquals(403, assertInstanceOf(FlowOutcome.Page.class, outcome).status());
        assertTrue(tokens.stored.isEmpty());
    }

    @Test
    void aCallbackForAnotherRequestTokenIsRefusedAndKeepsThePendingAuthorization() throws Exception {
        AuthorizationFlow flow = flow(config());
        Map<String, String> mine = query(approve(flow.start(BASE, NAME, "/mine")));
        FlowFakes.Pending otherUser = new FlowFakes.Pending();
        AuthorizationFlow otherFlow = new AuthorizationFlow(PATHS, secondUsersConsumers(), new FlowFakes.Tokens(), otherUser,
                events::add, clock, Monitor.NONE);
        Map<String, String> theirs = query(approve(otherFlow.start(BASE, NAME, "/theirs")));

        FlowOutcome outcome = flow.callback(BASE, NAME, parameters(theirs));

        FlowOutcome.Page page = assertInstanceOf(FlowOutcome.Page.class, outcome);
        assertEquals(403, page.status());
        assertTrue(tokens.stored.isEmpty());
        assertTrue(events.isEmpty());
        assertEquals(mine.get("oauth_token"), pending.find(NAME).orElseThrow().requestToken().token());
        assertEquals(new FlowOutcome.Redirect("/shop/mine"), flow.callback(BASE, NAME, parameters(mine)));
    }

    @Test
    void aCallbackWithAVerifierButNoTokenIsRefusedAndKeepsThePendingAuthorization() throws Exception {
        AuthorizationFlow flow = flow(config());
        Map<String, String> callback = query(approve(flow.start(BASE, NAME, "/")));

        FlowOutcome outcome = flow.callback(BASE, NAME,
                new AuthorizationFlow.CallbackParameters(null, callback.get("oauth_verifier"), null, null));

        assertEquals(403, assertInstanceOf(FlowOutcome.Page.class, outcome).status());
        assertTrue(pending.find(NAME).isPresent());
        assertTrue(tokens.stored.isEmpty());
    }

    @Test
    void aCallbackJustBeforeTheTimeoutSucceeds() throws Exception {
        AuthorizationFlow flow = flow(config().pendingAuthorizationTimeout(Duration.ofMinutes(3)));
        Map<String, String> callback = query(approve(flow.start(BASE, NAME, "/")));
        clock.advance(Duration.ofMinutes(3).minusMillis(1));

        assertEquals(new FlowOutcome.Redirect("/shop/"), flow.callback(BASE, NAME, parameters(callback)));
    }

    @Test
    void anExpiredPendingAuthorizationIsRefusedAndForgotten() throws Exception {
        AuthorizationFlow flow = flow(config().pendingAuthorizationTimeout(Duration.ofMinutes(3)));
        Map<String, String> callback = query(approve(flow.start(BASE, NAME, "/orders")));
        clock.advance(Duration.ofMinutes(3));

        FlowOutcome outcome = flow.callback(BASE, NAME, parameters(callback));

        FlowOutcome.Page page = assertInstanceOf(FlowOutcome.Page.class, outcome);
        assertEquals(403, page.status());
        assertEquals("/shop/oauth1/prov/authorize?next=%2Forders", page.linkUrl());
        assertTrue(pending.find(NAME).isEmpty());
        assertTrue(tokens.stored.isEmpty());
        assertTrue(events.isEmpty());
    }

    @Test
    void theDefaultTimeoutIsTenMinutes() throws Exception {
        AuthorizationFlow flow = flow(config());
        Map<String, String> callback = query(approve(flow.start(BASE, NAME, "/")));
        clock.advance(Duration.ofMinutes(10));

        assertEquals(403, assertInstanceOf(FlowOutcome.Page.class, flow.callback(BASE, NAME, parameters(callback))).status());
    }

    // ---- refusal ----

    @Test
    void aRefusalFiresTheEventShowsA403PageAndForgetsThePendingAuthorization() {
        AuthorizationFlow flow = flow(config());
        flow.start(BASE, NAME, "/orders");
        String token = pending.find(NAME).orElseThrow().requestToken().token();

        FlowOutcome outcome = flow.callback(BASE, NAME,
                new AuthorizationFlow.CallbackParameters(token, null, "user_refused", null));

        FlowOutcome.Page page = assertInstanceOf(FlowOutcome.Page.class, outcome);
        assertEquals(403, page.status());
        assertTrue(page.message().contains("user_refused"), page.message());
        assertEquals("/shop/oauth1/prov/authorize?next=%2Forders", page.linkUrl());
        assertEquals(List.of(new AuthorizationRefused(NAME, "user_refused")), events);
        assertTrue(pending.find(NAME).isEmpty());
        assertTrue(tokens.stored.isEmpty());
    }

    @Test
    void everyKindOfRefusalIsRecognised() {
        AuthorizationFlow flow = flow(config());
        List<AuthorizationFlow.CallbackParameters> refusals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            flow.start(BASE, NAME, "/");
            String token = pending.find(NAME).orElseThrow().requestToken().token();
            AuthorizationFlow.CallbackParameters refusal = switch (i) {
                case 0 -> new AuthorizationFlow.CallbackParameters(token, null, null, null);
                case 1 -> new AuthorizationFlow.CallbackParameters(token, "", null, null);
                case 2 -> new AuthorizationFlow.CallbackParameters(null, null, null, token);
                default -> new AuthorizationFlow.CallbackParameters(null, null, "permission_denied", null);
            };
            refusals.add(refusal);
            assertEquals(403, assertInstanceOf(FlowOutcome.Page.class, flow.callback(BASE, NAME, refusal)).status());
            assertTrue(pending.find(NAME).isEmpty(), refusal::toString);
        }

        assertEquals(List.of(new AuthorizationRefused(NAME, null), new AuthorizationRefused(NAME, null),
                new AuthorizationRefused(NAME, null), new AuthorizationRefused(NAME, "permission_denied")), events);
        assertTrue(tokens.stored.isEmpty());
    }

    @Test
    void aRefusalNamingAnotherRequestTokenChangesNothing() {
        AuthorizationFlow flow = flow(config());
        flow.start(BASE, NAME, "/");

        FlowOutcome outcome = flow.callback(BASE, NAME,
                new AuthorizationFlow.CallbackParameters("someone-elses", null, "user_refused", null));

        assertEquals(403, assertInstanceOf(FlowOutcome.Page.class, outcome).status());
        assertTrue(pending.find(NAME).isPresent());
        assertTrue(events.isEmpty());
    }

    @Test
    void aRefusalGoesToTheRefusedPageWhenConfigured() {
        AuthorizationFlow flow = flow(config().refusedPage("/refused.jsp"));
        flow.start(BASE, NAME, "/orders");
        String token = pending.find(NAME).orElseThrow().requestToken().token();

        FlowOutcome outcome = flow.callback(BASE, NAME, new AuthorizationFlow.CallbackParameters(token, null, "denied", null));

        FlowOutcome.Forward forward = assertInstanceOf(FlowOutcome.Forward.class, outcome);
        assertEquals("/refused.jsp", forward.page());
        assertEquals(403, forward.status());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put(FlowPageAttributes.CONSUMER_NAME, NAME);
        expected.put(FlowPageAttributes.PROBLEM, "denied");
        expected.put(FlowPageAttributes.NEXT_URL, "/shop/orders");
        expected.put(FlowPageAttributes.RESTART_URL, "/shop/oauth1/prov/authorize?next=%2Forders");
        assertEquals(expected, forward.attributes());
    }

    @Test
    void aRefusalRedirectsToTheRefusedUrlWhenConfigured() {
        AuthorizationFlow relative = flow(config().refusedUrl("/declined?why=1"));
        relative.start(BASE, NAME, "/");
        String token = pending.find(NAME).orElseThrow().requestToken().token();

        assertEquals(new FlowOutcome.Redirect("/shop/declined?why=1"), relative.callback(BASE, NAME,
                new AuthorizationFlow.CallbackParameters(token, null, "user_refused", null)));

        AuthorizationFlow absolute = flow(config().refusedUrl("https://help.example/declined"));
        absolute.start(BASE, NAME, "/");
        String second = pending.find(NAME).orElseThrow().requestToken().token();

        assertEquals(new FlowOutcome.Redirect("https://help.example/declined"), absolute.callback(BASE, NAME,
                new AuthorizationFlow.CallbackParameters(second, null, "user_refused", null)));
    }

    // ---- faults ----

    @Test
    void aProviderThatRefusesConnectionsGives502AndStoresNothing() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            closedPort = probe.getLocalPort();
        }
        AuthorizationFlow flow = flow(config().requestTokenUrl("http://127.0.0.1:" + closedPort + "/request"));

        FlowOutcome.Page page = assertInstanceOf(FlowOutcome.Page.class, flow.start(BASE, NAME, "/orders"));

        assertEquals(502, page.status());
        assertTrue(page.message().contains("refused the connection"), page.message());
        assertEquals("/shop/oauth1/prov/authorize?next=%2Forders", page.linkUrl());
        assertTrue(pending.pending.isEmpty());
    }

    @Test
    void aProviderThatDoesNotAnswerGives504() {
        AuthorizationFlow flow = flow(config().requestTokenUrl("http://127.0.0.1:" + silent.getLocalPort() + "/request")
                .readTimeout(Duration.ofMillis(300)));

        FlowOutcome.Page page = assertInstanceOf(FlowOutcome.Page.class, flow.start(BASE, NAME, "/"));

        assertEquals(504, page.status());
        assertTrue(pending.pending.isEmpty());
    }

    @Test
    void garbageInsteadOfARequestTokenGives502() {
        AuthorizationFlow flow = flow(config().requestTokenUrl(garbageUrl()));

        FlowOutcome.Page page = assertInstanceOf(FlowOutcome.Page.class, flow.start(BASE, NAME, "/"));

        assertEquals(502, page.status());
        assertTrue(pending.pending.isEmpty());
    }

    @Test
    void garbageInsteadOfAnAccessTokenGives502AndStoresNothing() throws Exception {
        AuthorizationFlow flow = flow(config().accessTokenUrl(garbageUrl()));
        Map<String, String> callback = query(approve(flow.start(BASE, NAME, "/")));

        FlowOutcome.Page page = assertInstanceOf(FlowOutcome.Page.class, flow.callback(BASE, NAME, parameters(callback)));

        assertEquals(502, page.status());
        assertTrue(tokens.stored.isEmpty());
        assertTrue(events.isEmpty());
        assertTrue(pending.find(NAME).isEmpty());
    }

    @Test
    void aProviderThatRefusesTheExchangeGives502() throws Exception {
        AuthorizationFlow flow = flow(config());
        Map<String, String> callback = query(approve(flow.start(BASE, NAME, "/")));
        callback.put("oauth_verifier", "wrong-verifier");

        FlowOutcome.Page page = assertInstanceOf(FlowOutcome.Page.class, flow.callback(BASE, NAME, parameters(callback)));

        assertEquals(502, page.status());
        assertTrue(tokens.stored.isEmpty());
    }

    @Test
    void theMonitorHearsOfEachStepAndEachCallToTheProvider() throws Exception {
        AuthorizationFlow flow = flow(config());
        Map<String, String> callback = query(approve(flow.start(BASE, NAME, "/orders")));
        flow.callback(BASE, NAME, parameters(callback));

        String provider = "127.0.0.1:" + AuthorizationFlowTest.provider.baseUri().getPort();
        assertEquals(List.of("call prov REQUEST_TOKEN POST " + provider + " 200", "flow prov STARTED",
                "call prov ACCESS_TOKEN POST " + provider + " 200", "flow prov COMPLETED"), monitor.reports());
    }

    @Test
    void theMonitorHearsOfARefusal() {
        AuthorizationFlow flow = flow(config());
        flow.start(BASE, NAME, "/orders");
        String token = pending.find(NAME).orElseThrow().requestToken().token();

        flow.callback(BASE, NAME, new AuthorizationFlow.CallbackParameters(token, null, "user_refused", null));

        assertEquals(List.of("flow prov STARTED", "flow prov REFUSED"),
                monitor.reports().stream().filter(report -> report.startsWith("flow")).toList());
    }

    @Test
    void theMonitorHearsOfAProviderThatDoesNotAnswerAsATimeoutAndAFailedFlow() {
        String silentProvider = "127.0.0.1:" + silent.getLocalPort();
        AuthorizationFlow flow = flow(config().requestTokenUrl("http://" + silentProvider + "/request")
                .readTimeout(Duration.ofMillis(300)));

        flow.start(BASE, NAME, "/");

        assertEquals(List.of("call prov REQUEST_TOKEN POST " + silentProvider + " timeout", "flow prov FAILED"),
                monitor.reports());
    }

    @Test
    void authorizationUrlsKeepTheirQueryAndFragment() {
        assertEquals("https://p.example/auth?oauth_token=a%2Bb", AuthorizationFlow.authorizationUrl("https://p.example/auth", "a+b"));
        assertEquals("https://p.example/auth?x=1&oauth_token=t", AuthorizationFlow.authorizationUrl("https://p.example/auth?x=1", "t"));
        assertEquals("https://p.example/auth?oauth_token=t", AuthorizationFlow.authorizationUrl("https://p.example/auth?", "t"));
        assertEquals("https://p.example/auth?x=1&oauth_token=t#frag",
                AuthorizationFlow.authorizationUrl("https://p.example/auth?x=1#frag", "t"));
    }

    // ---- helpers ----

    private OAuthConsumerConfig.Builder config() {
        return OAuthConsumerConfig.builder()
                .consumerKey(KEY)
                .consumerSecret(SECRET)
                .requestTokenUrl(provider.requestTokenUri().toString())
                .authorizationUrl(provider.authorizationUri().toString())
                .accessTokenUrl(provider.accessTokenUri().toString())
                .connectTimeout(Duration.ofSeconds(5))
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
                new AuthorizationFlow.FlowConsumer(definition.config(), new TokenEndpoints(definition, client, clock, monitor));
        return new AuthorizationFlow(PATHS, name -> name.equals(NAME) ? Optional.of(consumer) : Optional.empty(),
                tokens, pending, events::add, clock, monitor);
    }

    /** The same consumer with a client of its own, for a second user's flow. */
    private Function<String, Optional<AuthorizationFlow.FlowConsumer>> secondUsersConsumers() {
        OAuthConsumerConfig config = config().build();
        ConsumerDefinition definition = new ConsumerConfigResolver(emptyConfig, getClass().getClassLoader())
                .resolve(NAME, config, EnumSet.of(Usage.FLOW)).definition();
        Client client = ConsumerClients.build(NAME, definition, Monitor.NONE);
        clients.add(client);
        AuthorizationFlow.FlowConsumer consumer =
                new AuthorizationFlow.FlowConsumer(definition.config(), new TokenEndpoints(definition, client, clock, Monitor.NONE));
        return name -> name.equals(NAME) ? Optional.of(consumer) : Optional.empty();
    }

    private static String garbageUrl() {
        return "http://127.0.0.1:" + garbage.getAddress().getPort() + "/token";
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
        assertNull(query.get("oauth_problem"));
        return new AuthorizationFlow.CallbackParameters(query.get("oauth_token"), query.get("oauth_verifier"), null, null);
    }
}

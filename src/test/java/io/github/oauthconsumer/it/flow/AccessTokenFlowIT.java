package io.github.oauthconsumer.it.flow;

import io.github.oauthconsumer.it.ItSupport;
import io.github.oauthconsumer.testprovider.EchoResponse;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.github.oauthconsumer.it.flow.FlowPages.assertLibraryPage;
import static io.github.oauthconsumer.it.flow.FlowPages.element;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access-token flow in a real Payara Micro, against an OAuth 1.0a provider this project did not
 * write (Jersey's oauth1-server, in the test JVM on 127.0.0.1), driven like a browser with cookies,
 * each redirect followed and checked by hand. One deployment holds every scenario; each test uses
 * its own browsers (sessions), so the tests do not depend on each other.
 */
@ExtendWith(ArquillianExtension.class)
class AccessTokenFlowIT {

    private static final String CONSUMER_KEY = "flow-it-consumer";
    private static final String CONSUMER_SECRET = "flow it secret";
    private static final String USER = "bob";

    private static JerseyOAuthProvider provider;
    private static FaultyProviders faulty;

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        provider = JerseyOAuthProvider.start().registerConsumer(CONSUMER_KEY, CONSUMER_SECRET);
        faulty = new FaultyProviders();
        List<String> config = new ArrayList<>();
        config.add("provider.base-url=" + provider.baseUri());
        consumer(config, "provider");
        consumer(config, "paged",
                "page.authorize=/pages/authorize.jsp", "page.success=/pages/success.jsp", "page.refused=/pages/refused.jsp");
        consumer(config, "redirecting", "refused-url=/refused-landing.html");
        consumer(config, "expiring", "pending-timeout=0ms");
        consumer(config, "down", "request-token-url=" + faulty.closedUrl());
        consumer(config, "slow", "request-token-url=" + faulty.silentUrl(), "read-timeout=1s");
        consumer(config, "garbage", "request-token-url=" + faulty.garbageUrl());
        consumer(config, "garbage-access", "access-token-url=" + faulty.garbageUrl());
        return ItSupport.war("flow.war", config, FlowApplication.class, ProtectedResource.class, FlowEvents.class,
                        EventsResource.class, ReportService.class, ReportServlet.class)
                .addAsWebResource(new StringAsset(page("Authorize", "<a id=\"go\" href=\"${oauth1AuthorizationUrl}\">Go to"
                        + " ${oauth1ConsumerName}</a> then <span id=\"next\">${oauth1NextUrl}</span>")), "pages/authorize.jsp")
                .addAsWebResource(new StringAsset(page("Connected", "<span id=\"token\">${oauth1AccessToken}</span>"
                        + " <a id=\"next\" href=\"${oauth1NextUrl}\">continue</a>")), "pages/success.jsp")
                .addAsWebResource(new StringAsset(page("Refused", "<span id=\"problem\">${oauth1Problem}</span>"
                        + " <a id=\"restart\" href=\"${oauth1RestartUrl}\">try again</a>")), "pages/refused.jsp")
                .addAsWebResource(new StringAsset("<p>you said no</p>"), "refused-landing.html");
    }

    /** The keys of a consumer of the provider, with these overrides ({@code key=value}). */
    private static void consumer(List<String> config, String name, String... overrides) {
        String prefix = "oauth1." + name + ".";
        config.add(prefix + "consumer-key=" + CONSUMER_KEY);
        config.add(prefix + "consumer-secret=" + CONSUMER_SECRET);
        config.add(prefix + "read-timeout=20s");
        config.add(prefix + "request-token-url=" + provider.requestTokenUri());
        config.add(prefix + "authorization-url=" + provider.authorizationUri() + "?user=" + USER);
        config.add(prefix + "access-token-url=" + provider.accessTokenUri());
        for (String override : overrides) {
            config.add(prefix + override);
        }
    }

    private static String page(String title, String body) {
        return "<%@ page contentType=\"text/html; charset=UTF-8\" %><html><head><title>" + title + "</title></head>"
                + "<body><h1>" + title + "</h1>" + body + "</body></html>";
    }

    @AfterAll
    static void stopProviders() throws IOException {
        if (provider != null) {
            provider.close();
        }
        if (faulty != null) {
            faulty.close();
        }
    }

    // ---- the whole flow ----

    @Test
    void aProtectedResourceSendsTheUserThroughTheFlowAndThenCallsTheProvider3Legged() throws Exception {
        Browser browser = new Browser();

        URI start = Browser.seeOther(browser.get(app("api/protected?x=1&y=a%20b")));
        assertEquals(app("oauth1/provider/authorize?next=" + encode("/api/protected?x=1&y=a%20b")), start);
        URI authorization = Browser.seeOther(browser.get(start));
        String requestToken = Browser.query(authorization).get("oauth_token");
        assertEquals(provider.authorizationUri() + "?user=" + USER + "&oauth_token=" + requestToken,
                authorization.toString());
        URI callback = Browser.seeOther(browser.get(authorization));
        assertEquals(app("oauth1/provider/callback").toString(), withoutQuery(callback));
        assertEquals(requestToken, Browser.query(callback).get("oauth_token"));
        URI next = Browser.seeOther(browser.get(callback));
        assertEquals(app("api/protected?x=1&y=a%20b"), next);

        HttpResponse<String> done = browser.get(next);

        assertEquals(200, done.statusCode(), done::body);
        EchoResponse echo = EchoResponse.parse(done.body());
        assertEquals(USER, echo.user());
        assertEquals(CONSUMER_KEY, echo.consumerKey());
        assertEquals("protected resource", echo.queryParam("from"));
        assertTrue(provider.isActive(echo.token()));
        assertTrue(events().contains("obtained provider " + echo.token()), this::events);
        assertEquals(200, browser.get(app("api/protected")).statusCode());
    }

    @Test
    void aRequestThatIsNotFromABrowserGets401WithTheChallenge() throws Exception {
        HttpResponse<String> response = new Browser().get(app("api/protected"), "*/*");

        assertEquals(401, response.statusCode());
        assertEquals("OAuth realm=\"provider\"", response.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertTrue(response.body().contains(app("oauth1/provider/authorize?next=%2Fapi%2Fprotected").toString()),
                response.body());
    }

    @Test
    void aCdiBeanCalledByAServletStartsTheFlowToo() throws Exception {
        Browser browser = new Browser();

        URI start = Browser.seeOther(browser.get(app("report")));
        assertEquals(app("oauth1/provider/authorize?next=%2Freport"), start);
        assertEquals(401, browser.get(app("report"), "text/plain").statusCode());

        URI next = Browser.seeOther(browser.get(Browser.seeOther(browser.get(Browser.seeOther(browser.get(start))))));
        HttpResponse<String> report = browser.get(next);

        assertEquals(200, report.statusCode(), report::body);
        assertTrue(report.body().startsWith("report for token "), report.body());
    }

    // ---- callbacks that must not work ----

    @Test
    void aRefusalShowsA403PageFiresTheEventAndEndsThePendingAuthorization() throws Exception {
        Browser browser = new Browser();
        URI authorization = Browser.seeOther(browser.get(app("oauth1/provider/authorize?next=%2Fapi%2Fprotected")));
        String requestToken = Browser.query(authorization).get("oauth_token");

        HttpResponse<String> refused = browser.get(app("oauth1/provider/callback?oauth_token=" + requestToken
                + "&oauth_problem=user_refused"));

        assertLibraryPage(refused, 403, "Access not granted");
        assertTrue(events().contains("refused provider user_refused"), this::events);
        URI approvedAnyway = Browser.seeOther(browser.get(authorization));
        assertLibraryPage(browser.get(approvedAnyway), 403, "No authorization in progress");
        Browser.seeOther(browser.get(app("api/protected")));
    }

    @Test
    void aCallbackCarryingAnotherUsersRequestTokenIsRefused() throws Exception {
        Browser alice = new Browser();
        Browser mallory = new Browser();
        URI alicesCallback = Browser.seeOther(alice.get(Browser.seeOther(alice.get(
                app("oauth1/provider/authorize?next=%2Fapi%2Fprotected")))));
        Browser.seeOther(mallory.get(app("oauth1/provider/authorize")));

        assertLibraryPage(mallory.get(alicesCallback), 403, "Authorization not recognised");
        assertLibraryPage(new Browser().get(alicesCallback), 403, "No authorization in progress");

        Browser.seeOther(mallory.get(app("api/protected")));
        assertEquals(app("api/protected"), Browser.seeOther(alice.get(alicesCallback)));
        assertEquals(200, alice.get(app("api/protected")).statusCode());
    }

    @Test
    void aReplayedCallbackIsRefused() throws Exception {
        Browser browser = new Browser();
        URI callback = Browser.seeOther(browser.get(Browser.seeOther(browser.get(
                app("oauth1/provider/authorize?next=%2Fapi%2Fprotected")))));
        Browser.seeOther(browser.get(callback));
        int obtained = count(events(), "obtained provider ");

        assertLibraryPage(browser.get(callback), 403, "No authorization in progress");
        assertEquals(obtained, count(events(), "obtained provider "));
    }

    @Test
    void anExpiredPendingAuthorizationIsRefused() throws Exception {
        Browser browser = new Browser();
        URI callback = Browser.seeOther(browser.get(Browser.seeOther(browser.get(
                app("oauth1/expiring/authorize?next=%2Fapi%2Fprotected")))));

        HttpResponse<String> expired = browser.get(callback);

        assertLibraryPage(expired, 403, "Authorization expired");
        assertTrue(expired.body().contains("href=\"/flow/oauth1/expiring/authorize?next=%2Fapi%2Fprotected\""),
                expired.body());
        assertFalse(events().contains("obtained expiring"), this::events);
        assertLibraryPage(browser.get(callback), 403, "No authorization in progress");
    }

    @Test
    void aNextUrlLeadingOffTheApplicationLandsOnItsRoot() throws Exception {
        for (String next : List.of("https://evil.example/x", "//evil.example/x", "/\\evil.example/x", "http:evil.example")) {
            Browser browser = new Browser();
            URI callback = Browser.seeOther(browser.get(Browser.seeOther(browser.get(
                    app("oauth1/provider/authorize?next=" + encode(next))))));

            assertEquals(app(""), Browser.seeOther(browser.get(callback)), next);
        }
    }

    // ---- the optional pages ----

    @Test
    void theApplicationsPagesAreShownWhenConfigured() throws Exception {
        Browser browser = new Browser();

        HttpResponse<String> authorize = browser.get(app("oauth1/paged/authorize?next=%2Fapi%2Fprotected"));

        assertEquals(200, authorize.statusCode(), authorize::body);
        String authorizationUrl = element(authorize.body(), "a id=\"go\" href=\"([^\"]+)\"");
        assertTrue(authorizationUrl.startsWith(provider.authorizationUri() + "?user=" + USER + "&oauth_token="),
                authorizationUrl);
        assertTrue(authorize.body().contains("Go to paged"), authorize.body());
        assertEquals("/flow/api/protected", element(authorize.body(), "<span id=\"next\">([^<]*)</span>"));

        HttpResponse<String> success = browser.get(Browser.seeOther(browser.get(URI.create(authorizationUrl))));

        assertEquals(200, success.statusCode(), success::body);
        String token = element(success.body(), "<span id=\"token\">([^<]*)</span>");
        assertTrue(provider.isActive(token), token);
        assertTrue(events().contains("obtained paged " + token), this::events);
        assertEquals("/flow/api/protected", element(success.body(), "a id=\"next\" href=\"([^\"]+)\""));
        assertEquals("no-store", success.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void theApplicationsRefusedPageIsShownWith403() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> authorize = browser.get(app("oauth1/paged/authorize?next=%2Fapi%2Fprotected"));
        String requestToken = Browser.query(URI.create(element(authorize.body(), "a id=\"go\" href=\"([^\"]+)\"")))
                .get("oauth_token");

        HttpResponse<String> refused = browser.get(app("oauth1/paged/callback?oauth_token=" + requestToken
                + "&oauth_problem=permission_denied"));

        assertEquals(403, refused.statusCode(), refused::body);
        assertEquals("permission_denied", element(refused.body(), "<span id=\"problem\">([^<]*)</span>"));
        assertEquals("/flow/oauth1/paged/authorize?next=%2Fapi%2Fprotected",
                element(refused.body(), "a id=\"restart\" href=\"([^\"]+)\""));
        assertTrue(events().contains("refused paged permission_denied"), this::events);
    }

    @Test
    void aRefusalRedirectsToTheRefusedUrlWhenConfigured() throws Exception {
        Browser browser = new Browser();
        URI authorization = Browser.seeOther(browser.get(app("oauth1/redirecting/authorize")));

        URI landing = Browser.seeOther(browser.get(app("oauth1/redirecting/callback?oauth_token="
                + Browser.query(authorization).get("oauth_token"))));

        assertEquals(app("refused-landing.html"), landing);
        assertTrue(events().contains("refused redirecting null"), this::events);
    }

    // ---- providers that cannot be used ----

    @Test
    void aProviderThatIsDownGives502() throws Exception {
        assertLibraryPage(new Browser().get(app("oauth1/down/authorize")), 502, "The provider could not be used");
    }

    @Test
    void aProviderThatDoesNotAnswerGives504() throws Exception {
        assertLibraryPage(new Browser().get(app("oauth1/slow/authorize")), 504, "The provider did not answer in time");
    }

    @Test
    void aProviderAnsweringGarbageGives502() throws Exception {
        assertLibraryPage(new Browser().get(app("oauth1/garbage/authorize")), 502, "The provider could not be used");
    }

    @Test
    void garbageAtTheAccessTokenStepGives502AndStoresNothing() throws Exception {
        Browser browser = new Browser();
        URI callback = Browser.seeOther(browser.get(Browser.seeOther(browser.get(app("oauth1/garbage-access/authorize")))));

        assertLibraryPage(browser.get(callback), 502, "The provider could not be used");
        assertFalse(events().contains("obtained garbage-access"), this::events);
        assertLibraryPage(browser.get(callback), 403, "No authorization in progress");
    }

    @Test
    void anUnknownConsumerIsNotFound() throws Exception {
        assertLibraryPage(new Browser().get(app("oauth1/nobody/authorize")), 404, "Unknown OAuth provider");
        assertLibraryPage(new Browser().get(app("oauth1/provider/elsewhere")), 404, "Not found");
    }

    // ---- helpers ----

    @Test
    void aHostHeaderThatIsNoHostGets400NotAnError() throws IOException {
        URI authorize = app("oauth1/provider/authorize");
        for (String host : List.of("a b", "[::1", "a/b")) {
            try (Socket socket = new Socket(authorize.getHost(), authorize.getPort())) {
                socket.setSoTimeout(60_000);
                socket.getOutputStream().write(("GET " + authorize.getRawPath() + " HTTP/1.1\r\nHost: " + host
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.ISO_8859_1)).readLine();
                // the server may refuse such a Host itself; either way a 400, never a 500. Liberty
                // answers "[::1" with its own host name, so the flow runs as for any request (303)
                boolean libertyOwnHost = ItSupport.Server.current() == ItSupport.Server.LIBERTY && host.equals("[::1");
                String expected = libertyOwnHost ? "HTTP/1\\.1 303( .*)?" : "HTTP/1\\.1 400( .*)?";
                assertTrue(statusLine != null && statusLine.matches(expected), host + ": " + statusLine);
            }
        }
    }

    private URI app(String path) {
        return ItSupport.loopback(deploymentUrl).resolve(path);
    }

    private String events() {
        return FlowPages.events(app("api/events"), AccessTokenFlowIT.class);
    }



    private static int count(String lines, String prefix) {
        return (int) lines.lines().filter(line -> line.startsWith(prefix)).count();
    }

    private static String withoutQuery(URI uri) {
        String text = uri.toString();
        return text.substring(0, text.indexOf('?'));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

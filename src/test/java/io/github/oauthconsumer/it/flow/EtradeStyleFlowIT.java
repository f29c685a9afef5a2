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

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.oauthconsumer.it.flow.FlowPages.assertLibraryPage;
import static io.github.oauthconsumer.it.flow.FlowPages.element;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A provider run the way E*TRADE runs its API, reached with configuration alone, on a real server:
 * the out-of-band flow (the user pastes the code into the verifier page, the request token comes
 * with {@code oauth_callback_confirmed=false}), token endpoints that take GETs only, an
 * authorization page that takes {@code key} and {@code token}, and idle tokens that must be
 * reactivated. The provider is Jersey's {@code oauth1-server} switched into these modes, in
 * the test JVM on 127.0.0.1; the browser keeps cookies and each step is asserted.
 */
@ExtendWith(ArquillianExtension.class)
class EtradeStyleFlowIT {

    private static final String CONSUMER_KEY = "etrade-it-consumer";
    private static final String CONSUMER_SECRET = "etrade it secret";
    private static final String USER = "carol";

    private static JerseyOAuthProvider provider;

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        provider = JerseyOAuthProvider.start().registerConsumer(CONSUMER_KEY, CONSUMER_SECRET)
                .tokenRequestMethod("GET").keyAndTokenAuthorization().unconfirmedCallbacks();
        List<String> config = new ArrayList<>();
        config.add("etrade.base-url=" + provider.baseUri());
        consumer(config, "etrade");
        consumer(config, "etrade-paged", "page.verifier=/pages/verifier.jsp");
        return ItSupport.war("etrade.war", config, FlowApplication.class, EtradeResource.class, FlowEvents.class,
                        EventsResource.class)
                .addAsWebResource(new StringAsset("<%@ page contentType=\"text/html; charset=UTF-8\" %><html><head>"
                        + "<title>Your code</title></head><body><h1>Your code</h1><a id=\"go\" href=\"${oauth1AuthorizationUrl}\""
                        + " target=\"_blank\">Open ${oauth1ConsumerName}</a> <span id=\"next\">${oauth1NextUrl}</span>"
                        + "<form id=\"code\" method=\"post\" action=\"${oauth1VerifierAction}\">"
                        + "<input type=\"hidden\" name=\"csrf_token\" value=\"${oauth1CsrfToken}\">"
                        + "<input name=\"oauth_verifier\"></form></body></html>"), "pages/verifier.jsp");
    }

    /** E*TRADE's settings, as its recipe gives them, pointed at the test provider. */
    private static void consumer(List<String> config, String name, String... overrides) {
        String prefix = "oauth1." + name + ".";
        config.add(prefix + "consumer-key=" + CONSUMER_KEY);
        config.add(prefix + "consumer-secret=" + CONSUMER_SECRET);
        config.add(prefix + "read-timeout=20s");
        config.add(prefix + "callback-url=oob");
        config.add(prefix + "token-request-method=GET");
        config.add(prefix + "request-token-url=" + provider.requestTokenUri());
        config.add(prefix + "authorization-url=" + provider.authorizationUri() + "?key={consumer_key}&token={oauth_token}&user=" + USER);
        config.add(prefix + "access-token-url=" + provider.accessTokenUri());
        config.add(prefix + "reactivate-url=" + provider.reactivateUri());
        for (String override : overrides) {
            config.add(prefix + override);
        }
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void theUserPastesTheCodeTheProviderShowedAndComesBackToTheProtectedResource() throws Exception {
        Browser browser = new Browser();

        URI start = Browser.seeOther(browser.get(app("api/etrade")));
        assertEquals(app("oauth1/etrade/authorize?next=%2Fapi%2Fetrade"), start);
        URI verifierPage = Browser.seeOther(browser.get(start));
        assertEquals(app("oauth1/etrade/verifier"), verifierPage);
        HttpResponse<String> page = browser.get(verifierPage);
        assertLibraryPage(page, 200, "Enter the verification code");
        URI approval = URI.create(unescape(element(page.body(), "<a id=\"authorize\" href=\"([^\"]+)\"")));
        Map<String, String> approvalQuery = Browser.query(approval);
        assertEquals(CONSUMER_KEY, approvalQuery.get("key"));
        assertEquals(app("oauth1/etrade/verifier").getRawPath(), element(page.body(), "<form method=\"post\" action=\"([^\"]+)\""));

        String code = codeShownAt(approval);
        URI next = Browser.seeOther(browser.post(verifierPage, Map.of(
                "csrf_token", element(page.body(), "name=\"csrf_token\" value=\"([^\"]+)\""), "oauth_verifier", " " + code + " ")));

        assertEquals(app("api/etrade"), next);
        HttpResponse<String> done = browser.get(next);
        assertEquals(200, done.statusCode(), done::body);
        EchoResponse echo = EchoResponse.parse(done.body());
        assertEquals(USER, echo.user());
        assertTrue(events().contains("obtained etrade " + echo.token()), this::events);
        assertTrue(provider.exchanges().stream()
                .filter(e -> e.path().startsWith("oauth/") && !e.path().equals("oauth/authorize"))
                .allMatch(e -> e.method().equals("GET")), () -> provider.exchanges().toString());
    }

    @Test
    void aCodeWithoutTheFormsTokenOrFromAnotherBrowserIsRefusedAndChangesNothing() throws Exception {
        Browser alice = new Browser();
        Browser mallory = new Browser();
        URI verifierPage = Browser.seeOther(alice.get(app("oauth1/etrade/authorize?next=%2Fapi%2Fetrade")));
        HttpResponse<String> page = alice.get(verifierPage);
        String csrf = element(page.body(), "name=\"csrf_token\" value=\"([^\"]+)\"");
        String code = codeShownAt(URI.create(unescape(element(page.body(), "<a id=\"authorize\" href=\"([^\"]+)\""))));

        assertLibraryPage(alice.post(verifierPage, Map.of("oauth_verifier", code)), 403, "Authorization not recognised");
        assertLibraryPage(alice.post(verifierPage, Map.of("csrf_token", csrf + "x", "oauth_verifier", code)), 403,
                "Authorization not recognised");
        assertLibraryPage(mallory.post(verifierPage, Map.of("csrf_token", csrf, "oauth_verifier", code)), 403,
                "No authorization in progress");
        assertLibraryPage(mallory.get(verifierPage), 403, "No authorization in progress");
        Browser.seeOther(mallory.get(app("api/etrade")));

        assertEquals(app("api/etrade"), Browser.seeOther(alice.post(verifierPage, Map.of("csrf_token", csrf, "oauth_verifier", code))));
        assertLibraryPage(alice.post(verifierPage, Map.of("csrf_token", csrf, "oauth_verifier", code)), 403,
                "No authorization in progress");
        assertEquals(200, alice.get(app("api/etrade")).statusCode());
    }

    @Test
    void anIdleTokenIsReactivatedAndTheCallGoesThrough() throws Exception {
        Browser browser = new Browser();
        String token = connect(browser, "api/etrade");
        provider.makeIdle(token);
        int before = provider.reactivationCount();

        HttpResponse<String> response = browser.get(app("api/etrade"));

        assertEquals(200, response.statusCode(), response::body);
        assertEquals(token, EchoResponse.parse(response.body()).token());
        assertEquals(1, provider.reactivationCount() - before);
    }

    @Test
    void theApplicationsVerifierPageIsShownWithTheLinkTheFormAndItsToken() throws Exception {
        Browser browser = new Browser();
        URI verifierPage = Browser.seeOther(browser.get(Browser.seeOther(browser.get(app("api/etrade/paged")))));

        HttpResponse<String> page = browser.get(verifierPage);

        assertEquals(200, page.statusCode(), page::body);
        assertTrue(page.body().contains("<h1>Your code</h1>"), page.body());
        assertEquals("/etrade/api/etrade/paged", element(page.body(), "<span id=\"next\">([^<]*)</span>"));
        assertEquals(app("oauth1/etrade-paged/verifier").getRawPath(), element(page.body(), "action=\"([^\"]+)\""));
        String code = codeShownAt(URI.create(element(page.body(), "<a id=\"go\" href=\"([^\"]+)\"")));
        URI next = Browser.seeOther(browser.post(verifierPage, Map.of(
                "csrf_token", element(page.body(), "name=\"csrf_token\" value=\"([^\"]+)\""), "oauth_verifier", code)));
        assertEquals(200, browser.get(next).statusCode());
    }

    @Test
    void onlyTheVerifierPageTakesAPost() throws Exception {
        HttpResponse<String> response = new Browser().post(app("oauth1/etrade/authorize"), Map.of());

        assertLibraryPage(response, 405, "Method not allowed");
        assertEquals("GET", response.headers().firstValue("Allow").orElseThrow());
        assertLibraryPage(new Browser().post(app("oauth1/etrade/elsewhere"), Map.of()), 404, "Not found");
        assertLibraryPage(new Browser().get(app("oauth1/nobody/verifier")), 404, "Unknown OAuth provider");
    }

    /** Runs the flow for a resource; returns the access token obtained. */
    private String connect(Browser browser, String resource) throws Exception {
        URI verifierPage = Browser.seeOther(browser.get(Browser.seeOther(browser.get(app(resource)))));
        HttpResponse<String> page = browser.get(verifierPage);
        String code = codeShownAt(URI.create(unescape(element(page.body(), "<a id=\"authorize\" href=\"([^\"]+)\""))));
        URI next = Browser.seeOther(browser.post(verifierPage, Map.of(
                "csrf_token", element(page.body(), "name=\"csrf_token\" value=\"([^\"]+)\""), "oauth_verifier", code)));
        HttpResponse<String> done = browser.get(next);
        assertEquals(200, done.statusCode(), done::body);
        return EchoResponse.parse(done.body()).token();
    }

    /** The provider's page, opened in another tab: it approves at once and shows the code (as a form body). */
    private static String codeShownAt(URI approval) throws IOException, InterruptedException {
        HttpResponse<String> shown = new Browser().get(approval);
        assertEquals(200, shown.statusCode(), shown::body);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : shown.body().split("&")) {
            int equals = pair.indexOf('=');
            fields.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields.get("oauth_verifier");
    }

    private URI app(String path) {
        return ItSupport.loopback(deploymentUrl).resolve(path);
    }

    private String events() {
        return FlowPages.events(app("api/events"), EtradeStyleFlowIT.class);
    }



    private static String unescape(String attribute) {
        return attribute.replace("&amp;", "&");
    }
}

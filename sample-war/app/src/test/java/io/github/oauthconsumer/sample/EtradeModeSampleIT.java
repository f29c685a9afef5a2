package io.github.oauthconsumer.sample;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample against the demo provider switched into E*TRADE's ways ({@code demo.callback=oob},
 * {@code demo.token-request-method=GET}, {@code demo.authorize-parameters=key-token},
 * {@code demo.idle-timeout}), in a Payara Micro of its own, and the sample reconfigured for it by
 * configuration alone, with the settings of the E*TRADE recipe (docs/providers.md) as environment
 * variables would give them: the out-of-band flow through the sample's own verifier page, in an
 * HTTP client and in Chromium, and an idle token reactivated behind the user's back.
 */
@ExtendWith(ArquillianExtension.class)
class EtradeModeSampleIT {

    private static final URI SAMPLE = URI.create("http://127.0.0.1:" + System.getProperty("sample.it.port") + "/sample/");
    private static final URI PROTECTED = SAMPLE.resolve("api/protected");
    private static final URI PROVIDER = URI.create("http://127.0.0.1:" + System.getProperty("sample.it.etrade-provider-port")
            + "/demo-provider/");
    private static final String CONFIG = "/WEB-INF/classes/META-INF/microprofile-config.properties";

    private static DemoProviderServer provider;

    @RegisterExtension
    final Chrome chrome = new Chrome(Path.of(System.getProperty("sample.it.screenshots")));

    /** The sample as built, with the E*TRADE recipe's settings added to its configuration. */
    @Deployment(testable = false)
    static WebArchive sample() {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("sample.it.war")));
        ArchivePath config = ArchivePaths.create(CONFIG);
        String original;
        try (InputStream in = war.get(config).getAsset().openStream()) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        war.delete(config);
        return war.add(new StringAsset(original + "\n# EtradeModeSampleIT: the demo provider in E*TRADE's modes\n"
                + "oauth1.demo.request-token-url=" + PROVIDER + "oauth/request_token\n"
                + "oauth1.demo.authorization-url=" + PROVIDER + "oauth/authorize?key={consumer_key}&token={oauth_token}\n"
                + "oauth1.demo.access-token-url=" + PROVIDER + "oauth/access_token\n"
                + "oauth1.demo.callback-url=oob\n"
                + "oauth1.demo.token-request-method=GET\n"
                + "oauth1.demo.reactivate-url=" + PROVIDER + "oauth/renew_access_token\n"
                + "sample.protected-resource-url=" + PROVIDER + "api/me\n"
                + "demo-status/mp-rest/url=" + PROVIDER + "api/status\n"), config);
    }

    @BeforeAll
    static void startTheProviderInEtradesModes() throws Exception {
        Path log = Path.of(System.getProperty("sample.it.reports"), System.getProperty("arquillian.launch"),
                "etrade-demo-provider.log");
        provider = DemoProviderServer.start(System.getProperty("sample.it.etrade-provider-port"), log, Map.of(
                "demo.callback", "oob", "demo.token-request-method", "GET",
                "demo.authorize-parameters", "key-token", "demo.idle-timeout", "7200"));
    }

    @AfterAll
    static void stopTheProvider() throws Exception {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void theUserPastesTheCodeTheProviderShowedIntoTheSamplesVerifierPage() throws Exception {
        HttpUser user = new HttpUser();

        URI start = HttpUser.seeOther(user.get(PROTECTED));
        URI verifierPage = HttpUser.seeOther(user.get(start));
        assertEquals(SAMPLE.resolve("oauth1/demo/verifier"), verifierPage);
        Document page = HttpUser.page(user.get(verifierPage));
        assertEquals("Enter the code", page.title());
        URI approval = URI.create(page.getElementById("open-provider").attr("abs:href"));
        assertTrue(approval.toString().startsWith(PROVIDER.resolve("oauth/authorize?key=demo-key&token=").toString()),
                approval::toString);
        String code = approve(new HttpUser(), approval, "dana");

        Element form = page.getElementById("code-form");
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        fields.put("oauth_verifier", code);
        Document success = HttpUser.page(user.post(URI.create(form.attr("abs:action")), fields));
        assertEquals("Account connected", success.title());

        Document resource = HttpUser.page(user.get(URI.create(success.getElementById("next").attr("abs:href"))));
        JsonObject me = HttpUser.json(resource.getElementById("resource").text());
        assertEquals("dana", me.getString("user"));
        assertEquals(success.getElementById("access-token").text(), me.getString("token"));
    }

    @Test
    void anIdleTokenIsReactivatedWithoutTheUserNoticing() throws Exception {
        HttpUser user = new HttpUser();
        String token = connect(user, "erik");

        HttpResponse<String> idle = new HttpUser().post(PROVIDER.resolve("tokens/idle"), Map.of());
        assertEquals(200, idle.statusCode(), idle::body);
        Document page = HttpUser.page(user.get(PROTECTED));

        assertEquals("200", page.getElementById("status").text());
        JsonObject me = HttpUser.json(page.getElementById("resource").text());
        assertEquals(token, me.getString("token"));
        assertEquals(1, me.getInt("reactivations"));
    }

    @Test
    void theProviderInThisModeTakesGetsOnlyAndKeyAndTokenOnly() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(PROVIDER.resolve("oauth/request_token"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> oauthToken = new HttpUser().get(PROVIDER.resolve("oauth/authorize?oauth_token=x"));

        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
        assertEquals(400, oauthToken.statusCode());
    }

    @Test
    void inABrowserTheUserCopiesTheCodeFromTheProvidersTabIntoTheSample() {
        WebDriver browser = chrome.driver();
        browser.get(PROTECTED.toString());
        String sampleTab = browser.getWindowHandle();
        chrome.click("open-provider");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.numberOfWindowsToBe(2));
        browser.switchTo().window(browser.getWindowHandles().stream().filter(tab -> !tab.equals(sampleTab))
                .findFirst().orElseThrow());
        assertTrue(browser.getCurrentUrl().startsWith(PROVIDER.resolve("oauth/authorize?key=demo-key&token=").toString()),
                browser.getCurrentUrl());
        chrome.click("approve");
        String code = chrome.waitFor("verifier").getText();
        browser.close();
        browser.switchTo().window(sampleTab);

        chrome.waitFor("code").sendKeys(code);
        chrome.click("submit-code");
        chrome.waitFor("access-token");
        assertEquals("Account connected", browser.getTitle());
        chrome.click("next");

        JsonObject me = HttpUser.json(chrome.waitFor("resource").getText());
        assertEquals(PROTECTED.toString(), browser.getCurrentUrl());
        assertEquals("alice", me.getString("user"));
    }

    /** Runs the flow over HTTP for a user who approves as {@code name}; returns the access token obtained. */
    private static String connect(HttpUser user, String name) throws Exception {
        URI verifierPage = HttpUser.seeOther(user.get(HttpUser.seeOther(user.get(PROTECTED))));
        Document page = HttpUser.page(user.get(verifierPage));
        String code = approve(new HttpUser(), URI.create(page.getElementById("open-provider").attr("abs:href")), name);
        Element form = page.getElementById("code-form");
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        fields.put("oauth_verifier", code);
        return HttpUser.page(user.post(URI.create(form.attr("abs:action")), fields)).getElementById("access-token").text();
    }

    /** At the provider, in another tab: approves as {@code name}; returns the code the provider shows. */
    private static String approve(HttpUser tab, URI approval, String name) throws Exception {
        Element form = HttpUser.page(tab.get(approval)).selectFirst("form");
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        fields.put("user", name);
        fields.put("decision", "approve");
        Document shown = HttpUser.page(tab.post(URI.create(form.attr("abs:action")), fields));
        String code = shown.getElementById("verifier").text();
        assertTrue(!code.isEmpty(), shown::html);
        return code;
    }
}

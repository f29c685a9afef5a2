package io.github.oauthconsumer.sample;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample as built ({@code target/sample.war}), deployed by Arquillian on Payara Micro (the demo
 * provider beside it), WildFly or Open Liberty (the demo provider in a Payara Micro of its own, see
 * {@link DemoProviderServer}), all on 127.0.0.1, driven as its users would: an HTTP client that
 * keeps cookies and asserts every step, and a real browser (Debian's Chromium).
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(WildFlyJakartaSecurity.class)
class SampleIT {

    private static final URI SERVER = URI.create("http://127.0.0.1:" + System.getProperty("sample.it.port") + "/");
    private static final URI SAMPLE = SERVER.resolve("sample/");
    private static final URI PROVIDER = DemoProviderServer.baseUri();
    private static final URI PROTECTED = SAMPLE.resolve("api/protected");
    private static final String CONSUMER_KEY = "demo-key";

    private static DemoProviderServer separateProvider;

    @RegisterExtension
    final Chrome chrome = new Chrome(Path.of(System.getProperty("sample.it.screenshots")));

    @Deployment(testable = false)
    static WebArchive sample() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("sample.it.war")));
    }

    @BeforeAll
    static void startTheProviderWhereItRunsApart() throws Exception {
        separateProvider = DemoProviderServer.startIfSeparate();
    }

    @AfterAll
    static void stopTheProvider() throws Exception {
        if (separateProvider != null) {
            separateProvider.close();
        }
    }

    @Test
    void theFlowRunsEndToEndThroughTheSamplesPagesAndShowsTheProtectedResource() throws Exception {
        HttpUser user = new HttpUser();

        URI start = HttpUser.seeOther(user.get(PROTECTED));
        assertEquals(SAMPLE.resolve("oauth1/demo/authorize?next=%2Fapi%2Fprotected"), start);
        Document before = HttpUser.page(user.get(start));
        assertEquals("Connect your account", before.title());
        URI approval = URI.create(before.getElementById("continue").attr("abs:href"));
        assertTrue(approval.toString().startsWith(PROVIDER.resolve("oauth/authorize?oauth_token=").toString()),
                approval::toString);

        URI callback = HttpUser.seeOther(decide(user, approval, "bob", "approve"));
        assertTrue(callback.toString().startsWith(SAMPLE.resolve("oauth1/demo/callback?").toString()), callback::toString);
        Document success = HttpUser.page(user.get(callback));
        assertEquals("Account connected", success.title());
        String accessToken = success.getElementById("access-token").text();
        assertFalse(accessToken.isEmpty());
        URI next = URI.create(success.getElementById("next").attr("abs:href"));
        assertEquals(PROTECTED, next);

        Document page = HttpUser.page(user.get(next));
        assertEquals("200", page.getElementById("status").text());
        JsonObject me = HttpUser.json(page.getElementById("resource").text());
        assertEquals("bob", me.getString("user"));
        assertEquals(CONSUMER_KEY, me.getString("consumer"));
        assertEquals(page.getElementById("token").text(), me.getString("token"), "the call was signed with another token");
        assertTrue(user.cookie("sample-user").isPresent());
    }

    @Test
    void theTokenIsKeptInTheDatabaseForTheUserAndSurvivesANewSession() throws Exception {
        HttpUser carol = new HttpUser();
        String token = connect(carol, "carol");
        assertTrue(carol.cookie("JSESSIONID").isPresent(), "the flow ran without a session");

        HttpUser carolLater = carol.withOnlyCookie("sample-user", SAMPLE);
        assertFalse(carolLater.cookie("JSESSIONID").isPresent());
        Document page = HttpUser.page(carolLater.get(PROTECTED));
        JsonObject me = HttpUser.json(page.getElementById("resource").text());
        assertEquals("carol", me.getString("user"));
        assertEquals(page.getElementById("token").text(), me.getString("token"));
        assertEquals(token, me.getString("token"), "a new token was obtained instead of the stored one");

        HttpUser stranger = new HttpUser();
        assertEquals(SAMPLE.resolve("oauth1/demo/authorize?next=%2Fapi%2Fprotected"), HttpUser.seeOther(stranger.get(PROTECTED)));

        assertEquals(SAMPLE, HttpUser.seeOther(carolLater.post(SAMPLE.resolve("api/connection/disconnect"), Map.of())));
        assertEquals("No access token yet.", HttpUser.page(carolLater.get(SAMPLE)).getElementById("connection").text());
        HttpUser.seeOther(carol.get(PROTECTED));
    }

    @Test
    void pagesWithATokenAreNotCachedAndTheSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpUser dave = new HttpUser();
        HttpResponse<String> authorize = dave.get(HttpUser.seeOther(dave.get(PROTECTED)));
        String session = authorize.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + authorize.headers().map()));
        assertTrue(session.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), session);
        assertTrue(session.toLowerCase(java.util.Locale.ROOT).contains("httponly"), session);

        connect(dave, "dave");
        assertEquals("no-store", dave.get(PROTECTED).headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no-store", dave.get(SAMPLE).headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void theLogHoldsNoSecretAndNoClientCausedStackTraceAndNothingListensBeyondLoopback() throws Exception {
        Path log = Path.of(System.getProperty("sample.it.server-log"));
        long before = Files.exists(log) ? Files.size(log) : 0;

        HttpUser erin = new HttpUser();
        connect(erin, "erin");
        assertEquals(200, erin.get(PROTECTED).statusCode());
        HttpUser mallory = new HttpUser();
        HttpUser.seeOther(mallory.get(PROTECTED));
        mallory.get(SAMPLE.resolve("oauth1/demo/callback?oauth_token=forged&oauth_verifier=x"));
        mallory.get(SAMPLE.resolve("oauth1/nobody/authorize"));
        mallory.post(SAMPLE.resolve("api/lti"), Map.of("oauth_consumer_key", CONSUMER_KEY, "oauth_signature", "x"));
        mallory.post(SAMPLE.resolve("api/lti"), Map.of("oauth_x1", "", "oauth_x1 ", "", "%", "%zz"));
        for (String host : List.of("a b", "[::1", "a/b")) {
            rawGet(SAMPLE.resolve("oauth1/demo/authorize"), host);
        }

        assertTrue(Files.exists(log) && Files.size(log) > 0, "no server log at " + log);
        String written = readFrom(log, before);
        assertFalse(written.contains("demo-secret"), "the consumer secret is in the log");
        assertFalse(written.contains("oauth_token_secret="), "a token secret is in the log");
        assertFalse(written.contains("oauth_session_handle="), "a session handle is in the log");
        List<String> frames = written.lines().filter(line -> line.matches("\\s+at [\\w$.]+\\(.*\\)")).toList();
        assertTrue(frames.isEmpty(), () -> "stack traces in the log:\n" + written);
        assertOnlyLoopbackListeners();
    }

    /** Every socket the servers of this test listen on is on 127.0.0.1 (or ::1), by {@code ss -ltnp}. */
    private static void assertOnlyLoopbackListeners() throws Exception {
        Set<Long> servers = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String listening = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, ss.waitFor());
        List<String> outside = listening.lines()
                .filter(line -> servers.stream().anyMatch(pid -> line.contains("pid=" + pid + ",")))
                .filter(line -> !line.matches("\\S+\\s+\\d+\\s+\\d+\\s+(127\\.0\\.0\\.1|\\[::ffff:127\\.0\\.0\\.1\\]|\\[::1\\]):\\d+\\s.*"))
                .toList();
        // on Liberty, Arquillian's adapter needs the JDK's local JMX connector, which has no bind
        // address (it closes connections from other machines): the only exception, see the README
        long allowed = "liberty".equals(System.getProperty("arquillian.launch")) ? 1 : 0;
        assertTrue(outside.size() <= allowed, () -> "listening beyond loopback:\n" + String.join("\n", outside));
    }

    /** A GET with a Host header of our choosing, which HttpClient does not allow; the status line. */
    private static String rawGet(URI uri, String host) throws Exception {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
        }
    }

    private static String readFrom(Path log, long offset) throws Exception {
        byte[] bytes = Files.exists(log) ? Files.readAllBytes(log) : new byte[0];
        int from = (int) Math.min(offset, bytes.length);
        return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    }

    @Test
    void aTwoLeggedCallGoesThroughTheSignedRestClient() throws Exception {
        Document page = HttpUser.page(new HttpUser().get(SAMPLE.resolve("api/status")));

        JsonObject status = HttpUser.json(page.getElementById("resource").text());
        assertEquals(CONSUMER_KEY, status.getString("consumer"));
        assertTrue(status.getString("message").contains("2-legged"), status::toString);
    }

    @Test
    void theValidatedEndpointAcceptsASignedLaunchOnceAndRefusesATamperedOne() throws Exception {
        HttpUser browser = new HttpUser();
        URI launchPage = PROVIDER.resolve("lti/launch?target="
                + URLEncoder.encode(SAMPLE.resolve("api/lti").toString(), StandardCharsets.UTF_8));
        Element form = HttpUser.page(browser.get(launchPage)).getElementById("launch-form");
        URI target = URI.create(form.attr("abs:action"));
        assertEquals(SAMPLE.resolve("api/lti"), target);
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));

        Map<String, String> tampered = new LinkedHashMap<>(fields);
        tampered.put("roles", "Administrator");
        HttpResponse<String> refused = browser.post(target, tampered);
        assertEquals(401, refused.statusCode(), refused::body);
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").contains("oauth_problem=\"signature_invalid\""),
                () -> refused.headers().map().toString());
        assertEquals("signature_invalid", Jsoup.parse(refused.body()).getElementById("problem").text());

        Document accepted = HttpUser.page(browser.post(target, fields));
        assertEquals(CONSUMER_KEY, accepted.getElementById("consumer-key").text());
        assertEquals("alice", accepted.getElementById("user").text());
        assertEquals("Learner", accepted.getElementById("roles").text());
        Map<String, String> signed = new LinkedHashMap<>();
        accepted.select("#parameters td.value").forEach(cell -> signed.put(cell.attr("data-name"), cell.text()));
        Map<String, String> expected = new LinkedHashMap<>(fields);
        expected.remove("oauth_signature");
        assertEquals(expected, signed);
        assertEquals("alice@demo-key", accepted.getElementById("principal").text(), "the launch logged alice in");
        assertEquals("Learner", accepted.getElementById("caller-roles").text());

        HttpResponse<String> replayed = browser.post(target, fields);
        assertEquals(401, replayed.statusCode(), replayed::body);
        assertTrue(replayed.headers().firstValue("WWW-Authenticate").orElse("").contains("oauth_problem=\"nonce_used\""),
                () -> replayed.headers().map().toString());
    }

    @Test
    void anLtiLaunchLogsItsUserInForTheSessionAndOnlyAnInstructorSeesTheInstructorsPage() throws Exception {
        HttpUser anonymous = new HttpUser();
        assertEquals(401, anonymous.get(SAMPLE.resolve("lti/instructor")).statusCode());
        assertTrue(HttpUser.page(anonymous.get(SAMPLE.resolve("api/tool"))).getElementById("anonymous") != null);

        HttpUser alice = new HttpUser();
        launch(alice, "api/lti", "");
        Document tool = HttpUser.page(alice.get(SAMPLE.resolve("api/tool")));
        assertEquals("alice@demo-key", tool.getElementById("principal").text(), "the session remembers the launch");
        assertEquals("Learner", tool.getElementById("caller-roles").text());
        assertEquals(403, alice.get(SAMPLE.resolve("lti/instructor")).statusCode());

        HttpUser bob = new HttpUser();
        launch(bob, "api/lti", "&user=bob&role=Instructor");
        Document instructors = HttpUser.page(bob.get(SAMPLE.resolve("lti/instructor")));
        assertEquals("bob@demo-key", instructors.getElementById("principal").text());
        assertEquals("bob@demo-key", HttpUser.page(bob.get(SAMPLE)).getElementById("lti-caller").text());
    }

    @Test
    void aPlainServletChecksTheLaunchItselfAndReadsTheVerifiedForm() throws Exception {
        HttpUser browser = new HttpUser();
        Map<String, String> fields = launchForm(browser, "servlet/launch", "");
        URI target = SAMPLE.resolve("servlet/launch");

        Map<String, String> tampered = new LinkedHashMap<>(fields);
        tampered.put("user_id", "mallory");
        HttpResponse<String> refused = browser.post(target, tampered);
        assertEquals(401, refused.statusCode(), refused::body);
        assertEquals("signature_invalid", Jsoup.parse(refused.body()).getElementById("problem").text());

        Document accepted = HttpUser.page(browser.post(target, fields));
        assertEquals(CONSUMER_KEY, accepted.getElementById("consumer-key").text());
        assertEquals("alice", accepted.getElementById("user").text());
        assertEquals("Learner", accepted.getElementById("roles").text());

        HttpResponse<String> replayed = browser.post(target, fields);
        assertEquals(401, replayed.statusCode(), replayed::body);
        assertEquals("nonce_used", Jsoup.parse(replayed.body()).getElementById("problem").text());
        assertEquals(401, browser.get(SAMPLE.resolve("lti/instructor")).statusCode(), "the servlet logs nobody in");
    }

    @Test
    void inABrowserAnInstructorsLaunchOpensTheInstructorsPage() {
        WebDriver browser = chrome.driver();
        browser.get(SAMPLE.toString());
        chrome.click("lti-instructor");

        assertEquals("bob@demo-key", chrome.waitFor("principal").getText());
        assertEquals("Instructor", browser.findElement(By.id("caller-roles")).getText());
        chrome.click("instructor-page");
        assertEquals("bob@demo-key", chrome.waitFor("instructor").findElement(By.id("principal")).getText());
        assertEquals("Instructors only", browser.findElement(By.tagName("h1")).getText());
        browser.get(SAMPLE.toString());
        assertEquals("bob@demo-key", chrome.waitFor("lti-caller").getText());
    }

    @Test
    void inABrowserTheUserApprovesAndComesBackToTheProtectedResource() {
        WebDriver browser = chrome.driver();
        browser.get(PROTECTED.toString());
        chrome.click("continue");
        chrome.waitFor("approve");
        assertTrue(browser.getCurrentUrl().startsWith(PROVIDER.resolve("oauth/authorize").toString()), browser.getCurrentUrl());
        chrome.click("approve");
        chrome.click("next");

        JsonObject me = HttpUser.json(chrome.waitFor("resource").getText());
        assertEquals(PROTECTED.toString(), browser.getCurrentUrl());
        assertEquals("alice", me.getString("user"));
        assertEquals(CONSUMER_KEY, me.getString("consumer"));
    }

    @Test
    void inABrowserTheUserDeniesAndNothingIsStored() {
        WebDriver browser = chrome.driver();
        browser.get(PROTECTED.toString());
        chrome.click("continue");
        chrome.click("deny");

        assertEquals("user_refused", chrome.waitFor("problem").getText());
        assertEquals("Access not granted", browser.findElement(By.tagName("h1")).getText());
        browser.get(PROTECTED.toString());
        chrome.waitFor("continue");
        assertEquals("Connect your account", browser.getTitle());
    }

    @Test
    void inABrowserTheHomePageLaunchesTheLtiToolThroughTheDemoProvider() {
        WebDriver browser = chrome.driver();
        browser.get(SAMPLE.toString());
        assertEquals("No access token yet.", chrome.waitFor("connection").getText());
        chrome.click("lti");

        assertEquals(CONSUMER_KEY, chrome.waitFor("consumer-key").getText());
        assertEquals(SAMPLE.resolve("api/lti").toString(), browser.getCurrentUrl());
        assertEquals("alice", browser.findElement(By.id("user")).getText());
    }

    /** The demo provider's signed launch form for this path of the sample ({@code more}: its user and role). */
    private static Map<String, String> launchForm(HttpUser user, String path, String more) throws Exception {
        URI launchPage = PROVIDER.resolve("lti/launch?target="
                + URLEncoder.encode(SAMPLE.resolve(path).toString(), StandardCharsets.UTF_8) + more);
        Element form = HttpUser.page(user.get(launchPage)).getElementById("launch-form");
        assertEquals(SAMPLE.resolve(path), URI.create(form.attr("abs:action")));
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        return fields;
    }

    /** Posts the demo provider's launch to this path of the sample, as the browser does; the page it answers. */
    private static Document launch(HttpUser user, String path, String more) throws Exception {
        return HttpUser.page(user.post(SAMPLE.resolve(path), launchForm(user, path, more)));
    }

    /** Runs the flow over HTTP for a user who approves as {@code name}; returns the access token obtained. */
    private static String connect(HttpUser user, String name) throws Exception {
        URI start = HttpUser.seeOther(user.get(PROTECTED));
        URI approval = URI.create(HttpUser.page(user.get(start)).getElementById("continue").attr("abs:href"));
        URI callback = HttpUser.seeOther(decide(user, approval, name, "approve"));
        Document success = HttpUser.page(user.get(callback));
        String token = success.getElementById("access-token").text();
        assertNotEquals("", token);
        return token;
    }

    /** Opens the provider's approval page and submits its form with this decision ({@code approve} or {@code deny}). */
    private static HttpResponse<String> decide(HttpUser user, URI approval, String name, String decision) throws Exception {
        Element form = HttpUser.page(user.get(approval)).selectFirst("form");
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        fields.put("user", name);
        fields.put("decision", decision);
        return user.post(URI.create(form.attr("abs:action")), fields);
    }
}

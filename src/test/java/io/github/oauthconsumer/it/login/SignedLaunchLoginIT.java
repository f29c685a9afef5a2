package io.github.oauthconsumer.it.login;

import io.github.oauthconsumer.it.ItSupport;
import io.github.oauthconsumer.it.SignedHttp;
import io.github.oauthconsumer.testsupport.JerseyOAuth1.Param;
import io.github.oauthconsumer.testsupport.JerseySigner;
import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.oauthconsumer.it.SignedHttp.form;
import static io.github.oauthconsumer.it.SignedHttp.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The signed-launch login on a real server: LTI 1.1 launches signed in the test JVM by Jersey's
 * OAuth 1 implementation log their user in through Jakarta Security, with the roles of the launch;
 * the session remembers the caller; the container's own checks ({@code @ServletSecurity}, JAX-RS
 * {@code @RolesAllowed}) and every API that names the caller (servlet, Jakarta
 * Security's {@code SecurityContext}, JAX-RS, a Faces page) agree; replayed, tampered and anonymous
 * launches log nobody in; the same {@code user_id} from two platforms is two callers.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(WildFlyJakartaSecurity.class)
class SignedLaunchLoginIT {

    private static final String LTI_KEY = "lms.example.edu";
    private static final String LTI_SECRET = "lti-secret-42";
    private static final String OTHER_KEY = "other platform:7";
    private static final String OTHER_SECRET = "other secret";
    private static final SignedHttp HTTP = new SignedHttp();

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        List<String> config = List.of(
                "oauth1.lti.consumer-key=" + LTI_KEY,
                "oauth1.lti.consumer-secret=" + LTI_SECRET,
                "oauth1.lti.accepted-consumers=other",
                "oauth1.lti.accepted-consumer.other.consumer-key=" + OTHER_KEY,
                "oauth1.lti.accepted-consumer.other.consumer-secret=" + OTHER_SECRET,
                "resteasy.role.based.security=true");
        String who = """
                <!DOCTYPE html>
                <html xmlns:h="jakarta.faces.html"><h:head><title>Who</title></h:head><h:body>
                <p>principal=#{request.userPrincipal.name}</p>
                <p>instructor=#{request.isUserInRole('Instructor')}</p>
                </h:body></html>
                """;
        WebArchive war = ItSupport.war("login.war", config, LoginSecurity.class, Who.class, LaunchServlet.class,
                LaunchesServlet.class, WhoServlet.class, InstructorServlet.class, LogoutServlet.class, LoginApplication.class, WhoResource.class,
                GradesResource.class);
        if (ItSupport.hasFaces()) {
            war.addAsWebResource(new StringAsset(who), "who.xhtml")
                    .addAsWebInfResource(new StringAsset(ItSupport.FACES_CONFIG), "faces-config.xml")
                    .setWebXML(new StringAsset(ItSupport.FACES_WEB_XML));
        }
        return war;
    }

    @Test
    void anInstructorLaunchLogsTheUserInWithTheRolesOfTheLaunch() throws Exception {
        Browser browser = new Browser();

        HttpResponse<String> launch = browser.launch(launchForm("u-1001", "Instructor,urn:lti:instrole:ims/lis/Administrator"),
                LTI_KEY, LTI_SECRET);

        assertEquals(200, launch.statusCode(), () -> launch.body() + "\n" + ItSupport.seeServerLog(SignedLaunchLoginIT.class));
        Map<String, String> seen = lines(launch.body());
        assertEquals("u-1001@lms.example.edu", seen.get("principal"));
        assertEquals("true", seen.get("instructor"));
        assertEquals("false", seen.get("learner"));
        assertEquals("true", seen.get("institutionAdministrator"));
        assertEquals("u-1001@lms.example.edu", seen.get("caller"));
        assertEquals("true", seen.get("callerInstructor"));
        assertEquals(LTI_KEY, seen.get("consumerKey"), "the launch resource reads what was verified");
        assertEquals("u-1001", seen.get("form.user_id"));
        assertEquals("Week 1: Introduction à l'algèbre", seen.get("form.resource_link_title"));

        Map<String, String> later = lines(browser.get("who").body());
        assertEquals("u-1001@lms.example.edu", later.get("principal"), "the session remembers the caller");
        assertEquals("true", later.get("instructor"));
        assertEquals("true", later.get("callerInstructor"));
        assertEquals(200, browser.get("instructor").statusCode());
        assertEquals("grades\n", browser.get("api/grades").body(), "@RolesAllowed(\"Instructor\")");
    }

    @Test
    void aLearnerIsRefusedWhatOnlyInstructorsMaySee() throws Exception {
        Browser browser = new Browser();
        assertEquals(200, browser.launch(launchForm("u-2002", "urn:lti:role:ims/lis/Learner/NonCreditLearner"),
                LTI_KEY, LTI_SECRET).statusCode());

        Map<String, String> seen = lines(browser.get("who").body());

        assertEquals("u-2002@lms.example.edu", seen.get("principal"));
        assertEquals("true", seen.get("learner"));
        assertEquals("false", seen.get("instructor"));
        assertEquals("true", seen.get("callerLearner"));
        assertEquals(403, browser.get("instructor").statusCode());
        assertEquals(403, browser.get("api/grades").statusCode(), "@RolesAllowed(\"Instructor\")");
    }

    @Test
    void jaxRsAndFacesSeeTheSameCaller() throws Exception {
        Browser browser = new Browser();
        browser.launch(launchForm("u-3003", "Instructor"), LTI_KEY, LTI_SECRET);

        Map<String, String> jaxrs = lines(browser.get("api/who").body());
        assertEquals("u-3003@lms.example.edu", jaxrs.get("principal"));
        assertEquals("true", jaxrs.get("instructor"));

        assumeTrue(ItSupport.hasFaces(), "this server configuration has no Jakarta Faces");
        String faces = browser.get("who.xhtml").body();
        assertTrue(faces.contains("principal=u-3003@lms.example.edu"), faces);
        assertTrue(faces.contains("instructor=true"), faces);
    }

    @Test
    void theSameUserIdFromAnotherPlatformIsAnotherCaller() throws Exception {
        Browser first = new Browser();
        Browser second = new Browser();
        first.launch(launchForm("4004", "Instructor"), LTI_KEY, LTI_SECRET);

        HttpResponse<String> other = second.launch(launchForm("4004", "Learner"), OTHER_KEY, OTHER_SECRET);

        assertEquals(200, other.statusCode(), other.body());
        String firstCaller = lines(first.get("who").body()).get("principal");
        String secondCaller = lines(second.get("who").body()).get("principal");
        assertEquals("4004@lms.example.edu", firstCaller);
        assertEquals("4004@other%20platform%3A7", secondCaller, "qualified by the percent-encoded consumer key");
        assertNotEquals(firstCaller, secondCaller);
        assertEquals(403, second.get("instructor").statusCode());
    }

    @Test
    void aReplayedLaunchIsRefusedAndLogsNobodyIn() throws Exception {
        HttpRequest.Builder launch = signedLaunch(launchForm("u-5005", "Instructor"), LTI_KEY, LTI_SECRET);
        assertEquals(200, new Browser().send(launch).statusCode());
        Browser attacker = new Browser();
        int launches = launches();

        HttpResponse<String> replay = attacker.send(launch);

        assertEquals(401, replay.statusCode(), replay.body());
        assertEquals("nonce_used", form(replay.body()).get("oauth_problem"));
        assertEquals("OAuth realm=\"lti\", oauth_problem=\"nonce_used\"", replay.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(launches, launches(), "the refused launch never reached the launch servlet");
        assertEquals("", lines(attacker.get("who").body()).get("principal"));
        HttpResponse<String> instructor = attacker.get("instructor");
        assertRefusedAnonymously(instructor.statusCode());
        if (instructor.statusCode() == 401) {
            assertEquals("OAuth realm=\"lti\"", instructor.headers().firstValue("WWW-Authenticate").orElse(""),
                    "a 401 says how to authenticate (RFC 7235): with a signed launch");
        }
    }

    @Test
    void aTamperedLaunchIsRefusedAndLogsNobodyIn() throws Exception {
        List<Param> signedAsLearner = launchForm("u-6006", "Learner");
        OAuth1Parameters protocol = SignedHttp.protocol(LTI_KEY, "HMAC-SHA1");
        protocol.callback("about:blank");
        String url = app("launch").toString();
        OAuth1Parameters signature = HTTP.sign("POST", url, signedAsLearner, protocol, LTI_SECRET);
        Browser attacker = new Browser();
        int launches = launches();

        HttpResponse<String> tampered = attacker.send(SignedHttp.formPost(url,
                JerseySigner.formEncoded(launchForm("u-6006", "Instructor")) + "&" + JerseySigner.formEncoded(signature)));

        assertEquals(401, tampered.statusCode(), tampered.body());
        assertEquals("signature_invalid", form(tampered.body()).get("oauth_problem"));
        assertEquals(launches, launches(), "the refused launch never reached the launch servlet");
        assertEquals("", lines(attacker.get("who").body()).get("principal"));
        assertRefusedAnonymously(attacker.get("instructor").statusCode());
        assertRefusedAnonymously(attacker.get("api/grades").statusCode());
    }

    @Test
    void aLaunchThatNamesNoUserIsABadRequest() throws Exception {
        Browser browser = new Browser();
        int launches = launches();

        HttpResponse<String> anonymous = browser.launch(launchForm("", "Instructor"), LTI_KEY, LTI_SECRET);

        assertEquals(400, anonymous.statusCode(), anonymous.body());
        assertEquals("the launch names no user (user_id)", anonymous.body());
        assertEquals(launches, launches(), "the refused launch never reached the launch servlet");
        assertEquals("", lines(browser.get("who").body()).get("principal"));
    }

    @Test
    void aNewLaunchReplacesTheCallerUnderANewSessionId() throws Exception {
        Browser browser = new Browser();
        browser.launch(launchForm("u-7007", "Instructor"), LTI_KEY, LTI_SECRET);
        String firstSession = browser.sessionId();

        browser.launch(launchForm("u-7008", "Learner"), LTI_KEY, LTI_SECRET);

        assertEquals("u-7008@lms.example.edu", lines(browser.get("who").body()).get("principal"));
        assertNotEquals(firstSession, browser.sessionId(), "a launch never keeps a session id it found");
        assertEquals(403, browser.get("instructor").statusCode());
    }

    @Test
    void anotherPathOrAGetOfTheLaunchPathIsNoLaunch() throws Exception {
        Browser browser = new Browser();

        HttpResponse<String> get = browser.send(HttpRequest.newBuilder(app("launch")));

        assertEquals(405, get.statusCode(), "the launch servlet has no GET; nothing was checked: " + get.body());
        assertEquals("", lines(browser.get("who").body()).get("principal"));
    }

    @Test
    void logoutForgetsTheCaller() throws Exception {
        Browser browser = new Browser();
        browser.launch(launchForm("u-8008", "Instructor"), LTI_KEY, LTI_SECRET);
        assertEquals(200, browser.get("instructor").statusCode());

        assertEquals(200, browser.get("logout").statusCode());

        assertEquals("", lines(browser.get("who").body()).get("principal"));
        assertRefusedAnonymously(browser.get("instructor").statusCode());
    }

    @AfterAll
    static void close() {
        HTTP.close();
    }

    // --- helpers --------------------------------------------------------------------------------

    /** How many requests the launch servlet answered so far. */
    private int launches() throws Exception {
        return Integer.parseInt(new Browser().get("launches").body().trim());
    }

    /** An anonymous caller asking for a page that needs a role: the container says 401 or 403. */
    private static void assertRefusedAnonymously(int status) {
        assertTrue(status == 401 || status == 403, "status " + status);
    }

    private static List<Param> launchForm(String user, String roles) {
        List<Param> form = new ArrayList<>(List.of(
                new Param("lti_message_type", "basic-lti-launch-request"),
                new Param("lti_version", "LTI-1p0"),
                new Param("resource_link_id", "429785226"),
                new Param("resource_link_title", "Week 1: Introduction à l'algèbre"),
                new Param("roles", roles)));
        if (!user.isEmpty()) {
            form.add(new Param("user_id", user));
        }
        return form;
    }

    private HttpRequest.Builder signedLaunch(List<Param> form, String key, String secret) {
        return HTTP.signedFormPost(app("launch").toString(), form, key, secret);
    }

    private URI app(String path) {
        return ItSupport.loopback(deploymentUrl).resolve(path);
    }

    /** One user's browser: cookies kept, redirects not followed. */
    private final class Browser {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> launch(List<Param> form, String key, String secret) throws Exception {
            return send(signedLaunch(form, key, secret));
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(app(path)));
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst().orElse("");
        }
    }
}

package io.github.oauthconsumer.it.servlet;

import io.github.oauthconsumer.it.ItSupport;
import io.github.oauthconsumer.it.SignedHttp;
import io.github.oauthconsumer.it.validation.LogRecorder;
import io.github.oauthconsumer.testsupport.JerseyOAuth1.Param;
import io.github.oauthconsumer.testsupport.JerseySigner;
import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.github.oauthconsumer.it.SignedHttp.form;
import static io.github.oauthconsumer.it.SignedHttp.formPost;
import static io.github.oauthconsumer.it.SignedHttp.get;
import static io.github.oauthconsumer.it.SignedHttp.lines;
import static io.github.oauthconsumer.it.SignedHttp.now;
import static io.github.oauthconsumer.it.SignedHttp.protocol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Signature validation without JAX-RS, on a real server: a plain servlet behind the servlet filter
 * of {@code oauth1.<name>.validate-paths} ({@link Entry#FILTER}) and the same servlet calling
 * {@code SignatureValidation.validate} itself ({@link Entry#PROGRAMMATIC}), with every request
 * signed in the test JVM by Jersey's OAuth 1 implementation. Each scenario of the JAX-RS filter's
 * test ({@code SignatureValidationIT}) runs through both: what reaches the servlet (parameters,
 * body) is what was verified, and every refusal has the JAX-RS filter's status and problem; the
 * filter's answers are compared with the JAX-RS filter's byte for byte. Also: a Faces page behind
 * the filter, and a path both filters check.
 */
@ExtendWith(ArquillianExtension.class)
class ServletValidationIT {

    private static final String KEY = "it-platform";
    private static final String SECRET = "it secret & more";
    private static final String LTI_KEY = "lms.example.edu";
    private static final String LTI_SECRET = "lti-secret-42";
    private static final String REALM = "it-realm";
    private static final int MAX_BODY = 65_536;
    private static final SignedHttp HTTP = new SignedHttp();

    /** The two ways a servlet application checks signatures. */
    enum Entry {
        /** The servlet filter of {@code validate-paths}. */
        FILTER("filtered/"),
        /** {@code SignatureValidation.validate} in the servlet. */
        PROGRAMMATIC("programmatic/");

        private final String prefix;

        Entry(String prefix) {
            this.prefix = prefix;
        }
    }

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        List<String> config = List.of(
                "oauth1.hmac.consumer-key=" + KEY,
                "oauth1.hmac.consumer-secret=" + SECRET,
                "oauth1.hmac.realm=" + REALM,
                "oauth1.hmac.validate-paths=/filtered/hmac/*, /api/v/both",
                "oauth1.strict.consumer-key=" + KEY,
                "oauth1.strict.consumer-secret=" + SECRET,
                "oauth1.strict.require-body-hash=true",
                "oauth1.strict.validate-paths=/filtered/strict/*",
                "oauth1.lti.consumer-key=" + LTI_KEY,
                "oauth1.lti.consumer-secret=" + LTI_SECRET,
                "oauth1.lti.validate-paths=/filtered/lti/*,/launch.xhtml",
                "oauth1.proxied.consumer-key=" + KEY,
                "oauth1.proxied.consumer-secret=" + SECRET,
                "oauth1.proxied.trust-forwarded-headers=true",
                "oauth1.proxied.validate-paths=/filtered/proxied/*",
                "oauth1.public.consumer-key=" + KEY,
                "oauth1.public.consumer-secret=" + SECRET,
                "oauth1.public.public-base-url=https://lti.example.edu/tool",
                "oauth1.public.validate-paths=/filtered/public/*",
                "oauth1.paged.consumer-key=" + KEY,
                "oauth1.paged.consumer-secret=" + SECRET,
                "oauth1.paged.page.invalid-signature=/invalid-signature.jsp",
                "oauth1.paged.validate-paths=/filtered/paged/*",
                "oauth1.validation.max-body-size=" + MAX_BODY);
        String page = "<%@ page contentType=\"text/html;charset=UTF-8\" %><html><body><h1>Invalid signature</h1>"
                + "<p id=\"problem\">${requestScope['io.github.oauthconsumer.oauth_problem']}</p></body></html>";
        String launch = """
                <!DOCTYPE html>
                <html xmlns:h="jakarta.faces.html"><h:head><title>Launch</title></h:head><h:body>
                <p id="user">user=#{param['user_id']}</p>
                <p id="consumer">consumer=#{launchView.consumerKey}</p>
                <p id="link">link=#{launchView.resourceLink}</p>
                </h:body></html>
                """;
        WebArchive war = ItSupport.war("servlet-validation.war", config, EchoServlet.class, LaunchView.class,
                        CompareApplication.class, CompareResource.class, LogRecorder.class)
                .addAsWebResource(new StringAsset(page), "invalid-signature.jsp");
        if (ItSupport.hasFaces()) {
            war.addAsWebResource(new StringAsset(launch), "launch.xhtml")
                    .addAsWebInfResource(new StringAsset(ItSupport.FACES_CONFIG), "faces-config.xml")
                    .setWebXML(new StringAsset(ItSupport.FACES_WEB_XML));
        }
        return war;
    }

    @AfterAll
    static void close() {
        HTTP.close();
    }

    // --- accepted requests ----------------------------------------------------------------------

    @Test
    void headerTransportIsAcceptedAndTheServletSeesTheVerifiedRequest() throws Exception {
        for (Entry entry : Entry.values()) {
            String url = url(entry, "hmac") + "?greeting=" + enc("hello world ☃");
            OAuth1Parameters signed = HTTP.sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);

            HttpResponse<String> response = HTTP.send(get(url, JerseySigner.authorizationHeader(signed)));

            assertEquals(200, response.statusCode(), entry + ": " + response.body());
            Map<String, String> echo = lines(response.body());
            assertEquals("hmac", echo.get("consumerName"), entry.name());
            assertEquals(KEY, echo.get("consumerKey"), entry.name());
            assertEquals("hello world ☃", echo.get("signed.greeting"), entry.name());
            assertEquals("hello world ☃", echo.get("param.greeting"), entry.name());
            if (entry == Entry.PROGRAMMATIC) {
                assertEquals(KEY, echo.get("returned.consumerKey"), "validate returns what ValidatedRequest shows");
                assertEquals("true", echo.get("returned.nonce"));
            }
        }
    }

    @Test
    void queryTransportIsAccepted() throws Exception {
        for (Entry entry : Entry.values()) {
            String url = url(entry, "hmac") + "?greeting=" + enc("a+b & c");
            OAuth1Parameters signed = HTTP.sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);

            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "&" + JerseySigner.formEncoded(signed))));

            assertEquals(200, response.statusCode(), entry + ": " + response.body());
            assertEquals("a+b & c", lines(response.body()).get("signed.greeting"), entry.name());
        }
    }

    @Test
    void aSignedFormReachesTheServletsParametersAsVerified() throws Exception {
        for (Entry entry : Entry.values()) {
            String url = url(entry, "hmac") + "?q=1";
            List<Param> form = List.of(new Param("greeting", "Grüße & more"), new Param("tag", "b"), new Param("tag", "a"));
            OAuth1Parameters signed = HTTP.sign("POST", url, form, protocol(KEY, "HMAC-SHA1"), SECRET);

            HttpResponse<String> response = HTTP.send(formPost(url, JerseySigner.formEncoded(form) + "&"
                    + JerseySigner.formEncoded(signed)));

            assertEquals(200, response.statusCode(), entry + ": " + response.body());
            Map<String, String> echo = lines(response.body());
            assertEquals("Grüße & more", echo.get("param.greeting"), entry.name());
            assertEquals("b,a", echo.get("param.tag"), entry.name());
            assertEquals("1", echo.get("param.q"), entry + ": the query's parameters come first, then the form's");
            assertEquals(KEY, echo.get("param.oauth_consumer_key"), entry.name());
        }
    }

    @Test
    void aFormWithTheSignatureInTheHeaderReachesTheServlet() throws Exception {
        for (Entry entry : Entry.values()) {
            String url = url(entry, "hmac");
            List<Param> form = List.of(new Param("note", "x=y&z"));
            OAuth1Parameters signed = HTTP.sign("POST", url, form, protocol(KEY, "HMAC-SHA1"), SECRET);

            HttpResponse<String> response = HTTP.send(formPost(url, JerseySigner.formEncoded(form))
                    .header("Authorization", JerseySigner.authorizationHeader(signed)));

            assertEquals(200, response.statusCode(), entry + ": " + response.body());
            assertEquals("x=y&z", lines(response.body()).get("param.note"), entry.name());
        }
    }

    @Test
    void aFormInIso88591IsVerifiedAndReadInThatCharset() throws Exception {
        for (Entry entry : Entry.values()) {
            String url = url(entry, "hmac");
            OAuth1Parameters signed = HTTP.sign("POST", url, List.of(new Param("greeting", "Gr\u00fc\u00dfe")),
                    protocol(KEY, "HMAC-SHA1"), SECRET);

            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=ISO-8859-1")
                    .POST(HttpRequest.BodyPublishers.ofString("greeting=Gr%FC%DFe&" + JerseySigner.formEncoded(signed))));

            assertEquals(200, response.statusCode(), entry + ": " + response.body());
            assertEquals("Gr\u00fc\u00dfe", lines(response.body()).get("param.greeting"), entry.name());
        }
    }

    @Test
    void anLti11LaunchIsAcceptedAndItsParametersReachTheServlet() throws Exception {
        for (Entry entry : Entry.values()) {
            String url = url(entry, "lti");
            HttpResponse<String> response = HTTP.send(HTTP.signedFormPost(url, launch("292832126"), LTI_KEY, LTI_SECRET));

            assertEquals(200, response.statusCode(), entry + ": " + response.body());
            Map<String, String> echo = lines(response.body());
            assertEquals(LTI_KEY, echo.get("consumerKey"), entry.name());
            assertEquals("292832126", echo.get("param.user_id"), entry.name());
            assertEquals("Instructor,urn:lti:instrole:ims/lis/Administrator", echo.get("param.roles"), entry.name());
            assertEquals("Week 1: Introduction à l'algèbre", echo.get("param.resource_link_title"), entry.name());
            assertEquals("about:blank", echo.get("signed.oauth_callback"), entry.name());
        }
    }

    @Test
    void aFacesPageBehindTheFilterReadsTheVerifiedLaunch() throws Exception {
        assumeTrue(ItSupport.hasFaces(), "this server configuration has no Jakarta Faces");
        String url = ItSupport.loopback(deploymentUrl).resolve("launch.xhtml").toString();
        HttpResponse<String> response = HTTP.send(HTTP.signedFormPost(url, launch("faces-user"), LTI_KEY, LTI_SECRET));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("user=faces-user"), response.body());
        assertTrue(response.body().contains("consumer=" + LTI_KEY), response.body());
        assertTrue(response.body().contains("link=429785226"), response.body());

        HttpResponse<String> forged = HTTP.send(HTTP.signedFormPost(url, launch("faces-user"), LTI_KEY, "not the secret"));
        assertProblem(Entry.FILTER, forged, 401, "signature_invalid", "lti");
    }

    @Test
    void aJsonBodyWithItsBodyHashIsAcceptedAndStillReadable() throws Exception {
        String body = "{\"event\":\"grade\",\"score\":0.93,\"note\":\"très bien\"}";
        for (Entry entry : Entry.values()) {
            HttpResponse<String> response = sendJson(url(entry, "hmac"), body, bodyHash(body));

            assertEquals(200, response.statusCode(), entry + ": " + response.body());
            assertEquals(body, lines(response.body()).get("body"), entry.name());
        }
    }

    @Test
    void forwardedHeadersAndAPublicBaseUrlGiveTheSignedUrl() throws Exception {
        for (Entry entry : Entry.values()) {
            String path = entry.prefix + "proxied/echo";
            String publicUrl = "https://tool.example.edu" + ItSupport.loopback(deploymentUrl).getRawPath() + path;
            OAuth1Parameters signed = HTTP.sign("GET", publicUrl, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);
            HttpResponse<String> response = HTTP.send(get(url(entry, "proxied"), JerseySigner.authorizationHeader(signed))
                    .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "tool.example.edu"));
            assertEquals(200, response.statusCode(), entry + ": " + response.body());

            OAuth1Parameters behindBase = HTTP.sign("GET", "https://lti.example.edu/tool/" + entry.prefix + "public/echo",
                    List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);
            response = HTTP.send(get(url(entry, "public"), JerseySigner.authorizationHeader(behindBase)));
            assertEquals(200, response.statusCode(), entry + ": " + response.body());
        }
    }

    @Test
    void aPathNotListedIsNotChecked() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(Entry.FILTER, "open"))));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("false", lines(response.body()).get("validated"));
    }

    @Test
    void aPathBothFiltersCheckIsCheckedOnceAndAccepted() throws Exception {
        String url = ItSupport.loopback(deploymentUrl).resolve("api/v/both").toString();
        String authorization = JerseySigner.authorizationHeader(HTTP.sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET));

        HttpResponse<String> response = HTTP.send(get(url, authorization));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(KEY, lines(response.body()).get("consumerKey"));
        assertProblem(Entry.FILTER, HTTP.send(get(url, authorization)), 401, "nonce_used", REALM);
    }

    // --- refusals -------------------------------------------------------------------------------

    @Test
    void theSameRequestReplayedIsRefusedWithNonceUsed() throws Exception {
        for (Entry entry : Entry.values()) {
            String url = url(entry, "hmac");
            String authorization = JerseySigner.authorizationHeader(HTTP.sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET));

            assertEquals(200, HTTP.send(get(url, authorization)).statusCode(), entry.name());
            assertProblem(entry, HTTP.send(get(url, authorization)), 401, "nonce_used", REALM);
        }
    }

    @Test
    void aTimestampAnHourOldIsRefused() throws Exception {
        for (Entry entry : Entry.values()) {
            String url = url(entry, "hmac");
            OAuth1Parameters old = protocol(KEY, "HMAC-SHA1").timestamp(Long.toString(now() - 3600));

            HttpResponse<String> response = HTTP.send(get(url, JerseySigner.authorizationHeader(HTTP.sign("GET", url, List.of(), old, SECRET))));

            assertProblem(entry, response, 401, "timestamp_refused", REALM);
            String acceptable = form(response.body()).get("oauth_acceptable_timestamps");
            assertTrue(Long.parseLong(acceptable.substring(0, acceptable.indexOf('-'))) > now() - 3600, acceptable);
        }
    }

    @Test
    void aWrongSecretAnUnknownKeyAChangedFormAndAnExtraParameterAreRefused() throws Exception {
        for (Entry entry : Entry.values()) {
            String url = url(entry, "hmac");
            OAuth1Parameters wrongSecret = HTTP.sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET + "x");
            assertProblem(entry, HTTP.send(get(url, JerseySigner.authorizationHeader(wrongSecret))), 401, "signature_invalid", REALM);

            OAuth1Parameters unknown = HTTP.sign("GET", url, List.of(), protocol("nobody", "HMAC-SHA1"), SECRET);
            assertProblem(entry, HTTP.send(get(url, JerseySigner.authorizationHeader(unknown))), 401, "consumer_key_unknown", REALM);

            OAuth1Parameters formSigned = HTTP.sign("POST", url, List.of(new Param("greeting", "hello")), protocol(KEY, "HMAC-SHA1"), SECRET);
            assertProblem(entry, HTTP.send(formPost(url, "greeting=hullo").header("Authorization",
                    JerseySigner.authorizationHeader(formSigned))), 401, "signature_invalid", REALM);

            OAuth1Parameters querySigned = HTTP.sign("GET", url + "?a=1", List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);
            assertProblem(entry, HTTP.send(get(url + "?a=1&b=2", JerseySigner.authorizationHeader(querySigned))), 401,
                    "signature_invalid", REALM);
        }
    }

    @Test
    void malformedRequestsAreRefusedWith400() throws Exception {
        for (Entry entry : Entry.values()) {
            String url = url(entry, "hmac");
            HttpResponse<String> unsigned = HTTP.send(get(url, JerseySigner.authorizationHeader(protocol(KEY, "HMAC-SHA1"))));
            assertProblem(entry, unsigned, 400, "parameter_absent", REALM);
            assertEquals("oauth_signature", form(unsigned.body()).get("oauth_parameters_absent"), entry.name());

            String authorization = JerseySigner.authorizationHeader(HTTP.sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET));
            HttpResponse<String> duplicated = HTTP.send(get(url, authorization + ", oauth_nonce=\"another\""));
            assertProblem(entry, duplicated, 400, "parameter_rejected", REALM);
            assertEquals("oauth_nonce", form(duplicated.body()).get("oauth_parameters_rejected"), entry.name());

            assertProblem(entry, HTTP.send(get(url + "?oauth_nonce=elsewhere", authorization)), 400, "parameter_rejected", REALM);

            OAuth1Parameters md5 = HTTP.sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET).signatureMethod("HMAC-MD5");
            assertProblem(entry, HTTP.send(get(url, JerseySigner.authorizationHeader(md5))), 400, "signature_method_rejected", REALM);
            OAuth1Parameters plaintext = HTTP.sign("GET", url, List.of(), protocol(KEY, "PLAINTEXT"), SECRET);
            assertProblem(entry, HTTP.send(get(url, JerseySigner.authorizationHeader(plaintext))), 400,
                    "signature_method_rejected", REALM);
        }
    }

    @Test
    void garbageAndBasicAuthorizationHeadersGetAClientErrorNeverA500() throws Exception {
        for (Entry entry : Entry.values()) {
            for (String header : List.of("OAuth !!!", "OAuth oauth_consumer_key=\"unterminated", "OAuth oauth_nonce=%zz",
                    "Basic dXNlcjpwYXNzd29yZA==", "Bearer abc.def.ghi", "}{ garbage", "OAuth ,,,", "OAuth")) {
                HttpResponse<String> response = HTTP.send(get(url(entry, "hmac"), header));

                assertTrue(response.statusCode() == 400 || response.statusCode() == 401, entry + " " + header + " -> "
                        + response.statusCode());
                if (entry == Entry.FILTER) {
                    assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("OAuth realm=\"" + REALM + "\""),
                            header);
                }
            }
        }
    }

    @Test
    void bodiesTheCheckDoesNotReadAreRefused() throws Exception {
        for (Entry entry : Entry.values()) {
            String url = url(entry, "hmac");
            OAuth1Parameters signed = HTTP.sign("POST", url, List.of(new Param("greeting", "hello")), protocol(KEY, "HMAC-SHA1"), SECRET);
            HttpResponse<String> unknownCharset = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=nonexistent")
                    .POST(HttpRequest.BodyPublishers.ofString("greeting=hello&" + JerseySigner.formEncoded(signed))));
            assertEquals(415, unknownCharset.statusCode(), entry + ": " + unknownCharset.body());

            OAuth1Parameters json = HTTP.sign("POST", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);
            HttpResponse<String> tooLarge = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .header("Authorization", JerseySigner.authorizationHeader(json))
                    .POST(HttpRequest.BodyPublishers.ofString("[" + "1,".repeat(MAX_BODY / 2) + "1]")));
            assertEquals(413, tooLarge.statusCode(), entry.name());

            HttpResponse<String> malformedType = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset")
                    .header("Authorization", JerseySigner.authorizationHeader(json))
                    .POST(HttpRequest.BodyPublishers.ofString("greeting=hello")));
            assertTrue(malformedType.statusCode() >= 400 && malformedType.statusCode() < 500, entry + ": " + malformedType.statusCode());
        }
    }

    @Test
    void a64KiBHeaderGetsAClientErrorAndTheServerStillAnswersTheNextRequest() throws Exception {
        for (Entry entry : Entry.values()) {
            String url = url(entry, "hmac");
            HttpResponse<String> response = HTTP.send(get(url, "OAuth oauth_consumer_key=\"" + "k".repeat(64 * 1024) + "\""));

            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, entry + ": " + response.statusCode());
            OAuth1Parameters signed = HTTP.sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);
            assertEquals(200, HTTP.send(get(url, JerseySigner.authorizationHeader(signed))).statusCode(), entry.name());
        }
    }

    @Test
    void aWrongBodyHashIsRefusedAndARequiredOneMissingIsMalformed() throws Exception {
        String body = "{\"event\":\"grade\",\"score\":0.93}";
        for (Entry entry : Entry.values()) {
            assertProblem(entry, sendJson(url(entry, "hmac"), body, bodyHash(body.replace("0.93", "1.00"))), 401,
                    "signature_invalid", REALM);
            assertProblem(entry, sendJson(url(entry, "strict"), body, null), 400, "parameter_absent", "strict");
            assertEquals(200, sendJson(url(entry, "strict"), body, bodyHash(body)).statusCode(), entry.name());
        }
    }

    @Test
    void theFilterShowsTheInvalidSignaturePageWithTheRefusalsStatusAndChallenge() throws Exception {
        String url = url(Entry.FILTER, "paged");
        OAuth1Parameters forged = HTTP.sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), "wrong secret");

        HttpResponse<String> invalid = HTTP.send(get(url, JerseySigner.authorizationHeader(forged)));

        assertEquals(401, invalid.statusCode(), invalid.body());
        assertTrue(invalid.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), invalid.headers().toString());
        assertTrue(invalid.body().contains("<p id=\"problem\">signature_invalid</p>"), invalid.body());
        assertEquals("OAuth realm=\"paged\", oauth_problem=\"signature_invalid\"",
                invalid.headers().firstValue("WWW-Authenticate").orElse(""));

        HttpResponse<String> malformed = HTTP.send(HttpRequest.newBuilder(URI.create(url)));
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertTrue(malformed.body().contains("<p id=\"problem\">parameter_absent</p>"), malformed.body());
    }

    @Test
    void theFiltersRefusalsAreTheJaxRsFiltersByteForByte() throws Exception {
        String servlet = url(Entry.FILTER, "hmac");
        String jaxrs = ItSupport.loopback(deploymentUrl).resolve("api/v/hmac").toString();
        for (String header : List.of("OAuth oauth_consumer_key=\"a\", oauth_consumer_key=\"b\"", "Basic dXNlcjpwYXNzd29yZA==")) {
            assertSameAnswer(HTTP.send(get(jaxrs, header)), HTTP.send(get(servlet, header)));
        }
        assertSameAnswer(HTTP.send(HttpRequest.newBuilder(URI.create(jaxrs))), HTTP.send(HttpRequest.newBuilder(URI.create(servlet))));
        OAuth1Parameters forgedForJaxrs = HTTP.sign("GET", jaxrs, List.of(), protocol(KEY, "HMAC-SHA1"), "wrong");
        OAuth1Parameters forgedForServlet = HTTP.sign("GET", servlet, List.of(), protocol(KEY, "HMAC-SHA1"), "wrong");
        assertSameAnswer(HTTP.send(get(jaxrs, JerseySigner.authorizationHeader(forgedForJaxrs))),
                HTTP.send(get(servlet, JerseySigner.authorizationHeader(forgedForServlet))));
    }

    @Test
    void readingTheFormBeforeTheCheckIsReportedToTheApplication() throws Exception {
        String url = url(Entry.PROGRAMMATIC, "hmac");
        List<Param> form = List.of(new Param("greeting", "hello"));
        OAuth1Parameters signed = HTTP.sign("POST", url, form, protocol(KEY, "HMAC-SHA1"), SECRET);

        HttpResponse<String> response = HTTP.send(formPost(url, JerseySigner.formEncoded(form) + "&" + JerseySigner.formEncoded(signed))
                .header("X-Read-First", "yes"));

        assertEquals(500, response.statusCode(), response.body());
        assertTrue(lines(response.body()).get("misuse").startsWith("the request's body or parameters were read before its"
                + " signature was checked"), response.body());
    }

    @Test
    void refusedRequestsLogNoStackTraceAndAtMostOneLine() throws Exception {
        String log = ItSupport.loopback(deploymentUrl).resolve("api/log").toString();
        assertEquals(204, HTTP.send(HttpRequest.newBuilder(URI.create(log)).DELETE()).statusCode());
        for (int i = 0; i < 5; i++) {
            for (Entry entry : Entry.values()) {
                String url = url(entry, "hmac");
                OAuth1Parameters forged = HTTP.sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), "wrong secret");
                assertEquals(401, HTTP.send(get(url, JerseySigner.authorizationHeader(forged))).statusCode());
                assertEquals(400, HTTP.send(HttpRequest.newBuilder(URI.create(url))).statusCode());
                assertEquals(400, HTTP.send(get(url, "OAuth =,=\"")).statusCode());
            }
            String paged = url(Entry.FILTER, "paged");
            assertEquals(400, HTTP.send(HttpRequest.newBuilder(URI.create(paged))).statusCode());
        }

        List<String> lines = HTTP.send(HttpRequest.newBuilder(URI.create(log))).body().lines().toList();

        assertTrue(!lines.isEmpty() && lines.get(0).endsWith("|" + LogRecorder.MARKER), () -> "the server's log is not recorded: " + lines);
        assertTrue(lines.stream().noneMatch(line -> line.contains("|true|")), () -> "stack traces logged:\n" + String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(line -> line.contains("|io.github.oauthconsumer.") && !line.contains("|io.github.oauthconsumer.it.")),
                () -> "refusals logged:\n" + String.join("\n", lines));
    }

    // --- helpers --------------------------------------------------------------------------------

    private static List<Param> launch(String user) {
        return List.of(
                new Param("lti_message_type", "basic-lti-launch-request"),
                new Param("lti_version", "LTI-1p0"),
                new Param("resource_link_id", "429785226"),
                new Param("resource_link_title", "Week 1: Introduction à l'algèbre"),
                new Param("user_id", user),
                new Param("roles", "Instructor,urn:lti:instrole:ims/lis/Administrator"));
    }

    private String url(Entry entry, String name) {
        return ItSupport.loopback(deploymentUrl).resolve(entry.prefix + name + "/echo").toString();
    }

    private HttpResponse<String> sendJson(String url, String body, String bodyHash) throws Exception {
        OAuth1Parameters protocol = protocol(KEY, "HMAC-SHA1");
        if (bodyHash != null) {
            protocol.put("oauth_body_hash", bodyHash);
        }
        OAuth1Parameters signed = HTTP.sign("POST", url, List.of(), protocol, SECRET);
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Authorization", JerseySigner.authorizationHeader(signed))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static String bodyHash(String body) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The refusal's status and problem; from the filter also its challenge, as the JAX-RS filter answers. */
    private static void assertProblem(Entry entry, HttpResponse<String> response, int status, String problem, String realm) {
        assertEquals(status, response.statusCode(), () -> entry + ": " + response.body() + "\n"
                + ItSupport.seeServerLog(ServletValidationIT.class));
        assertEquals(problem, form(response.body()).get("oauth_problem"), entry + ": " + response.body());
        if (entry == Entry.FILTER) {
            assertEquals("OAuth realm=\"" + realm + "\", oauth_problem=\"" + problem + "\"",
                    response.headers().firstValue("WWW-Authenticate").orElse(""));
        }
    }

    private static void assertSameAnswer(HttpResponse<String> jaxrs, HttpResponse<String> servlet) {
        assertEquals(jaxrs.statusCode(), servlet.statusCode(), servlet.body());
        assertEquals(jaxrs.headers().allValues("WWW-Authenticate"), servlet.headers().allValues("WWW-Authenticate"));
        assertEquals(jaxrs.headers().firstValue("Content-Type"), servlet.headers().firstValue("Content-Type"));
        assertEquals(jaxrs.body(), servlet.body());
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package io.github.oauthconsumer.it.validation;

import io.github.oauthconsumer.it.ItSupport;
import io.github.oauthconsumer.testsupport.JerseyOAuth1.Param;
import io.github.oauthconsumer.testprovider.TestCertificates;
import io.github.oauthconsumer.testsupport.JerseySigner;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.client.oauth1.ConsumerCredentials;
import org.glassfish.jersey.client.oauth1.OAuth1ClientSupport;
import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.github.oauthconsumer.it.SignedHttp.form;
import static io.github.oauthconsumer.it.SignedHttp.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @ValidateSignature} in a real Payara Micro, with every request signed in the test JVM by
 * Jersey's OAuth 1 implementation ({@code oauth1-signature}, and its client filter
 * {@code oauth1-client} for one case): the three transports, an LTI 1.1 launch, every refusal the
 * issue lists, body hashes, reverse proxies, the invalid-signature page, and concurrent replays.
 * One deployment holds every scenario, one consumer name per configuration variant.
 */
@ExtendWith(ArquillianExtension.class)
class SignatureValidationIT {

    private static final String KEY = "it-platform";
    private static final String SECRET = "it secret & more";
    private static final String RSA_KEY = "rsa-platform";
    private static final String LTI_KEY = "lms.example.edu";
    private static final String LTI_SECRET = "lti-secret-42";
    private static final String REALM = "it-realm";
    private static final int MAX_BODY = 65_536;
    private static final KeyPair RSA = TestCertificates.newRsaKeyPair(1024);
    private static final JerseySigner JERSEY = new JerseySigner();
    private static final AtomicLong NONCES = new AtomicLong();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        List<String> config = List.of(
                "oauth1.hmac.consumer-key=" + KEY,
                "oauth1.hmac.consumer-secret=" + SECRET,
                "oauth1.hmac.realm=" + REALM,
                "oauth1.hmac.accepted-consumers=rsa",
                "oauth1.hmac.accepted-consumer.rsa.consumer-key=" + RSA_KEY,
                "oauth1.hmac.accepted-consumer.rsa.signature-method=RSA-SHA1",
                "oauth1.hmac.accepted-consumer.rsa.public-key-location=classpath:rsa-platform.pem",
                "oauth1.strict.consumer-key=" + KEY,
                "oauth1.strict.consumer-secret=" + SECRET,
                "oauth1.strict.require-body-hash=true",
                "oauth1.lti.consumer-key=" + LTI_KEY,
                "oauth1.lti.consumer-secret=" + LTI_SECRET,
                "oauth1.proxied.consumer-key=" + KEY,
                "oauth1.proxied.consumer-secret=" + SECRET,
                "oauth1.proxied.trust-forwarded-headers=true",
                "oauth1.direct.consumer-key=" + KEY,
                "oauth1.direct.consumer-secret=" + SECRET,
                "oauth1.direct.trust-forwarded-headers=false",
                "oauth1.public.consumer-key=" + KEY,
                "oauth1.public.consumer-secret=" + SECRET,
                "oauth1.public.public-base-url=https://lti.example.edu/tool",
                "oauth1.paged.consumer-key=" + KEY,
                "oauth1.paged.consumer-secret=" + SECRET,
                "oauth1.paged.page.invalid-signature=/invalid-signature.jsp",
                "oauth1.explained.consumer-key=" + KEY,
                "oauth1.explained.consumer-secret=" + SECRET,
                "oauth1.explained.validation.explain-refusals=true",
                "oauth1.nonce-store.capacity=10000",
                "oauth1.validation.max-body-size=" + MAX_BODY);
        String page = "<%@ page contentType=\"text/html;charset=UTF-8\" %><html><body><h1>Invalid signature</h1>"
                + "<p id=\"problem\">${requestScope['io.github.oauthconsumer.oauth_problem']}</p></body></html>";
        return ItSupport.war("validation.war", config, ValidationApplication.class, ValidatedResource.class, LogRecorder.class,
                        ClassLevelResource.class, PlatformDirectory.class, CountingNonceStore.class)
                .addAsResource(new StringAsset(TestCertificates.selfSignedCertificatePem(RSA, RSA_KEY)), "rsa-platform.pem")
                .addAsWebResource(new StringAsset(page), "invalid-signature.jsp");
    }

    @AfterAll
    static void closeSigner() {
        JERSEY.close();
    }

    // --- accepted requests ----------------------------------------------------------------------

    @Test
    void headerTransportSignedByJerseysClientFilterIsAccepted() {
        Feature oauth = OAuth1ClientSupport.builder(new ConsumerCredentials(KEY, SECRET)).feature().build();
        Client client = ClientBuilder.newBuilder().register(oauth).build();
        try (Response response = client.target(url("api/v/hmac")).queryParam("greeting", "hello world ☃")
                .request().get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            Map<String, String> echo = lines(body);
            assertEquals(KEY, echo.get("consumerKey"));
            assertEquals("hmac", echo.get("consumerName"));
            assertEquals("HMAC-SHA1", echo.get("signatureMethod"));
            assertEquals("hello world ☃", echo.get("signed.greeting"));
        } finally {
            client.close();
        }
    }

    @Test
    void queryTransportIsAccepted() throws Exception {
        String url = url("api/v/hmac?greeting=" + enc("a+b & c"));
        OAuth1Parameters signed = sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "&" + JerseySigner.formEncoded(signed))));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("a+b & c", lines(response.body()).get("signed.greeting"));
    }

    @Test
    void formTransportIsAcceptedAndTheFormStillReachesFormParam() throws Exception {
        String url = url("api/v/hmac/form-param");
        List<Param> form = List.of(new Param("greeting", "Grüße & more"));
        OAuth1Parameters signed = sign("POST", url, form, protocol(KEY, "HMAC-SHA1"), SECRET);

        HttpResponse<String> response = send(formPost(url, JerseySigner.formEncoded(form) + "&" + JerseySigner.formEncoded(signed)));

        assertEquals(200, response.statusCode(), response.body());
        Map<String, String> echo = lines(response.body());
        assertEquals("Grüße & more", echo.get("form.greeting"));
        assertEquals(KEY, echo.get("consumerKey"));
    }

    @Test
    void aFormInIso88591IsVerifiedAndReadInThatCharset() throws Exception {
        String url = url("api/v/hmac/form-param");
        List<Param> form = List.of(new Param("greeting", "Gr\u00fc\u00dfe"));
        OAuth1Parameters signed = sign("POST", url, form, protocol(KEY, "HMAC-SHA1"), SECRET);

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofString("greeting=Gr%FC%DFe&" + JerseySigner.formEncoded(signed))));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Gr\u00fc\u00dfe", lines(response.body()).get("form.greeting"));
    }

    @Test
    void aFormInACharsetNobodyKnowsIsRefusedWith415() throws Exception {
        String url = url("api/v/hmac/form-param");
        List<Param> form = List.of(new Param("greeting", "hello"));
        OAuth1Parameters signed = sign("POST", url, form, protocol(KEY, "HMAC-SHA1"), SECRET);

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=nonexistent")
                .POST(HttpRequest.BodyPublishers.ofString(JerseySigner.formEncoded(form) + "&" + JerseySigner.formEncoded(signed))));

        assertEquals(415, response.statusCode(), response.body());
    }

    @Test
    void aSignedBodyWithAWildcardTypeIsNoFormAndNoError() throws Exception {
        String url = url("api/v/hmac/form-param");
        for (String type : List.of("application/*", "*/*")) {
            List<Param> form = List.of(new Param("greeting", "hello"));
            OAuth1Parameters signed = sign("POST", url, form, protocol(KEY, "HMAC-SHA1"), SECRET);

            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(JerseySigner.formEncoded(form) + "&" + JerseySigner.formEncoded(signed))));

            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, type + ": " + response.statusCode()
                    + " " + response.body());
        }
    }

    @Test
    void aFormWithTheSignatureInTheHeaderStillReachesAMultivaluedMap() throws Exception {
        String url = url("api/v/hmac/form-map");
        List<Param> form = List.of(new Param("tag", "b"), new Param("tag", "a"), new Param("note", "x=y&z"));
        OAuth1Parameters signed = sign("POST", url, form, protocol(KEY, "HMAC-SHA1"), SECRET);

        HttpResponse<String> response = send(formPost(url, JerseySigner.formEncoded(form))
                .header("Authorization", JerseySigner.authorizationHeader(signed)));

        assertEquals(200, response.statusCode(), response.body());
        Map<String, String> echo = lines(response.body());
        assertEquals("b,a", echo.get("form.tag"));
        assertEquals("x=y&z", echo.get("form.note"));
        assertEquals("b,a", echo.get("signed.tag"));
    }

    @Test
    void anLti11BasicLaunchIsAcceptedAndItsParametersReachTheResource() throws Exception {
        String url = url("api/v/lti");
        List<Param> form = List.of(
                new Param("lti_message_type", "basic-lti-launch-request"),
                new Param("lti_version", "LTI-1p0"),
                new Param("resource_link_id", "429785226"),
                new Param("resource_link_title", "Week 1: Introduction à l'algèbre"),
                new Param("user_id", "292832126"),
                new Param("roles", "Instructor,urn:lti:instrole:ims/lis/Administrator"),
                new Param("context_id", "456434513"),
                new Param("launch_presentation_return_url", "https://lms.example.edu/course/1?done=true&x=%20"),
                new Param("tool_consumer_instance_guid", "lms.example.edu"));
        OAuth1Parameters protocol = protocol(LTI_KEY, "HMAC-SHA1");
        protocol.callback("about:blank");
        OAuth1Parameters signed = sign("POST", url, form, protocol, LTI_SECRET);

        HttpResponse<String> response = send(formPost(url, JerseySigner.formEncoded(form) + "&" + JerseySigner.formEncoded(signed)));

        assertEquals(200, response.statusCode(), response.body());
        Map<String, String> echo = lines(response.body());
        assertEquals(LTI_KEY, echo.get("consumerKey"));
        assertEquals("basic-lti-launch-request", echo.get("form.lti_message_type"));
        assertEquals("LTI-1p0", echo.get("form.lti_version"));
        assertEquals("429785226", echo.get("form.resource_link_id"));
        assertEquals("292832126", echo.get("form.user_id"));
        assertEquals("Instructor,urn:lti:instrole:ims/lis/Administrator", echo.get("form.roles"));
        assertEquals("Week 1: Introduction à l'algèbre", echo.get("signed.resource_link_title"));
        assertEquals("https://lms.example.edu/course/1?done=true&x=%20", echo.get("signed.launch_presentation_return_url"));
    }

    @Test
    void rsaSha1WithAnAcceptedConsumersCertificateIsAccepted() throws Exception {
        String url = url("api/v/hmac");
        OAuth1Parameters signed = sign("GET", url, List.of(), protocol(RSA_KEY, "RSA-SHA1"),
                TestCertificates.privateKeyBase64(RSA));

        HttpResponse<String> response = send(get(url, JerseySigner.authorizationHeader(signed)));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(RSA_KEY, lines(response.body()).get("consumerKey"));
        assertEquals("RSA-SHA1", lines(response.body()).get("signatureMethod"));
    }

    @Test
    void theApplicationsConsumerSecretLookupAcceptsMoreKeys() throws Exception {
        String url = url("api/v/hmac");
        OAuth1Parameters signed = sign("GET", url, List.of(), protocol(PlatformDirectory.KEY, "HMAC-SHA1"),
                PlatformDirectory.SECRET);

        HttpResponse<String> response = send(get(url, JerseySigner.authorizationHeader(signed)));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(PlatformDirectory.KEY, lines(response.body()).get("consumerKey"));
    }

    @Test
    void anAlternativeNonceStoreOfTheApplicationReplacesTheDefault() throws Exception {
        long before = Long.parseLong(lines(send(HttpRequest.newBuilder(URI.create(url("api/v/nonces-registered")))).body())
                .get("registered"));
        String url = url("api/v/hmac");
        OAuth1Parameters signed = sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);
        assertEquals(200, send(get(url, JerseySigner.authorizationHeader(signed))).statusCode());

        long after = Long.parseLong(lines(send(HttpRequest.newBuilder(URI.create(url("api/v/nonces-registered")))).body())
                .get("registered"));

        assertEquals(before + 1, after, "the valid request's nonce went to the application's store");
    }

    @Test
    void anAnnotatedClassProtectsItsMethods() throws Exception {
        String url = url("api/class-level");
        assertProblem(send(HttpRequest.newBuilder(URI.create(url))), 400, "parameter_absent", REALM);

        OAuth1Parameters signed = sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);
        HttpResponse<String> response = send(get(url, JerseySigner.authorizationHeader(signed)));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(KEY, lines(response.body()).get("consumerKey"));
    }

    @Test
    void aResourceWithoutTheAnnotationIsNotChecked() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("api/v/open"))));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("false", lines(response.body()).get("validated"));
    }

    // --- refusals -------------------------------------------------------------------------------

    @Test
    void theSameRequestReplayedIsRefusedWithNonceUsed() throws Exception {
        String url = url("api/v/hmac");
        String authorization = JerseySigner.authorizationHeader(sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET));

        assertEquals(200, send(get(url, authorization)).statusCode());
        assertProblem(send(get(url, authorization)), 401, "nonce_used", REALM);
    }

    @Test
    void aTimestampAnHourOldIsRefused() throws Exception {
        String url = url("api/v/hmac");
        OAuth1Parameters protocol = protocol(KEY, "HMAC-SHA1").timestamp(Long.toString(now() - 3600));

        HttpResponse<String> response = send(get(url, JerseySigner.authorizationHeader(sign("GET", url, List.of(), protocol, SECRET))));

        assertProblem(response, 401, "timestamp_refused", REALM);
        String acceptable = form(response.body()).get("oauth_acceptable_timestamps");
        long from = Long.parseLong(acceptable.substring(0, acceptable.indexOf('-')));
        assertTrue(from > now() - 3600, acceptable);
    }

    @Test
    void aWrongSecretIsRefusedWithSignatureInvalid() throws Exception {
        String url = url("api/v/hmac");
        OAuth1Parameters signed = sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET + "x");

        HttpResponse<String> response = send(get(url, JerseySigner.authorizationHeader(signed)));

        assertProblem(response, 401, "signature_invalid", REALM);
        assertEquals(null, form(response.body()).get("oauth_signature_base_string"), "explained only when switched on");
    }

    @Test
    void anExplainedRefusalShowsTheBaseStringAndUrlOfTheServerButNoSecret() throws Exception {
        String url = url("api/v/explained?a=1");
        OAuth1Parameters signed = sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET + "x");

        HttpResponse<String> response = send(get(url + "&b=2", JerseySigner.authorizationHeader(signed)));

        assertProblem(response, 401, "signature_invalid", "explained");
        Map<String, String> body = form(response.body());
        String baseString = body.get("oauth_signature_base_string");
        assertTrue(baseString.startsWith("GET&http%3A%2F%2F") && baseString.contains("%2Fapi%2Fv%2Fexplained&a%3D1%26b%3D2%26"),
                response.body());
        assertTrue(baseString.contains("oauth_consumer_key%3D" + KEY), baseString);
        assertEquals(url + "&b=2", body.get("oauth_request_url"));
        for (String hidden : List.of(SECRET, enc(SECRET), signed.getSignature(), enc(signed.getSignature()))) {
            assertTrue(!response.body().contains(hidden), "no secret, no signature: " + response.body());
        }
    }

    @Test
    void anUnknownConsumerKeyIsRefused() throws Exception {
        String url = url("api/v/hmac");
        OAuth1Parameters signed = sign("GET", url, List.of(), protocol("nobody", "HMAC-SHA1"), SECRET);

        assertProblem(send(get(url, JerseySigner.authorizationHeader(signed))), 401, "consumer_key_unknown", REALM);
    }

    @Test
    void aFormValueChangedAfterSigningIsRefused() throws Exception {
        String url = url("api/v/hmac/form-param");
        OAuth1Parameters signed = sign("POST", url, List.of(new Param("greeting", "hello")), protocol(KEY, "HMAC-SHA1"), SECRET);

        HttpResponse<String> response = send(formPost(url, "greeting=hullo")
                .header("Authorization", JerseySigner.authorizationHeader(signed)));

        assertProblem(response, 401, "signature_invalid", REALM);
    }

    @Test
    void anExtraUnsignedParameterIsRefused() throws Exception {
        String url = url("api/v/hmac?a=1");
        OAuth1Parameters signed = sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);

        assertProblem(send(get(url + "&b=2", JerseySigner.authorizationHeader(signed))), 401, "signature_invalid", REALM);
    }

    @Test
    void aRequestWithoutOAuthSignatureIsMalformed() throws Exception {
        String url = url("api/v/hmac");

        HttpResponse<String> response = send(get(url, JerseySigner.authorizationHeader(protocol(KEY, "HMAC-SHA1"))));

        assertProblem(response, 400, "parameter_absent", REALM);
        assertEquals("oauth_signature", form(response.body()).get("oauth_parameters_absent"));
    }

    @Test
    void aDuplicatedProtocolParameterIsMalformed() throws Exception {
        String url = url("api/v/hmac");
        String authorization = JerseySigner.authorizationHeader(sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET));

        HttpResponse<String> response = send(get(url, authorization + ", oauth_nonce=\"another\""));

        assertProblem(response, 400, "parameter_rejected", REALM);
        assertEquals("oauth_nonce", form(response.body()).get("oauth_parameters_rejected"));
    }

    @Test
    void protocolParametersInTwoPlacesAreMalformed() throws Exception {
        String url = url("api/v/hmac");
        String authorization = JerseySigner.authorizationHeader(sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET));

        assertProblem(send(get(url + "?oauth_nonce=elsewhere", authorization)), 400, "parameter_rejected", REALM);
    }

    @Test
    void anUnsupportedSignatureMethodIsMalformed() throws Exception {
        String url = url("api/v/hmac");
        OAuth1Parameters md5 = sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET).signatureMethod("HMAC-MD5");
        assertProblem(send(get(url, JerseySigner.authorizationHeader(md5))), 400, "signature_method_rejected", REALM);

        OAuth1Parameters plaintext = sign("GET", url, List.of(), protocol(KEY, "PLAINTEXT"), SECRET);
        assertProblem(send(get(url, JerseySigner.authorizationHeader(plaintext))), 400, "signature_method_rejected", REALM);
    }

    @Test
    void garbageAndBasicAuthorizationHeadersGetAClientErrorNeverA500() throws Exception {
        String url = url("api/v/hmac");
        for (String header : List.of("OAuth !!!", "OAuth oauth_consumer_key=\"unterminated", "OAuth oauth_nonce=%zz",
                "Basic dXNlcjpwYXNzd29yZA==", "Bearer abc.def.ghi", "}{ garbage", "OAuth ,,,", "OAuth")) {
            HttpResponse<String> response = send(get(url, header));

            assertTrue(response.statusCode() == 400 || response.statusCode() == 401, header + " -> " + response.statusCode());
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("OAuth realm=\"" + REALM + "\""),
                    header);
        }
    }

    @Test
    void aMalformedContentTypeGetsAClientError() throws Exception {
        String url = url("api/v/hmac/form-param");
        OAuth1Parameters signed = sign("POST", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded; charset")
                .header("Authorization", JerseySigner.authorizationHeader(signed))
                .POST(HttpRequest.BodyPublishers.ofString("greeting=hello")));

        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, "status " + response.statusCode());
    }

    @Test
    void a64KiBHeaderGetsAClientErrorAndTheServerStillAnswersTheNextRequest() throws Exception {
        String url = url("api/v/hmac");
        String huge = "OAuth oauth_consumer_key=\"" + "k".repeat(64 * 1024) + "\"";

        HttpResponse<String> response = send(get(url, huge));

        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, "status " + response.statusCode());
        OAuth1Parameters signed = sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);
        assertEquals(200, send(get(url, JerseySigner.authorizationHeader(signed))).statusCode());
    }

    @Test
    void aBodyLargerThanTheLimitGets413() throws Exception {
        String url = url("api/v/hmac/json");
        OAuth1Parameters signed = sign("POST", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", JerseySigner.authorizationHeader(signed))
                .POST(HttpRequest.BodyPublishers.ofString("[" + "1,".repeat(MAX_BODY / 2) + "1]")));

        assertEquals(413, response.statusCode());
    }

    // --- body hash ------------------------------------------------------------------------------

    @Test
    void aJsonBodyWithItsBodyHashIsAcceptedAndReachesTheResource() throws Exception {
        String body = "{\"event\":\"grade\",\"score\":0.93,\"note\":\"très bien\"}";

        HttpResponse<String> response = sendJson("api/v/hmac/json", body, bodyHash(body));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(body, lines(response.body()).get("body"));
    }

    @Test
    void aJsonBodyWithAWrongBodyHashIsRefused() throws Exception {
        String body = "{\"event\":\"grade\",\"score\":0.93}";

        HttpResponse<String> response = sendJson("api/v/hmac/json", body, bodyHash(body.replace("0.93", "1.00")));

        assertProblem(response, 401, "signature_invalid", REALM);
    }

    @Test
    void whenBodyHashesAreRequiredABodyWithoutOneIsMalformed() throws Exception {
        String body = "{\"event\":\"grade\"}";

        assertProblem(sendJson("api/v/strict/json", body, null), 400, "parameter_absent", "strict");
        assertEquals(200, sendJson("api/v/strict/json", body, bodyHash(body)).statusCode());
    }

    // --- URL behind a proxy ---------------------------------------------------------------------

    @Test
    void forwardedHeadersGiveTheSignedUrlWhenTheProxyIsTrusted() throws Exception {
        String publicUrl = "https://tool.example.edu" + contextPath() + "api/v/proxied";
        OAuth1Parameters xForwarded = sign("GET", publicUrl, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);
        HttpResponse<String> response = send(get(url("api/v/proxied"), JerseySigner.authorizationHeader(xForwarded))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "tool.example.edu"));
        assertEquals(200, response.statusCode(), response.body());

        OAuth1Parameters forwarded = sign("GET", publicUrl, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);
        response = send(get(url("api/v/proxied"), JerseySigner.authorizationHeader(forwarded))
                .header("Forwarded", "for=192.0.2.60;proto=https;host=tool.example.edu"));
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void forwardedHeadersAreIgnoredWhenTheProxyIsNotTrusted() throws Exception {
        String publicUrl = "https://tool.example.edu" + contextPath() + "api/v/direct";
        OAuth1Parameters signed = sign("GET", publicUrl, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);

        HttpResponse<String> response = send(get(url("api/v/direct"), JerseySigner.authorizationHeader(signed))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "tool.example.edu"));

        assertProblem(response, 401, "signature_invalid", "direct");
        OAuth1Parameters direct = sign("GET", url("api/v/direct"), List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);
        assertEquals(200, send(get(url("api/v/direct"), JerseySigner.authorizationHeader(direct))).statusCode());
    }

    @Test
    void aPublicBaseUrlGivesTheSignedUrl() throws Exception {
        OAuth1Parameters signed = sign("GET", "https://lti.example.edu/tool/api/v/public", List.of(),
                protocol(KEY, "HMAC-SHA1"), SECRET);

        HttpResponse<String> response = send(get(url("api/v/public"), JerseySigner.authorizationHeader(signed)));

        assertEquals(200, response.statusCode(), response.body());
    }

    // --- invalid-signature page -----------------------------------------------------------------

    @Test
    void theConfiguredInvalidSignaturePageIsShownWithStatus401() throws Exception {
        String url = url("api/v/paged");
        OAuth1Parameters signed = sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), "wrong secret");

        HttpResponse<String> response = send(get(url, JerseySigner.authorizationHeader(signed)));

        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), response.headers().toString());
        assertTrue(response.body().contains("<h1>Invalid signature</h1>"), response.body());
        assertTrue(response.body().contains("<p id=\"problem\">signature_invalid</p>"), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("oauth_problem=\"signature_invalid\""));
    }

    @Test
    void theInvalidSignaturePageKeepsStatus400ForAMalformedRequest() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("api/v/paged"))));

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("<p id=\"problem\">parameter_absent</p>"), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("oauth_problem=\"parameter_absent\""));
    }

    @Test
    void refusedRequestsLogNoStackTraceAndAtMostOneLine() throws Exception {
        String log = url("api/log");
        assertEquals(204, send(HttpRequest.newBuilder(URI.create(log)).DELETE()).statusCode());
        for (int i = 0; i < 5; i++) {
            String paged = url("api/v/paged");
            OAuth1Parameters forged = sign("GET", paged, List.of(), protocol(KEY, "HMAC-SHA1"), "wrong secret");
            assertEquals(401, send(get(paged, JerseySigner.authorizationHeader(forged))).statusCode());
            assertEquals(400, send(HttpRequest.newBuilder(URI.create(paged))).statusCode());
            assertEquals(400, send(get(url("api/v/hmac"), "OAuth oauth_consumer_key=\"a\", oauth_consumer_key=\"b\"")).statusCode());
            assertEquals(400, send(get(url("api/v/hmac"), "OAuth =,=\"")).statusCode());
        }

        List<String> lines = send(HttpRequest.newBuilder(URI.create(log))).body().lines().toList();

        assertTrue(!lines.isEmpty() && lines.get(0).endsWith("|" + LogRecorder.MARKER), () -> "the server's log is not recorded: " + lines);

        assertTrue(lines.stream().noneMatch(line -> line.contains("|true|")), () -> "stack traces logged:\n" + String.join("\n", lines));
        assertTrue(lines.stream().filter(line -> line.contains("|io.github.oauthconsumer")).count() <= 1,
                () -> "more than one line for 20 refusals:\n" + String.join("\n", lines));
    }

    // --- concurrency ----------------------------------------------------------------------------

    @Test
    void concurrentRequestsSharingNoncesAreEachAcceptedExactlyOnce() throws Exception {
        String url = url("api/v/hmac");
        int nonces = 12;
        int copies = 4;
        List<String[]> work = new ArrayList<>();
        for (int n = 0; n < nonces; n++) {
            OAuth1Parameters signed = sign("GET", url, List.of(), protocol(KEY, "HMAC-SHA1"), SECRET);
            for (int c = 0; c < copies; c++) {
                work.add(new String[] {signed.get("oauth_nonce"), JerseySigner.authorizationHeader(signed)});
            }
        }
        Collections.shuffle(work, new Random(5849));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<String, List<Integer>> statuses = new HashMap<>();
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (String[] request : work) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return send(get(url, request[1]));
                }));
            }
            start.countDown();
            for (int i = 0; i < work.size(); i++) {
                HttpResponse<String> response = sent.get(i).get(60, TimeUnit.SECONDS);
                if (response.statusCode() != 200) {
                    assertProblem(response, 401, "nonce_used", REALM);
                }
                statuses.computeIfAbsent(work.get(i)[0], nonce -> new ArrayList<>()).add(response.statusCode());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(nonces, statuses.size());
        statuses.forEach((nonce, codes) -> assertEquals(1, Collections.frequency(codes, 200), nonce + " " + codes));
    }

    // --- helpers --------------------------------------------------------------------------------

    private HttpResponse<String> sendJson(String path, String body, String bodyHash) throws Exception {
        String url = url(path);
        OAuth1Parameters protocol = protocol(KEY, "HMAC-SHA1");
        if (bodyHash != null) {
            protocol.put("oauth_body_hash", bodyHash);
        }
        OAuth1Parameters signed = sign("POST", url, List.of(), protocol, SECRET);
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Authorization", JerseySigner.authorizationHeader(signed))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static String bodyHash(String body) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static OAuth1Parameters sign(String method, String url, List<Param> form, OAuth1Parameters protocol, String secret) {
        return JERSEY.sign(method, url, form, protocol, secret);
    }

    private static OAuth1Parameters protocol(String consumerKey, String method) {
        return new OAuth1Parameters().consumerKey(consumerKey).signatureMethod(method)
                .timestamp(Long.toString(now())).nonce("it-" + System.nanoTime() + "-" + NONCES.incrementAndGet()).version();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private String url(String path) {
        return ItSupport.loopback(deploymentUrl).resolve(path).toString();
    }

    private String contextPath() {
        return ItSupport.loopback(deploymentUrl).getRawPath();
    }

    private static HttpRequest.Builder get(String url, String authorization) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization);
    }

    private static HttpRequest.Builder formPost(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String problem, String realm) {
        assertEquals(status, response.statusCode(), () -> response.body() + "\n" + ItSupport.seeServerLog(SignatureValidationIT.class));
        assertEquals(problem, form(response.body()).get("oauth_problem"), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertEquals("OAuth realm=\"" + realm + "\", oauth_problem=\"" + problem + "\"", challenge);
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package io.github.oauthconsumer.it.signing;

import io.github.oauthconsumer.it.ItSupport;
import io.github.oauthconsumer.testprovider.EchoResponse;
import io.github.oauthconsumer.testprovider.IssuedToken;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
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
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outgoing signing inside a real Payara Micro: a WAR injects {@code @OAuthConsumer("provider")
 * SignedClient} and a MicroProfile Rest Client interface annotated {@code @OAuthConsumer}, and calls
 * an OAuth 1.0a provider this project did not write (Jersey's oauth1-server, running in the test
 * JVM on 127.0.0.1), which accepts only correctly signed requests.
 */
@ExtendWith(ArquillianExtension.class)
class SigningIT {

    private static final String CONSUMER_KEY = "it-consumer";
    private static final String CONSUMER_SECRET = "it secret & more";
    private static JerseyOAuthProvider provider;

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        provider = JerseyOAuthProvider.start().registerConsumer(CONSUMER_KEY, CONSUMER_SECRET)
                .registerConsumer(ProducedConsumer.KEY, ProducedConsumer.SECRET).reportsBaseStrings();
        List<String> config = List.of(
                "oauth1.provider.consumer-key=" + CONSUMER_KEY,
                "oauth1.provider.consumer-secret=" + CONSUMER_SECRET,
                "oauth1.provider.read-timeout=10s",
                "provider.base-url=" + provider.baseUri(),
                "provider-api/mp-rest/url=" + provider.baseUri());
        return ItSupport.war("signing.war", config,
                SigningApplication.class, CallsResource.class, ProviderApi.class, ProducedConsumer.class);
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void signedClientMakesTwoLeggedCallsTheProviderAccepts() throws Exception {
        EchoResponse echo = EchoResponse.parse(get("api/calls/two-legged"));

        assertEquals(CONSUMER_KEY, echo.consumerKey());
        assertEquals("hello world ☃", echo.queryParam("greeting"));
        assertEquals("HMAC-SHA1", echo.signatureMethod());
    }

    @Test
    void aRefusalForAWrongTokenSecretCarriesItsDiagnosisAndNoSecret() throws Exception {
        IssuedToken token = provider.issueAccessToken(CONSUMER_KEY);
        String wrong = "not-" + token.secret();

        String answer = get("api/calls/refused?token=" + token.token() + "&secret="
                + java.net.URLEncoder.encode(wrong, java.nio.charset.StandardCharsets.UTF_8));

        assertTrue(answer.startsWith("SECRET\nSignatureDiagnosis[signature_invalid]"), answer);
        assertTrue(answer.contains("status (form body)") && answer.contains("oauth_token (Authorization header)"), answer);
        assertTrue(answer.contains("likely cause: SECRET; see diagnosis()"), answer);
        for (String secret : List.of(wrong, token.secret(), CONSUMER_SECRET)) {
            assertFalse(answer.contains(secret), answer);
        }
    }

    @Test
    void signedClientMakesThreeLeggedFormPostsTheProviderAccepts() throws Exception {
        IssuedToken token = provider.issueAccessToken(CONSUMER_KEY);

        EchoResponse echo = EchoResponse.parse(get("api/calls/three-legged?token=" + token.token()
                + "&secret=" + java.net.URLEncoder.encode(token.secret(), java.nio.charset.StandardCharsets.UTF_8)));

        assertEquals(token.token(), echo.token());
        assertEquals("POST", echo.method());
        assertEquals("Hello Ladies + Gentlemen, a signed OAuth request!", echo.formParam("status"));
    }

    @Test
    void consumerConfiguredByAnApplicationProducerSigns() throws Exception {
        EchoResponse echo = EchoResponse.parse(get("api/calls/produced"));

        assertEquals(ProducedConsumer.KEY, echo.consumerKey());
    }

    @Test
    void restClientInterfaceAnnotatedWithOAuthConsumerIsSigned() throws Exception {
        EchoResponse echo = EchoResponse.parse(get("api/calls/rest-client"));

        assertEquals(CONSUMER_KEY, echo.consumerKey());
        assertEquals("from the rest client", echo.queryParam("greeting"));
    }

    @Test
    void restClientFormPostsAreSignedWithTheirParameters() throws Exception {
        EchoResponse echo = EchoResponse.parse(get("api/calls/rest-client-form"));

        assertEquals(CONSUMER_KEY, echo.consumerKey());
        assertEquals("a form from the rest client", echo.formParam("greeting"));
    }

    private String get(String path) throws IOException, InterruptedException {
        URI uri = ItSupport.loopback(deploymentUrl).resolve(path);
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), () -> response.body() + "\nprovider saw: " + provider.exchanges()
                + "\n" + ItSupport.seeServerLog(SigningIT.class));
        return response.body();
    }
}

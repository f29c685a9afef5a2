package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.api.SignedRequest;
import io.github.oauthconsumer.config.ConfigKeys;
import io.github.oauthconsumer.testprovider.EchoResponse;
import io.github.oauthconsumer.testprovider.IssuedToken;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import io.github.oauthconsumer.testprovider.RecordedExchange;
import io.github.oauthconsumer.testprovider.TestCertificates;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests signed by CDI-injected {@link SignedClient}s, verified by the independent Jersey
 * provider on 127.0.0.1: every signature method it supports, every transport, query and form
 * parameters, body hashes, 2- and 3-legged, synchronous, asynchronous and through {@code target}.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedClientSigningTest {

    private static final String KEY = "signing-consumer";
    private static final String SECRET = "signing-secret";
    private static final String RSA_KEY = "rsa-consumer";

    private final KeyPair rsa = TestCertificates.newRsaKeyPair();
    private final JerseyOAuthProvider provider = JerseyOAuthProvider.start()
            .registerConsumer(KEY, SECRET)
            .registerRsaConsumer(RSA_KEY, rsa);
    private final Path pkcs1File = write(RsaPem.pkcs1(rsa));

    @WeldSetup
    WeldInitiator weld = OAuthWeld.initiator(new ConfigProperties()
            .hmac("hmac", KEY, SECRET)
            .hmac("plaintext", KEY, SECRET).set("plaintext", ConfigKeys.SIGNATURE_METHOD, "PLAINTEXT")
            .set("rsa-pkcs8", ConfigKeys.CONSUMER_KEY, RSA_KEY, ConfigKeys.SIGNATURE_METHOD, "RSA-SHA1",
                    ConfigKeys.PRIVATE_KEY, RsaPem.pkcs8(rsa))
            .set("rsa-pkcs1", ConfigKeys.CONSUMER_KEY, RSA_KEY, ConfigKeys.SIGNATURE_METHOD, "RSA-SHA1",
                    ConfigKeys.PRIVATE_KEY_LOCATION, pkcs1File.toString())
            .hmac("query", KEY, SECRET).set("query", ConfigKeys.TRANSPORT, "query")
            .hmac("body", KEY, SECRET).set("body", ConfigKeys.TRANSPORT, "body")
            .hmac("hash", KEY, SECRET).set("hash", ConfigKeys.BODY_HASH, "true"), Clients.class);

    @Inject
    Clients clients;

    @AfterAll
    void stop() throws IOException {
        provider.close();
        Files.deleteIfExists(pkcs1File);
    }

    @Test
    void twoLeggedGetSignsRepeatedAndUnicodeQueryParameters() {
        EchoResponse echo = echo(clients.hmac.send(SignedRequest.get(provider.twoLeggedUri() + "?page=2")
                .queryParam("q", "a b").queryParam("q", "c+d")
                .queryParam("ünï", "€ & = ~ *")
                .build()));

        assertEquals("two-legged", echo.endpoint());
        assertEquals(KEY, echo.consumerKey());
        assertNull(echo.token());
        assertEquals("HMAC-SHA1", echo.signatureMethod());
        assertEquals(List.of("2"), echo.query().get("page"));
        assertEquals(List.of("a b", "c+d"), echo.query().get("q"));
        assertEquals(List.of("€ & = ~ *"), echo.query().get("ünï"));
        assertTrue(lastExchange().authorization().startsWith("OAuth "), lastExchange().authorization());
    }

    @Test
    void threeLeggedGetSignsWithTheAccessToken() {
        AccessToken token = accessToken(KEY);

        EchoResponse echo = echo(clients.hmac.get(provider.echoUri() + "?x=1", token));

        assertEquals("echo", echo.endpoint());
        assertEquals(token.token(), echo.token());
        assertEquals(JerseyOAuthProvider.DEFAULT_USER, echo.user());
        assertEquals("1", echo.queryParam("x"));
    }

    @Test
    void formPostWithFormParamsIsSigned() {
        AccessToken token = accessToken(KEY);

        EchoResponse echo = echo(clients.hmac.send(SignedRequest.post(provider.echoUri().toString())
                .formParam("status", "hello world & more").formParam("status", "é ü")
                .formParam("empty", "")
                .token(token).build()));

        assertEquals("POST", echo.method());
        assertEquals(List.of("hello world & more", "é ü"), echo.form().get("status"));
        assertEquals(List.of(""), echo.form().get("empty"));
        assertTrue(echo.contentType().startsWith(MediaType.APPLICATION_FORM_URLENCODED), echo.contentType());
    }

    @Test
    void formPostFromAMapLeavesTheMapAlone() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("a", new ArrayList<>(List.of("1", "2")));
        form.put("b c", new ArrayList<>(List.of("x=y&z")));
        Map<String, List<String>> before = deepCopy(form);
        MultivaluedHashMap<String, String> jaxrsForm = new MultivaluedHashMap<>();
        jaxrsForm.add("d", "4");

        SignedRequest.Builder builder = SignedRequest.post(provider.twoLeggedUri().toString()).form(form).form(jaxrsForm);
        EchoResponse echo = echo(clients.hmac.send(builder.build()));
        form.get("a").add("added after build");

        assertEquals(List.of("1", "2"), echo.form().get("a"));
        assertEquals(List.of("x=y&z"), echo.form().get("b c"));
        assertEquals(List.of("4"), echo.form().get("d"));
        Map<String, List<String>> expectedAfter = deepCopy(before);
        expectedAfter.get("a").add("added after build");
        assertEquals(expectedAfter, form);
        assertEquals(Map.of("d", List.of("4")), jaxrsForm);
    }

    @Test
    void alreadyEncodedFormBodyHasItsParametersSigned() {
        EchoResponse echo = echo(clients.hash.send(SignedRequest.post(provider.twoLeggedUri().toString())
                .body("status=hello+world&x=%C3%A9&x=2", MediaType.APPLICATION_FORM_URLENCODED).build()));

        assertEquals("hello world", echo.formParam("status"));
        assertEquals(List.of("é", "2"), echo.form().get("x"));
        assertFalse(echo.oauthParameters().containsKey("oauth_body_hash"));
    }

    @Test
    void jsonPostCarriesTheBodyHashOfTheExactBody() {
        String json = "{\"text\":\"héllo wörld\",\"n\":[1,2,3]}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        EchoResponse echo = echo(clients.hash.send(SignedRequest.post(provider.echoUri().toString())
                .body(bytes, MediaType.APPLICATION_JSON).token(accessToken(KEY)).build()));

        assertEquals(json, echo.body());
        assertEquals(MediaType.APPLICATION_JSON, echo.contentType());
        assertEquals(sha1Base64(bytes), echo.oauthParameters().get("oauth_body_hash"));
    }

    @Test
    void getWithBodyHashHashesTheEmptyBody() {
        EchoResponse echo = echo(clients.hash.get(provider.twoLeggedUri().toString()));

        assertEquals(sha1Base64(new byte[0]), echo.oauthParameters().get("oauth_body_hash"));
    }

    @Test
    void withoutBodyHashConfiguredNoBodyHashIsSent() {
        EchoResponse echo = echo(clients.hmac.send(SignedRequest.put(provider.twoLeggedUri().toString())
                .body("{}", MediaType.APPLICATION_JSON).build()));

        assertEquals("PUT", echo.method());
        assertEquals("{}", echo.body());
        assertFalse(echo.oauthParameters().containsKey("oauth_body_hash"));
    }

    @Test
    void formPostsGetNoBodyHashEvenWhenConfigured() {
        EchoResponse echo = echo(clients.hash.send(SignedRequest.post(provider.twoLeggedUri().toString())
                .formParam("a", "b").build()));

        assertEquals("b", echo.formParam("a"));
        assertFalse(echo.oauthParameters().containsKey("oauth_body_hash"));
    }

    @ParameterizedTest
    @CsvSource({"hmac, HMAC-SHA1, signing-consumer", "plaintext, PLAINTEXT, signing-consumer",
            "rsa-pkcs8, RSA-SHA1, rsa-consumer", "rsa-pkcs1, RSA-SHA1, rsa-consumer"})
    void everySignatureMethodOfTheProviderIsAccepted(String name, String method, String consumerKey) {
        SignedClient client = clients.byName(name);
        AccessToken token = accessToken(consumerKey);

        EchoResponse twoLegged = echo(client.send(SignedRequest.post(provider.twoLeggedUri().toString())
                .queryParam("q", "1").formParam("f", "ü").build()));
        EchoResponse threeLegged = echo(client.get(provider.echoUri() + "?q=2", token));

        assertEquals(method, twoLegged.signatureMethod());
        assertEquals(consumerKey, twoLegged.consumerKey());
        assertEquals("ü", twoLegged.formParam("f"));
        assertEquals(method, threeLegged.signatureMethod());
        assertEquals(token.token(), threeLegged.token());
    }

    @Test
    void queryTransportPutsTheParametersInTheQuery() {
        AccessToken token = accessToken(KEY);

        EchoResponse echo = echo(clients.query.send(SignedRequest.get(provider.echoUri().toString())
                .queryParam("x", "a b").token(token).build()));

        assertNull(lastExchange().authorization());
        assertEquals("a b", echo.queryParam("x"));
        assertEquals(token.token(), echo.queryParam("oauth_token"));
        assertEquals(KEY, echo.queryParam("oauth_consumer_key"));
        assertTrue(echo.query().containsKey("oauth_signature"));
    }

    @Test
    void bodyTransportPutsTheParametersInTheForm() {
        EchoResponse echo = echo(clients.body.send(SignedRequest.post(provider.twoLeggedUri().toString())
                .formParam("status", "hi there").build()));

        assertNull(lastExchange().authorization());
        assertEquals("hi there", echo.formParam("status"));
        assertEquals(KEY, echo.formParam("oauth_consumer_key"));
        assertTrue(echo.form().containsKey("oauth_signature"));
        assertTrue(echo.query().isEmpty());
    }

    @Test
    void bodyTransportFallsBackToTheHeaderWithoutAForm() {
        EchoResponse echo = echo(clients.body.get(provider.twoLeggedUri() + "?x=1"));

        assertTrue(lastExchange().authorization().startsWith("OAuth "));
        assertEquals("1", echo.queryParam("x"));
        assertFalse(echo.query().containsKey("oauth_signature"));
    }

    @Test
    void sendAsyncSignsLikeSend() throws Exception {
        AccessToken token = accessToken(KEY);

        EchoResponse twoLegged = echo(clients.hmac.sendAsync(SignedRequest.get(provider.twoLeggedUri().toString())
                .queryParam("async", "yes").build()).toCompletableFuture().get(30, TimeUnit.SECONDS));
        EchoResponse echo = echo(clients.hash.sendAsync(SignedRequest.post(provider.echoUri().toString())
                .body("[1]", MediaType.APPLICATION_JSON).token(token).build()).toCompletableFuture().get(30, TimeUnit.SECONDS));

        assertEquals("yes", twoLegged.queryParam("async"));
        assertEquals(token.token(), echo.token());
        assertEquals(sha1Base64("[1]".getBytes(StandardCharsets.UTF_8)), echo.oauthParameters().get("oauth_body_hash"));
    }

    @Test
    void targetSignsEveryRequestTwoLegged() {
        Response response = clients.hmac.target(provider.twoLeggedUri().toString())
                .queryParam("q", "x y").request().post(Entity.form(new jakarta.ws.rs.core.Form("f", "1")));

        EchoResponse echo = echo(response);
        assertEquals(KEY, echo.consumerKey());
        assertNull(echo.token());
        assertEquals("x y", echo.queryParam("q"));
        assertEquals("1", echo.formParam("f"));
    }

    @Test
    void targetWithTokenSignsThreeLegged() {
        AccessToken token = accessToken(KEY);

        Response response = clients.hmac.target(provider.echoUri().toString(), token).queryParam("q", "1").request().get();

        EchoResponse echo = echo(response);
        assertEquals(token.token(), echo.token());
        assertEquals("1", echo.queryParam("q"));
    }

    @Test
    void targetHashesAStreamedBodyAfterItIsWritten() {
        byte[] bytes = "{\"streamed\":true,\"ü\":1}".getBytes(StandardCharsets.UTF_8);

        Response response = clients.hash.target(provider.twoLeggedUri().toString()).request()
                .post(Entity.entity(new ByteArrayInputStream(bytes), MediaType.APPLICATION_JSON_TYPE));

        EchoResponse echo = echo(response);
        assertEquals(new String(bytes, StandardCharsets.UTF_8), echo.body());
        assertEquals(sha1Base64(bytes), echo.oauthParameters().get("oauth_body_hash"));
    }

    @Test
    void deleteWithTokenIsSigned() {
        AccessToken token = accessToken(KEY);

        EchoResponse echo = echo(clients.hmac.send(SignedRequest.delete(provider.echoUri() + "/").token(token)
                .header("X-Extra", "kept").build()));

        assertEquals("DELETE", echo.method());
        assertEquals(token.token(), echo.token());
    }

    private EchoResponse echo(Response response) {
        try (response) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            EchoResponse echo = EchoResponse.parse(body);
            assertEquals(echo, provider.lastEcho());
            return echo;
        }
    }

    private RecordedExchange lastExchange() {
        List<RecordedExchange> exchanges = provider.exchanges();
        return exchanges.get(exchanges.size() - 1);
    }

    private AccessToken accessToken(String consumerKey) {
        IssuedToken issued = provider.issueAccessToken(consumerKey);
        return new AccessToken(issued.token(), issued.secret(), issued.sessionHandle(), null, null, Map.of());
    }

    private static String sha1Base64(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> deepCopy(Map<String, List<String>> map) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
        return copy;
    }

    private static Path write(String pem) {
        try {
            Path file = Files.createTempFile("oauth1-pkcs1-", ".pem");
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The consumers under test, injected into a bean as an application would. */
    @Dependent
    static class Clients {
        @Inject
        @OAuthConsumer("hmac")
        SignedClient hmac;
        @Inject
        @OAuthConsumer("plaintext")
        SignedClient plaintext;
        @Inject
        @OAuthConsumer("rsa-pkcs8")
        SignedClient rsaPkcs8;
        @Inject
        @OAuthConsumer("rsa-pkcs1")
        SignedClient rsaPkcs1;
        @Inject
        @OAuthConsumer("query")
        SignedClient query;
        @Inject
        @OAuthConsumer("body")
        SignedClient body;
        @Inject
        @OAuthConsumer("hash")
        SignedClient hash;

        SignedClient byName(String name) {
            SignedClient client = switch (name) {
                case "hmac" -> hmac;
                case "plaintext" -> plaintext;
                case "rsa-pkcs8" -> rsaPkcs8;
                case "rsa-pkcs1" -> rsaPkcs1;
                default -> throw new IllegalArgumentException(name);
            };
            assertEquals(name, client.name());
            return client;
        }
    }
}

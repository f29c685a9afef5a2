package io.github.oauthconsumer.testprovider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.glassfish.jersey.client.oauth1.AccessToken;
import org.glassfish.jersey.client.oauth1.ConsumerCredentials;
import org.glassfish.jersey.client.oauth1.OAuth1AuthorizationFlow;
import org.glassfish.jersey.client.oauth1.OAuth1ClientSupport;
import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.oauth1.signature.OAuth1Request;
import org.glassfish.jersey.oauth1.signature.OAuth1Secrets;
import org.glassfish.jersey.uri.UriComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves the test provider with Jersey's own OAuth 1 client only, so that tests of this project
 * can trust a 401 from it.
 */
class JerseyOAuthProviderSelfTest {

    private static final String KEY = "consumer-key";
    private static final String SECRET = "consumer-secret";
    private static final KeyPair RSA_KEY = TestCertificates.newRsaKeyPair();
    private static final KeyPair OTHER_RSA_KEY = TestCertificates.newRsaKeyPair(1024);
    private static final String TAMPER = "test.tamper";

    private JerseyOAuthProvider provider;
    private final List<Client> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        provider = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET);
    }

    @AfterEach
    void stop() {
        clients.forEach(Client::close);
        provider.close();
    }

    @Test
    void twoLeggedGetIsAccepted() {
        Response response = client(consumerOnly(KEY, SECRET))
                .target(provider.twoLeggedUri()).queryParam("q", "a b").queryParam("q", "c").request().get();

        assertEquals(200, response.getStatus());
        EchoResponse echo = EchoResponse.parse(response.readEntity(String.class));
        assertEquals("two-legged", echo.endpoint());
        assertEquals(KEY, echo.consumerKey());
        assertNull(echo.token());
        assertEquals(List.of("a b", "c"), echo.query().get("q"));
        assertEquals("HMAC-SHA1", echo.signatureMethod());
        assertEquals(echo, provider.lastEcho());
        assertEquals(1, provider.requestCount(JerseyOAuthProvider.TWO_LEGGED_PATH));
    }

    @Test
    void threeLeggedGetIsAcceptedWithIssuedToken() {
        IssuedToken token = provider.issueAccessToken(KEY);

        Response response = client(withToken(KEY, SECRET, token.token(), token.secret()))
                .target(provider.echoUri()).queryParam("x", "1").request().get();

        assertEquals(200, response.getStatus());
        EchoResponse echo = EchoResponse.parse(response.readEntity(String.class));
        assertEquals("echo", echo.endpoint());
        assertEquals(token.token(), echo.token());
        assertEquals(JerseyOAuthProvider.DEFAULT_USER, echo.user());
        assertEquals("1", echo.queryParam("x"));
    }

    @Test
    void formAndRawBodiesAreEchoed() {
        IssuedToken token = provider.issueAccessToken(KEY);
        Client client = client(withToken(KEY, SECRET, token.token(), token.secret()));

        Response form = client.target(provider.echoUri()).queryParam("page", "2").request()
                .post(Entity.form(new Form("status", "hello world & more").param("status", "é")));
        assertEquals(200, form.getStatus());
        EchoResponse formEcho = EchoResponse.parse(form.readEntity(String.class));
        assertEquals(List.of("hello world & more", "é"), formEcho.form().get("status"));
        assertEquals("2", formEcho.queryParam("page"));
        assertEquals("", formEcho.body());

        Response json = client.target(provider.echoUri()).request()
                .post(Entity.entity("{\"a\":1}", MediaType.APPLICATION_JSON_TYPE));
        assertEquals(200, json.getStatus());
        EchoResponse jsonEcho = EchoResponse.parse(json.readEntity(String.class));
        assertEquals("{\"a\":1}", jsonEcho.body());
        assertTrue(jsonEcho.form().isEmpty());
        assertEquals(MediaType.APPLICATION_JSON, jsonEcho.contentType());
    }

    @Test
    void wrongSecretIsRejected() {
        IssuedToken token = provider.issueAccessToken(KEY);

        Response wrongConsumerSecret = client(consumerOnly(KEY, "wrong"))
                .target(provider.twoLeggedUri()).request().get();
        Response wrongTokenSecret = client(withToken(KEY, SECRET, token.token(), "wrong"))
                .target(provider.echoUri()).request().get();

        assertEquals(401, wrongConsumerSecret.getStatus());
        assertEquals("OAuth realm=\"" + JerseyOAuthProvider.REALM + "\"",
                wrongConsumerSecret.getHeaderString("WWW-Authenticate"));
        assertEquals(401, wrongTokenSecret.getStatus());
        assertEquals(0, provider.echoes().size());
    }

    @Test
    void requestWithoutAuthorizationIsRejected() {
        Client plain = client(null);

        assertEquals(401, plain.target(provider.echoUri()).request().get().getStatus());
        Response twoLegged = plain.target(provider.twoLeggedUri()).request().post(Entity.form(new Form("a", "b")));
        assertEquals(401, twoLegged.getStatus());
        assertEquals("OAuth realm=\"" + JerseyOAuthProvider.REALM + "\"", twoLegged.getHeaderString("WWW-Authenticate"));
        assertEquals(2, provider.exchanges().size());
    }

    @Test
    void threeLeggedEndpointNeedsAToken() {
        Response response = client(consumerOnly(KEY, SECRET)).target(provider.echoUri()).request().get();

        assertEquals(401, response.getStatus());
        assertEquals("oauth_problem=parameter_absent&oauth_parameters_absent=oauth_token",
                response.readEntity(String.class));
    }

    @Test
    void replayedNonceIsRejectedByJersey() {
        IssuedToken token = provider.issueAccessToken(KEY);
        Client client = client(consumerOnly(KEY, SECRET));
        OAuth1Parameters fixed = new OAuth1Parameters().consumerKey(KEY).token(token.token())
                .signatureMethod("HMAC-SHA1").version().timestamp().nonce("same-nonce");
        OAuth1Secrets secrets = new OAuth1Secrets().consumerSecret(SECRET).tokenSecret(token.secret());

        assertEquals(200, signed(client, provider.echoUri(), fixed, secrets).get().getStatus());
        assertEquals(401, signed(client, provider.echoUri(), fixed, secrets).get().getStatus());
    }

    @Test
    void fullFlowWithJerseysAuthorizationFlow() {
        OAuth1AuthorizationFlow flow = OAuth1ClientSupport.builder(new ConsumerCredentials(KEY, SECRET))
                .authorizationFlow(provider.requestTokenUri().toString(), provider.accessTokenUri().toString(),
                        provider.authorizationUri().toString())
                .callbackUri("oob")
                .build();

        String authorizationUrl = flow.start();
        String requestToken = queryParam(authorizationUrl, "oauth_token");
        String verifier = provider.approve(requestToken, "bob");
        AccessToken accessToken = flow.finish(verifier);

        Client authorized = flow.getAuthorizedClient();
        clients.add(authorized);
        Response response = authorized.target(provider.echoUri()).request().get();
        assertEquals(200, response.getStatus());
        EchoResponse echo = EchoResponse.parse(response.readEntity(String.class));
        assertEquals(accessToken.getToken(), echo.token());
        assertEquals("bob", echo.user());
        assertEquals(1, provider.requestCount(JerseyOAuthProvider.REQUEST_TOKEN_PATH));
        assertEquals(1, provider.requestCount(JerseyOAuthProvider.ACCESS_TOKEN_PATH));
    }

    @Test
    void authorizeEndpointApprovesAndRedirectsToCallback() {
        Client client = client(consumerOnly(KEY, SECRET));
        Form requestToken = requestToken(client, "http://127.0.0.1:1/cb?state=s");

        Response redirect = client(null).property("jersey.config.client.followRedirects", false)
                .target(provider.authorizationUri())
                .queryParam("oauth_token", requestToken.asMap().getFirst("oauth_token"))
                .request().get();

        assertEquals(303, redirect.getStatus());
        URI location = redirect.getLocation();
        assertEquals("/cb", location.getPath());
        assertEquals("s", queryParam(location.toString(), "state"));
        assertEquals(requestToken.asMap().getFirst("oauth_token"), queryParam(location.toString(), "oauth_token"));
        assertNotNull(queryParam(location.toString(), "oauth_verifier"));
    }

    @Test
    void accessTokenResponseCarriesSessionExtension() {
        MultivaluedMap<String, String> access = accessTokenThroughFlow(client(consumerOnly(KEY, SECRET)));

        assertNotNull(access.getFirst("oauth_token"));
        assertNotNull(access.getFirst("oauth_token_secret"));
        assertNotNull(access.getFirst("oauth_session_handle"));
        assertEquals("3600", access.getFirst("oauth_expires_in"));
        assertEquals("86400", access.getFirst("oauth_authorization_expires_in"));
        assertEquals(access.getFirst("oauth_token"), provider.currentAccessToken(access.getFirst("oauth_session_handle")));
    }

    @Test
    void wrongVerifierUsesUpTheRequestToken() {
        Client client = client(consumerOnly(KEY, SECRET));
        Form requestToken = requestToken(client, "oob");
        String token = requestToken.asMap().getFirst("oauth_token");
        String secret = requestToken.asMap().getFirst("oauth_token_secret");
        String verifier = provider.approve(token);

        Response wrong = exchange(client, token, secret, "not-" + verifier);
        Response right = exchange(client, token, secret, verifier);

        assertEquals(400, wrong.getStatus());
        assertEquals(400, right.getStatus());
    }

    @Test
    void replayedNonceOnTokenEndpointIsRejected() {
        Client client = client(consumerOnly(KEY, SECRET));
        OAuth1Parameters fixed = new OAuth1Parameters().consumerKey(KEY).callback("oob")
                .signatureMethod("HMAC-SHA1").version().timestamp().nonce("n-1");
        OAuth1Secrets secrets = new OAuth1Secrets().consumerSecret(SECRET);

        assertEquals(200, signed(client, provider.requestTokenUri(), fixed, secrets).post(null).getStatus());
        Response replay = signed(client, provider.requestTokenUri(), fixed, secrets).post(null);
        assertEquals(401, replay.getStatus());
        assertEquals("oauth_problem=nonce_used", replay.readEntity(String.class));
    }

    @Test
    void expiredTokenGetsTokenExpiredAndSessionHandleRenewsIt() {
        Client consumer = client(consumerOnly(KEY, SECRET));
        MultivaluedMap<String, String> access = accessTokenThroughFlow(consumer);
        String oldToken = access.getFirst("oauth_token");
        String oldSecret = access.getFirst("oauth_token_secret");
        String handle = access.getFirst("oauth_session_handle");
        Client old = client(withToken(KEY, SECRET, oldToken, oldSecret));
        assertEquals(200, old.target(provider.echoUri()).request().get().getStatus());

        provider.expire(oldToken);
        Response expired = old.target(provider.echoUri()).request().get();
        assertEquals(401, expired.getStatus());
        assertEquals("OAuth realm=\"" + JerseyOAuthProvider.REALM + "\", oauth_problem=\"token_expired\"",
                expired.getHeaderString("WWW-Authenticate"));
        assertEquals("oauth_problem=token_expired", expired.readEntity(String.class));

        Response badSignature = renew(consumer, oldToken, "wrong-secret", handle);
        assertEquals(401, badSignature.getStatus());
        assertEquals("oauth_problem=signature_invalid", badSignature.readEntity(String.class));
        assertEquals(0, provider.renewalCount());

        Response renewed = renew(consumer, oldToken, oldSecret, handle);
        assertEquals(200, renewed.getStatus());
        MultivaluedMap<String, String> fresh = renewed.readEntity(Form.class).asMap();
        String newToken = fresh.getFirst("oauth_token");
        assertNotEquals(oldToken, newToken);
        assertNotEquals(oldSecret, fresh.getFirst("oauth_token_secret"));
        assertEquals(handle, fresh.getFirst("oauth_session_handle"));
        assertEquals("3600", fresh.getFirst("oauth_expires_in"));
        assertEquals(1, provider.renewalCount());
        assertEquals(newToken, provider.currentAccessToken(handle));

        Response withNew = client(withToken(KEY, SECRET, newToken, fresh.getFirst("oauth_token_secret")))
                .target(provider.echoUri()).request().get();
        assertEquals(200, withNew.getStatus());
        assertEquals(newToken, EchoResponse.parse(withNew.readEntity(String.class)).token());

        Response withOld = old.target(provider.echoUri()).request().get();
        assertEquals(401, withOld.getStatus());
        assertFalse(provider.isActive(oldToken));

        Response renewAgain = renew(consumer, oldToken, oldSecret, handle);
        assertEquals(401, renewAgain.getStatus());
        assertEquals("oauth_problem=token_rejected", renewAgain.readEntity(String.class));
        assertEquals(1, provider.renewalCount());
        assertEquals(3, provider.renewalAttempts());
        assertEquals(4, provider.requestCount(JerseyOAuthProvider.ACCESS_TOKEN_PATH));
    }

    @Test
    void endedSessionNoLongerRenews() {
        IssuedToken token = provider.issueAccessToken(KEY);
        provider.endSession(token.sessionHandle());

        Response response = renew(client(consumerOnly(KEY, SECRET)), token.token(), token.secret(), token.sessionHandle());

        assertEquals(401, response.getStatus());
        assertEquals("oauth_problem=permission_denied", response.readEntity(String.class));
    }

    @Test
    void rsaSha1ConsumerIsVerifiedWithItsCertificate() {
        provider.registerRsaConsumer("rsa-consumer", RSA_KEY);
        IssuedToken token = provider.issueAccessToken("rsa-consumer");

        Response good = client(OAuth1ClientSupport
                .builder(new ConsumerCredentials("rsa-consumer", TestCertificates.privateKeyBase64(RSA_KEY)))
                .signatureMethod("RSA-SHA1").feature().accessToken(new AccessToken(token.token(), token.secret()))
                .build()).target(provider.echoUri()).request().post(Entity.form(new Form("a", "1")));
        Response bad = client(OAuth1ClientSupport
                .builder(new ConsumerCredentials("rsa-consumer", TestCertificates.privateKeyBase64(OTHER_RSA_KEY)))
                .signatureMethod("RSA-SHA1").feature().build()).target(provider.twoLeggedUri()).request().get();

        assertEquals(200, good.getStatus());
        assertEquals("RSA-SHA1", EchoResponse.parse(good.readEntity(String.class)).signatureMethod());
        assertEquals(401, bad.getStatus());
    }

    @Test
    void rsaSha1FromSharedSecretConsumerIsRejectedNot500() {
        Response response = client(OAuth1ClientSupport
                .builder(new ConsumerCredentials(KEY, TestCertificates.privateKeyBase64(OTHER_RSA_KEY)))
                .signatureMethod("RSA-SHA1").feature().build()).target(provider.twoLeggedUri()).request().get();

        assertEquals(401, response.getStatus());
        assertEquals("oauth_problem=signature_method_rejected", response.readEntity(String.class));
    }

    @Test
    void oauthParametersInTheQueryAreVerified() {
        IssuedToken token = provider.issueAccessToken(KEY);
        Client client = client(withToken(KEY, SECRET, token.token(), token.secret()))
                .register(new MoveOAuthParameters(false));

        Response response = client.target(provider.echoUri()).queryParam("x", "1").request().get();
        Response tampered = client.target(provider.echoUri()).queryParam("x", "1").request()
                .property(TAMPER, true).get();

        assertEquals(200, response.getStatus());
        EchoResponse echo = EchoResponse.parse(response.readEntity(String.class));
        assertEquals(token.token(), echo.token());
        assertEquals(token.token(), echo.queryParam("oauth_token"));
        assertNull(provider.exchanges().get(0).authorization());
        assertEquals(401, tampered.getStatus());
    }

    @Test
    void oauthParametersInTheFormBodyAreVerified() {
        Client client = client(consumerOnly(KEY, SECRET)).register(new MoveOAuthParameters(true));

        Response response = client.target(provider.twoLeggedUri()).request().post(Entity.form(new Form("a", "b")));

        assertEquals(200, response.getStatus());
        EchoResponse echo = EchoResponse.parse(response.readEntity(String.class));
        assertEquals("b", echo.formParam("a"));
        assertEquals(KEY, echo.formParam("oauth_consumer_key"));
    }

    @Test
    void plaintextIsAccepted() {
        Response response = client(OAuth1ClientSupport.builder(new ConsumerCredentials(KEY, SECRET))
                .signatureMethod("PLAINTEXT").feature().build()).target(provider.twoLeggedUri()).request().get();

        assertEquals(200, response.getStatus());
        assertEquals("PLAINTEXT", provider.lastEcho().signatureMethod());
    }

    @Test
    void providersDoNotShareState() {
        try (JerseyOAuthProvider other = JerseyOAuthProvider.start()) {
            Response response = client(consumerOnly(KEY, SECRET)).target(other.twoLeggedUri()).request().get();
            assertEquals(401, response.getStatus());
        }
    }

    // ---- helpers: Jersey's oauth1-client only ----

    private Client client(Feature feature) {
        Client client = ClientBuilder.newClient();
        if (feature != null) {
            client.register(feature);
        }
        clients.add(client);
        return client;
    }

    private static Feature consumerOnly(String key, String secret) {
        return OAuth1ClientSupport.builder(new ConsumerCredentials(key, secret)).feature().build();
    }

    private static Feature withToken(String key, String secret, String token, String tokenSecret) {
        return OAuth1ClientSupport.builder(new ConsumerCredentials(key, secret)).feature()
                .accessToken(new AccessToken(token, tokenSecret)).build();
    }

    /** A request the client filter signs with exactly these parameters (per-request override). */
    private static jakarta.ws.rs.client.Invocation.Builder signed(Client client, URI uri, OAuth1Parameters params,
            OAuth1Secrets secrets) {
        return client.target(uri).request()
                .property(OAuth1ClientSupport.OAUTH_PROPERTY_OAUTH_PARAMETERS, params)
                .property(OAuth1ClientSupport.OAUTH_PROPERTY_OAUTH_SECRETS, secrets);
    }

    private Form requestToken(Client client, String callback) {
        Response response = signed(client, provider.requestTokenUri(),
                new OAuth1Parameters().consumerKey(KEY).callback(callback).signatureMethod("HMAC-SHA1").version(),
                new OAuth1Secrets().consumerSecret(SECRET)).post(null);
        assertEquals(200, response.getStatus());
        return response.readEntity(Form.class);
    }

    private Response exchange(Client client, String requestToken, String requestSecret, String verifier) {
        return signed(client, provider.accessTokenUri(),
                new OAuth1Parameters().consumerKey(KEY).token(requestToken).verifier(verifier)
                        .signatureMethod("HMAC-SHA1").version(),
                new OAuth1Secrets().consumerSecret(SECRET).tokenSecret(requestSecret)).post(null);
    }

    private MultivaluedMap<String, String> accessTokenThroughFlow(Client client) {
        Form requestToken = requestToken(client, "oob");
        String token = requestToken.asMap().getFirst("oauth_token");
        Response response = exchange(client, token, requestToken.asMap().getFirst("oauth_token_secret"),
                provider.approve(token));
        assertEquals(200, response.getStatus());
        return response.readEntity(Form.class).asMap();
    }

    private Response renew(Client client, String token, String tokenSecret, String sessionHandle) {
        OAuth1Parameters params = new OAuth1Parameters().consumerKey(KEY).token(token)
                .signatureMethod("HMAC-SHA1").version();
        params.put("oauth_session_handle", sessionHandle);
        return signed(client, provider.accessTokenUri(), params,
                new OAuth1Secrets().consumerSecret(SECRET).tokenSecret(tokenSecret)).post(null);
    }

    private static String queryParam(String uri, String name) {
        return UriComponent.decodeQuery(UriBuilder.fromUri(uri).build(), true).getFirst(name);
    }

    /**
     * Moves the OAuth parameters Jersey's client filter put in the Authorization header into the
     * query (RFC 5849 3.5.3) or the form body (3.5.2); the signature stays valid.
     */
    @Priority(Priorities.AUTHENTICATION + 1)
    private static final class MoveOAuthParameters implements ClientRequestFilter {
        private final boolean toForm;

        MoveOAuthParameters(boolean toForm) {
            this.toForm = toForm;
        }

        @Override
        public void filter(ClientRequestContext request) {
            OAuth1Parameters params = new OAuth1Parameters().readRequest(new HeaderOnly(
                    request.getHeaderString("Authorization")));
            request.getHeaders().remove("Authorization");
            if (toForm) {
                Form form = (Form) request.getEntity();
                params.forEach(form::param);
                return;
            }
            StringBuilder query = new StringBuilder(request.getUri().getRawQuery() == null ? ""
                    : request.getUri().getRawQuery());
            params.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                    .append(UriComponent.encode(value, UriComponent.Type.UNRESERVED)));
            if (Boolean.TRUE.equals(request.getProperty(TAMPER))) {
                query.append("&extra=1");
            }
            request.setUri(URI.create(UriBuilder.fromUri(request.getUri()).replaceQuery(null).build() + "?" + query));
        }
    }

    private record HeaderOnly(String authorization) implements OAuth1Request {
        @Override
        public String getRequestMethod() {
            return null;
        }

        @Override
        public URL getRequestURL() {
            return null;
        }

        @Override
        public Set<String> getParameterNames() {
            return Set.of();
        }

        @Override
        public List<String> getParameterValues(String name) {
            return List.of();
        }

        @Override
        public List<String> getHeaderValues(String name) {
            return "Authorization".equalsIgnoreCase(name) ? List.of(authorization) : List.of();
        }

        @Override
        public void addHeaderValue(String name, String value) {
            throw new UnsupportedOperationException();
        }
    }
}

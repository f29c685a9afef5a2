package io.github.oauthconsumer.cdi;

import com.sun.net.httpserver.HttpServer;
import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.api.SignedRequest;
import io.github.oauthconsumer.config.ConfigKeys;
import io.github.oauthconsumer.testprovider.EchoResponse;
import io.github.oauthconsumer.testprovider.IssuedToken;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Reactivation of idle tokens, as E*TRADE wants it instead of the OAuth Session extension: a 401
 * naming the consumer's {@code reactivate-problem} makes {@link SignedClient} call the
 * {@code reactivate-url}, signed with the same token (with the token request method), then send the
 * request once more with that same token. Against Jersey's provider with idle tokens; never a loop,
 * never for another problem or a consumer without the URL.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenReactivationTest {

    private static final String KEY = "idle-consumer";
    private static final String SECRET = "idle secret";

    private final JerseyOAuthProvider etrade = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET).tokenRequestMethod("GET");
    private final JerseyOAuthProvider posting = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET).idleProblem("token_inactive");
    private final AtomicInteger fakeReactivations = new AtomicInteger();
    private final HttpServer alwaysOk = alwaysOk(fakeReactivations);

    @WeldSetup
    WeldInitiator weld = OAuthWeld.initiator(new ConfigProperties()
                    .hmac("etrade", KEY, SECRET)
                    .set("etrade", ConfigKeys.TOKEN_REQUEST_METHOD, "GET",
                            ConfigKeys.REACTIVATE_URL, etrade.reactivateUri().toString())
                    .hmac("posting", KEY, SECRET)
                    .set("posting", ConfigKeys.REACTIVATE_URL, posting.reactivateUri().toString(),
                            ConfigKeys.REACTIVATE_PROBLEM, "token_inactive")
                    .hmac("unconfigured", KEY, SECRET)
                    .hmac("other-problem", KEY, SECRET)
                    .set("other-problem", ConfigKeys.REACTIVATE_URL, posting.reactivateUri().toString())
                    .hmac("broken", KEY, SECRET)
                    .set("broken", ConfigKeys.TOKEN_REQUEST_METHOD, "GET",
                            ConfigKeys.REACTIVATE_URL, etrade.twoLeggedUri().toString())
                    .hmac("useless", KEY, SECRET)
                    .set("useless", ConfigKeys.TOKEN_REQUEST_METHOD, "GET", ConfigKeys.REACTIVATE_URL,
                            "http://127.0.0.1:" + alwaysOk.getAddress().getPort() + "/renew_access_token"),
            Clients.class, InMemoryTokenStore.class);

    @Inject
    Clients clients;
    @Inject
    InMemoryTokenStore store;

    @BeforeEach
    void reset() {
        store.clear();
        etrade.resetRecords();
        posting.resetRecords();
    }

    @AfterAll
    void stop() {
        etrade.close();
        posting.close();
        alwaysOk.stop(0);
    }

    @Test
    void anIdleTokenIsReactivatedWithASignedGetAndTheRequestSentAgainWithTheSameToken() {
        AccessToken token = idleToken(etrade);
        int before = etrade.reactivationCount();

        EchoResponse echo = accepted(clients.etrade.get(etrade.echoUri() + "?q=1", token));

        assertEquals(token.token(), echo.token());
        assertEquals("1", echo.queryParam("q"));
        assertEquals(1, etrade.reactivationCount() - before);
        assertEquals(List.of("GET api/echo 401", "GET oauth/renew_access_token 200", "GET api/echo 200"), exchanges(etrade));
    }

    @Test
    void aStoredTokenIsReactivatedAndStaysStoredAsItWas() {
        AccessToken token = idleToken(etrade);
        store.store("etrade", token);

        EchoResponse echo = accepted(clients.etrade.send(SignedRequest.get(etrade.echoUri().toString()).currentUser().build()));

        assertEquals(token.token(), echo.token());
        assertEquals(Optional.of(token), store.find("etrade"));
    }

    @Test
    void asyncRequestsReactivateToo() throws Exception {
        AccessToken token = idleToken(etrade);

        Response response = clients.etrade.sendAsync(SignedRequest.get(etrade.echoUri().toString()).token(token).build())
                .toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertEquals(token.token(), accepted(response).token());
        assertEquals(List.of("GET api/echo 401", "GET oauth/renew_access_token 200", "GET api/echo 200"), exchanges(etrade));
    }

    @Test
    void theConfiguredProblemAndTheTokenRequestMethodAreUsed() {
        AccessToken token = idleToken(posting);

        assertEquals(token.token(), accepted(clients.posting.get(posting.echoUri().toString(), token)).token());
        assertEquals(List.of("GET api/echo 401", "POST oauth/renew_access_token 200", "GET api/echo 200"), exchanges(posting));
    }

    @Test
    void anotherProblemOrAConsumerWithoutAReactivateUrlGetsTheRefusal() {
        AccessToken token = idleToken(posting);

        OAuthProblemException otherProblem = assertThrows(OAuthProblemException.class,
                () -> clients.otherProblem.get(posting.echoUri().toString(), token));
        OAuthProblemException unconfigured = assertThrows(OAuthProblemException.class,
                () -> clients.unconfigured.get(posting.echoUri().toString(), token));

        assertEquals("token_inactive", otherProblem.problem().code());
        assertEquals("token_inactive", unconfigured.problem().code());
        assertEquals(List.of("GET api/echo 401", "GET api/echo 401"), exchanges(posting));
    }

    @Test
    void aFailedReactivationThrowsWithoutSendingTheRequestAgain() {
        AccessToken token = idleToken(etrade);

        OAuthProblemException failure = assertThrows(OAuthProblemException.class,
                () -> clients.broken.get(etrade.echoUri().toString(), token));

        assertEquals(OAuthProblem.PARAMETER_REJECTED, failure.problem());
        assertEquals(List.of("GET api/echo 401", "GET api/two-legged 401"), exchanges(etrade));
    }

    @Test
    void aTokenStillRefusedAfterItsReactivationIsNotReactivatedAgain() {
        AccessToken token = idleToken(etrade);
        int before = fakeReactivations.get();

        OAuthProblemException failure = assertThrows(OAuthProblemException.class,
                () -> clients.useless.get(etrade.echoUri().toString(), token));

        assertEquals(OAuthProblem.TOKEN_REJECTED, failure.problem());
        assertEquals(1, fakeReactivations.get() - before);
        assertEquals(List.of("GET api/echo 401", "GET api/echo 401"), exchanges(etrade));
    }

    private static AccessToken idleToken(JerseyOAuthProvider provider) {
        IssuedToken issued = provider.issueAccessToken(KEY);
        provider.makeIdle(issued.token());
        return AccessToken.of(issued.token(), issued.secret());
    }

    private static List<String> exchanges(JerseyOAuthProvider provider) {
        return provider.exchanges().stream().map(e -> e.method() + " " + e.path() + " " + e.status()).toList();
    }

    private static EchoResponse accepted(Response response) {
        try (response) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return EchoResponse.parse(body);
        }
    }

    /** A "reactivation" URL on 127.0.0.1 that answers 200 and reactivates nothing. */
    private static HttpServer alwaysOk(AtomicInteger calls) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
            server.createContext("/", exchange -> {
                calls.incrementAndGet();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Dependent
    static class Clients {
        @Inject
        @OAuthConsumer("etrade")
        SignedClient etrade;
        @Inject
        @OAuthConsumer("posting")
        SignedClient posting;
        @Inject
        @OAuthConsumer("unconfigured")
        SignedClient unconfigured;
        @Inject
        @OAuthConsumer("other-problem")
        SignedClient otherProblem;
        @Inject
        @OAuthConsumer("broken")
        SignedClient broken;
        @Inject
        @OAuthConsumer("useless")
        SignedClient useless;
    }
}

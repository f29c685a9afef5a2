package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.RequestToken;
import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.api.SignedRequest;
import io.github.oauthconsumer.client.ConsumerRegistry;
import io.github.oauthconsumer.config.ConfigKeys;
import io.github.oauthconsumer.config.ConsumerDefinitions;
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

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Providers whose clock is ten minutes ahead (Jersey's provider behind a filter that refuses
 * timestamps by a shifted clock): one that says what it accepts ({@code oauth_acceptable_timestamps})
 * and one that only shows its time in the {@code Date} header. Each is reached after one corrected
 * retry, the offset is kept for the next requests of the name, token requests benefit as well, and
 * an offset beyond {@code clock-skew-correction.max-offset} fails with a message that says so.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClockSkewCorrectionTest {

    private static final String KEY = "skewed-consumer";
    private static final String SECRET = "skewed-secret";
    private static final Duration AHEAD = Duration.ofMinutes(10);
    private static final long TOLERANCE_SECONDS = 5;

    private final JerseyOAuthProvider telling = JerseyOAuthProvider.startWithClockAhead(AHEAD, true).registerConsumer(KEY, SECRET);
    private final JerseyOAuthProvider dating = JerseyOAuthProvider.startWithClockAhead(AHEAD, false).registerConsumer(KEY, SECRET);

    @WeldSetup
    WeldInitiator weld = OAuthWeld.initiator(new ConfigProperties()
            .hmac("telling", KEY, SECRET)
            .hmac("dating", KEY, SECRET)
            .hmac("flow", KEY, SECRET).set("flow", ConfigKeys.REQUEST_TOKEN_URL, telling.requestTokenUri().toString())
            .hmac("bounded", KEY, SECRET).set("bounded", ConfigKeys.CLOCK_SKEW_MAX_OFFSET, "5m")
            .hmac("off", KEY, SECRET).set("off", ConfigKeys.CLOCK_SKEW_CORRECTION, "false"), Clients.class);

    @Inject
    Clients clients;

    @Inject
    ConsumerRegistry registry;

    @Inject
    ConsumerDefinitions definitions;

    @BeforeEach
    void forget() {
        telling.resetRecords();
        dating.resetRecords();
    }

    @AfterAll
    void stop() {
        telling.close();
        dating.close();
    }

    @Test
    void acceptableTimestampsCorrectTheClockAndTheRequestIsSentOnceMore() {
        try (Response first = clients.telling.send(SignedRequest.get(telling.twoLeggedUri().toString()).build())) {
            assertEquals(200, first.getStatus());
        }
        assertEquals(2, telling.requestCount(JerseyOAuthProvider.TWO_LEGGED_PATH), "refused, then accepted");
        assertEquals(401, telling.exchanges().get(0).status());
        assertOffsetIsTenMinutes("telling");

        try (Response second = clients.telling.send(SignedRequest.get(telling.twoLeggedUri().toString()).build())) {
            assertEquals(200, second.getStatus());
        }
        assertEquals(3, telling.requestCount(JerseyOAuthProvider.TWO_LEGGED_PATH), "the offset is reused: no refusal");
    }

    @Test
    void aDateHeaderAloneCorrectsTheClock() {
        try (Response answer = clients.dating.send(SignedRequest.get(dating.twoLeggedUri().toString()).build())) {
            assertEquals(200, answer.getStatus());
        }
        assertEquals(2, dating.requestCount(JerseyOAuthProvider.TWO_LEGGED_PATH));
        assertEquals(401, dating.exchanges().get(0).status());
        assertFalse(dating.exchanges().get(0).wwwAuthenticate().contains("oauth_problem"), "Jersey's bare 401");
        assertOffsetIsTenMinutes("dating");

        try (Response again = clients.dating.send(SignedRequest.get(dating.twoLeggedUri().toString()).build())) {
            assertEquals(200, again.getStatus());
        }
        assertEquals(3, dating.requestCount(JerseyOAuthProvider.TWO_LEGGED_PATH));
    }

    @Test
    void tokenRequestsAreCorrectedToo() {
        RequestToken token = registry.endpoints("flow").requestToken("http://127.0.0.1/callback");

        assertFalse(token.token().isEmpty());
        assertEquals(2, telling.requestCount(JerseyOAuthProvider.REQUEST_TOKEN_PATH));
        assertOffsetIsTenMinutes("flow");
    }

    @Test
    void anOffsetBeyondTheMaximumIsNotCorrected() {
        OAuthProblemException refused = assertThrows(OAuthProblemException.class,
                () -> clients.bounded.send(SignedRequest.get(telling.twoLeggedUri().toString()).build()));

        assertEquals("timestamp_refused", refused.problem().code());
        assertTrue(refused.getMessage().contains("s ahead of this server's")
                && refused.getMessage().contains("oauth1.bounded.clock-skew-correction.max-offset (300 s)"), refused.getMessage());
        assertEquals(1, telling.requestCount(JerseyOAuthProvider.TWO_LEGGED_PATH));
        assertEquals(Duration.ZERO, definitions.definition("bounded").clock().offset());
    }

    @Test
    void withTheCorrectionOffTheRefusalIsTheProvidersWithItsDiagnosis() {
        OAuthProblemException refused = assertThrows(OAuthProblemException.class,
                () -> clients.off.send(SignedRequest.get(telling.twoLeggedUri().toString()).build()));

        assertEquals("timestamp_refused", refused.problem().code());
        assertTrue(refused.parameters().containsKey("oauth_acceptable_timestamps"));
        assertEquals("TIMESTAMP", refused.diagnosis().orElseThrow().likelyCause().name());
        assertEquals(1, telling.requestCount(JerseyOAuthProvider.TWO_LEGGED_PATH));
        assertEquals(Duration.ZERO, definitions.definition("off").clock().offset());
    }

    private void assertOffsetIsTenMinutes(String name) {
        long offset = definitions.definition(name).clock().offset().toSeconds();
        assertTrue(Math.abs(offset - AHEAD.toSeconds()) <= TOLERANCE_SECONDS, "offset " + offset + " s");
    }

    @Dependent
    static class Clients {
        @Inject
        @OAuthConsumer("telling")
        SignedClient telling;
        @Inject
        @OAuthConsumer("dating")
        SignedClient dating;
        @Inject
        @OAuthConsumer("bounded")
        SignedClient bounded;
        @Inject
        @OAuthConsumer("off")
        SignedClient off;
    }
}

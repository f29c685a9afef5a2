package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.api.SignedRequest;
import io.github.oauthconsumer.client.OAuthSigningFilter;
import io.github.oauthconsumer.config.ConfigKeys;
import io.github.oauthconsumer.config.ConsumerDefinitions;
import io.github.oauthconsumer.monitoring.Monitor;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import io.github.oauthconsumer.testsupport.RecordingMonitor;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls the signing filter signs for the application's own clients (a JAX-RS client with the
 * filter registered, {@code SignedClient.target}; MicroProfile Rest Client interfaces go through
 * the same filter): reported to the monitor once answered, exactly once (the library's own
 * exchanges are not reported twice); a refusal that shows the provider's clock corrects it for the
 * next request without sending the refused one again, and the application reads the refusal whole;
 * a refusal is diagnosed in the log at {@code FINE}, without the secret.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilteredCallsTest {

    private static final String KEY = "filtered-calls-consumer";
    private static final String SECRET = "filtered-calls-secret";
    private static final String WRONG_SECRET = "not-the-filtered-calls-secret";
    private static final Duration AHEAD = Duration.ofMinutes(10);
    private static final RecordingMonitor MONITOR = new RecordingMonitor();

    private final JerseyOAuthProvider provider = JerseyOAuthProvider.start().reportsBaseStrings().registerConsumer(KEY, SECRET);
    private final JerseyOAuthProvider telling = JerseyOAuthProvider.startWithClockAhead(AHEAD, true).registerConsumer(KEY, SECRET);
    private final JerseyOAuthProvider dating = JerseyOAuthProvider.startWithClockAhead(AHEAD, false).registerConsumer(KEY, SECRET);
    private final List<Client> clients = new ArrayList<>();

    @WeldSetup
    WeldInitiator weld = OAuthWeld.initiator(new ConfigProperties()
            .hmac("plain", KEY, SECRET)
            .hmac("wrong", KEY, WRONG_SECRET)
            .hmac("telling", KEY, SECRET)
            .hmac("dating", KEY, SECRET)
            .hmac("bounded", KEY, SECRET).set("bounded", ConfigKeys.CLOCK_SKEW_MAX_OFFSET, "5m"),
            Recording.class, Clients.class);

    @Inject
    Clients injected;

    @Inject
    ConsumerDefinitions definitions;

    @BeforeEach
    void forget() {
        provider.resetRecords();
        telling.resetRecords();
        dating.resetRecords();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(Client::close);
        clients.clear();
    }

    @AfterAll
    void stop() {
        provider.close();
        telling.close();
        dating.close();
    }

    @Test
    void aCallSignedForTheApplicationsClientIsReportedWhenAnswered() {
        int before = MONITOR.reports().size();
        try (Response answer = filtered("plain").target(provider.twoLeggedUri()).request().get()) {
            assertEquals(200, answer.getStatus());
        }

        assertEquals(List.of(call("plain", "GET", provider.twoLeggedUri(), 200)), reportsSince(before));
    }

    @Test
    void theLibrarysOwnExchangesAreReportedOnceAndTargetCallsToo() {
        int before = MONITOR.reports().size();
        try (Response sent = injected.plain.send(SignedRequest.get(provider.twoLeggedUri().toString()).build());
             Response targeted = injected.plain.target(provider.twoLeggedUri().toString()).request().get()) {
            assertEquals(200, sent.getStatus());
            assertEquals(200, targeted.getStatus());
        }

        String expected = call("plain", "GET", provider.twoLeggedUri(), 200);
        assertEquals(List.of(expected, expected), reportsSince(before));
    }

    @Test
    void aRefusalWithAcceptableTimestampsCorrectsTheClockForTheNextRequestAndIsReadWhole() {
        Client client = filtered("telling");
        try (Response refused = client.target(telling.twoLeggedUri()).request().get()) {
            assertEquals(401, refused.getStatus());
            assertTrue(refused.getHeaderString(HttpHeaders.WWW_AUTHENTICATE).contains("oauth_problem=\"timestamp_refused\""));
            String body = refused.readEntity(String.class);
            assertTrue(body.startsWith("oauth_problem=timestamp_refused&oauth_acceptable_timestamps="), body);
        }
        assertEquals(1, telling.requestCount(JerseyOAuthProvider.TWO_LEGGED_PATH), "the filter does not send it again");
        assertOffsetIsTenMinutes("telling");

        try (Response next = client.target(telling.twoLeggedUri()).request().get()) {
            assertEquals(200, next.getStatus());
        }
        assertEquals(2, telling.requestCount(JerseyOAuthProvider.TWO_LEGGED_PATH));
    }

    @Test
    void aDateHeaderAloneCorrectsTheClockForTheNextRequest() {
        Client client = filtered("dating");
        try (Response refused = client.target(dating.twoLeggedUri()).request().get()) {
            assertEquals(401, refused.getStatus());
        }
        assertOffsetIsTenMinutes("dating");

        try (Response next = client.target(dating.twoLeggedUri()).request().get()) {
            assertEquals(200, next.getStatus());
        }
        assertEquals(2, dating.requestCount(JerseyOAuthProvider.TWO_LEGGED_PATH));
    }

    @Test
    void anOffsetBeyondTheMaximumIsLoggedNotCorrectedAndTheRefusalReachesTheApplication() throws Exception {
        List<LogRecord> logged;
        try (CapturedLog log = CapturedLog.of(Class.forName("io.github.oauthconsumer.client.ClockSkewCorrection"), Level.WARNING);
             Response refused = filtered("bounded").target(telling.twoLeggedUri()).request().get()) {
            assertEquals(401, refused.getStatus());
            logged = log.records();
        }

        assertEquals(Duration.ZERO, definitions.definition("bounded").clock().offset());
        assertEquals(1, logged.size());
        String message = logged.get(0).getMessage();
        assertTrue(message.contains("oauth1.bounded.clock-skew-correction.max-offset (300 s)"), message);
        assertFalse(message.contains(SECRET), message);
    }

    @Test
    void aRefusalIsDiagnosedInTheLogWithoutTheSecret() throws Exception {
        List<LogRecord> logged;
        try (CapturedLog log = CapturedLog.of(Class.forName("io.github.oauthconsumer.client.SignedAttempt"), Level.FINE);
             Response refused = filtered("wrong").target(provider.twoLeggedUri()).request().get()) {
            assertEquals(401, refused.getStatus());
            assertTrue(refused.readEntity(String.class).contains("oauth_signature_base_string="), "the body is intact");
            logged = log.records();
        }

        assertEquals(1, logged.size());
        String diagnosis = logged.get(0).getMessage();
        assertTrue(diagnosis.contains("likely cause:    SECRET"), diagnosis);
        assertFalse(diagnosis.contains(WRONG_SECRET) || diagnosis.contains(SECRET), diagnosis);
    }

    private Client filtered(String name) {
        Client client = ClientBuilder.newClient().register(new OAuthSigningFilter(name));
        clients.add(client);
        return client;
    }

    private static String call(String name, String method, URI uri, int status) {
        return "call " + name + " API_CALL " + method + " " + uri.getHost() + ":" + uri.getPort() + " " + status;
    }

    private static List<String> reportsSince(int before) {
        List<String> reports = MONITOR.reports();
        return reports.subList(before, reports.size());
    }

    private void assertOffsetIsTenMinutes(String name) {
        long offset = definitions.definition(name).clock().offset().toSeconds();
        assertTrue(Math.abs(offset - AHEAD.toSeconds()) <= 5, "offset " + offset + " s");
    }

    /** The monitor the library reports to in this test. */
    @Alternative
    @Priority(1)
    @Dependent
    static class Recording {
        @Produces
        @Alternative
        Monitor monitor() {
            return MONITOR;
        }
    }

    @Dependent
    static class Clients {
        @Inject
        @OAuthConsumer("plain")
        SignedClient plain;
    }
}

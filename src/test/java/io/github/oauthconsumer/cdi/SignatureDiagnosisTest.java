package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.SignatureDiagnosis;
import io.github.oauthconsumer.api.SignatureDiagnosis.Cause;
import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.api.SignedRequest;
import io.github.oauthconsumer.client.ConsumerRegistry;
import io.github.oauthconsumer.config.ConfigKeys;
import io.github.oauthconsumer.testprovider.IssuedToken;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A provider's {@code signature_invalid}, explained: requests that Jersey's provider refuses for
 * the usual reasons (it sees another host, an intermediary adds a parameter after signing, the
 * consumer secret or the token secret is wrong) each come back as an {@link OAuthProblemException}
 * whose {@link SignatureDiagnosis} names the cause, from the base string the provider printed
 * (Jersey's, see {@code BaseStringReport}); no secret in it, its message or its log line.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignatureDiagnosisTest {

    private static final String KEY = "diagnosed-consumer";
    private static final String SECRET = "the-consumer-secret-value";
    private static final String WRONG_SECRET = "a-mistyped-secret-value";
    private static final String WRONG_TOKEN_SECRET = "a-mistyped-token-secret";

    private final JerseyOAuthProvider provider = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET)
            .reportsBaseStrings();
    private final JerseyOAuthProvider behindProxy = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET)
            .reportsBaseStrings().seenAs("api.example.test");
    private final JerseyOAuthProvider withGateway = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET)
            .reportsBaseStrings().addsQueryParameter("via", "gateway");
    private final JerseyOAuthProvider silent = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET)
            .tokenRequestMethod("GET");

    @WeldSetup
    WeldInitiator weld = OAuthWeld.initiator(new ConfigProperties()
            .hmac("right", KEY, SECRET)
            .hmac("mistyped", KEY, WRONG_SECRET)
            .hmac("silent", KEY, WRONG_SECRET).set("silent", ConfigKeys.TOKEN_REQUEST_METHOD, "GET",
                    ConfigKeys.REQUEST_TOKEN_URL, silent.requestTokenUri().toString()), Clients.class);

    @Inject
    Clients clients;

    @Inject
    ConsumerRegistry registry;

    @AfterAll
    void stop() {
        provider.close();
        behindProxy.close();
        withGateway.close();
        silent.close();
    }

    @Test
    void aRequestSignedForAnotherHostIsAUrlDifference() {
        SignatureDiagnosis diagnosis = refusal(clients.right, behindProxy.twoLeggedUri() + "?page=2");

        assertEquals(Cause.URL, diagnosis.likelyCause());
        String ours = diagnosis.baseString();
        String theirs = diagnosis.providerBaseString().orElseThrow();
        assertTrue(theirs.contains("api.example.test"), theirs);
        int at = diagnosis.firstDifference().orElseThrow();
        assertEquals(ours.substring(0, at), theirs.substring(0, at));
        assertTrue(at < ours.indexOf('&', ours.indexOf('&') + 1), "the difference is in the URL: " + at);
        assertEquals("http://127.0.0.1:" + behindProxy.baseUri().getPort() + "/api/two-legged", diagnosis.normalizedUrl());
    }

    @Test
    void aParameterAddedAfterSigningIsAParameterDifference() {
        SignatureDiagnosis diagnosis = refusal(clients.right, withGateway.twoLeggedUri() + "?page=2");

        assertEquals(Cause.PARAMETERS, diagnosis.likelyCause());
        assertTrue(diagnosis.providerBaseString().orElseThrow().contains("via%3Dgateway"));
        assertFalse(diagnosis.baseString().contains("via"));
        int at = diagnosis.firstDifference().orElseThrow();
        assertTrue(at > diagnosis.baseString().indexOf('&', diagnosis.baseString().indexOf('&') + 1));
        assertEquals("query", diagnosis.parameterLocations().get("page"));
        assertEquals("Authorization header", diagnosis.parameterLocations().get("oauth_nonce"));
    }

    @Test
    void aWrongConsumerSecretLeavesTheBaseStringsEqual() {
        SignatureDiagnosis diagnosis = refusal(clients.mistyped, provider.twoLeggedUri().toString());

        assertEquals(Cause.SECRET, diagnosis.likelyCause());
        assertEquals(diagnosis.baseString(), diagnosis.providerBaseString().orElseThrow());
        assertTrue(diagnosis.firstDifference().isEmpty());
        assertEquals("HMAC-SHA1", diagnosis.signatureMethod());
        assertEquals("GET", diagnosis.method());
    }

    @Test
    void aWrongTokenSecretLeavesTheBaseStringsEqual() {
        IssuedToken issued = provider.issueAccessToken(KEY);
        AccessToken wrong = new AccessToken(issued.token(), WRONG_TOKEN_SECRET, null, null, null, Map.of());

        OAuthProblemException refused = assertThrows(OAuthProblemException.class,
                () -> clients.right.send(SignedRequest.get(provider.echoUri().toString()).token(wrong).build()));

        SignatureDiagnosis diagnosis = refused.diagnosis().orElseThrow();
        assertEquals(Cause.SECRET, diagnosis.likelyCause());
        assertTrue(diagnosis.baseString().contains(issued.token()), "the token itself is signed, and public");
        assertNoSecret(refused, WRONG_TOKEN_SECRET, issued.secret());
    }

    @Test
    void theDiagnosisIsLoggedAtFineWithoutSecrets() throws ClassNotFoundException {
        List<LogRecord> records;
        try (CapturedLog log = CapturedLog.of(Class.forName("io.github.oauthconsumer.client.SignedAttempt"), Level.FINE)) {
            refusal(clients.mistyped, provider.twoLeggedUri().toString());
            records = log.records();
        }
        assertEquals(1, records.size());
        assertEquals(Level.FINE, records.get(0).getLevel());
        String logged = records.get(0).getMessage();
        assertTrue(logged.contains("SECRET") && logged.contains("'mistyped'"), logged);
        assertFalse(logged.contains(WRONG_SECRET) || logged.contains(SECRET), logged);
    }

    @Test
    void aTokenRequestRefusedWithoutABaseStringIsExplainedWithTheUsualCauses() {
        OAuthProblemException refused = assertThrows(OAuthProblemException.class,
                () -> registry.endpoints("silent").requestToken("http://127.0.0.1/callback"));

        assertEquals("signature_invalid", refused.problem().code());
        SignatureDiagnosis diagnosis = refused.diagnosis().orElseThrow();
        assertEquals(Cause.UNKNOWN, diagnosis.likelyCause());
        assertTrue(diagnosis.providerBaseString().isEmpty());
        assertTrue(diagnosis.parameterLocations().containsKey("oauth_callback"));
        assertTrue(diagnosis.explanation().contains("URL") && diagnosis.explanation().contains("secret"));
        assertNoSecret(refused, WRONG_SECRET, SECRET);
    }

    private SignatureDiagnosis refusal(SignedClient client, String url) {
        OAuthProblemException refused = assertThrows(OAuthProblemException.class,
                () -> client.send(SignedRequest.get(url).build()));
        assertEquals("signature_invalid", refused.problem().code());
        assertEquals(401, refused.status());
        assertNoSecret(refused, WRONG_SECRET, SECRET);
        SignatureDiagnosis diagnosis = refused.diagnosis().orElseThrow();
        assertTrue(refused.getMessage().contains("likely cause: " + diagnosis.likelyCause()), refused.getMessage());
        return diagnosis;
    }

    private static void assertNoSecret(OAuthProblemException refused, String... secrets) {
        String shown = refused.getMessage() + refused.diagnosis().map(SignatureDiagnosis::toString).orElse("")
                + refused.parameters();
        for (String secret : secrets) {
            assertFalse(shown.contains(secret), shown);
        }
    }

    @Dependent
    static class Clients {
        @Inject
        @OAuthConsumer("right")
        SignedClient right;
        @Inject
        @OAuthConsumer("mistyped")
        SignedClient mistyped;
    }
}

package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.api.SignedRequest;
import io.github.oauthconsumer.config.ConfigKeys;
import io.github.oauthconsumer.testprovider.IssuedToken;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import io.github.oauthconsumer.testprovider.TestCertificates;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link SignedClient} throws when the provider refuses a request, is down, or does not
 * answer within the configured read timeout.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderFailureTest {

    private static final String KEY = "failing-consumer";
    private static final String SECRET = "failing-secret";

    private final JerseyOAuthProvider provider = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET);
    private final SilentServer silent = new SilentServer();

    @WeldSetup
    WeldInitiator weld = OAuthWeld.initiator(new ConfigProperties()
                    .hmac("failing", KEY, SECRET)
                    .hmac("impatient", KEY, SECRET)
                    .set("impatient", ConfigKeys.READ_TIMEOUT, "500ms", ConfigKeys.CONNECT_TIMEOUT, "5s")
                    .set("rsa", ConfigKeys.CONSUMER_KEY, KEY, ConfigKeys.SIGNATURE_METHOD, "RSA-SHA1",
                            ConfigKeys.PRIVATE_KEY, RsaPem.pkcs8(TestCertificates.newRsaKeyPair(1024))),
            Clients.class);

    @Inject
    Clients clients;

    @AfterAll
    void stop() throws IOException {
        provider.close();
        silent.close();
    }

    @Test
    void problemAnsweredByTheProviderBecomesAProblemException() {
        OAuthProblemException failure = assertThrows(OAuthProblemException.class,
                () -> clients.failing.get(provider.echoUri().toString()));

        assertEquals(OAuthProblem.PARAMETER_ABSENT, failure.problem());
        assertEquals(401, failure.status());
        assertEquals(Map.of("oauth_parameters_absent", "oauth_token"), failure.parameters());
    }

    @Test
    void problemAnsweredToAnAsyncRequestFailsTheStage() {
        CompletionException failure = assertThrows(CompletionException.class,
                () -> clients.failing.sendAsync(SignedRequest.get(provider.echoUri().toString()).build())
                        .toCompletableFuture().join());

        OAuthProblemException problem = assertInstanceOf(OAuthProblemException.class, failure.getCause());
        assertEquals(OAuthProblem.PARAMETER_ABSENT, problem.problem());
    }

    @Test
    void rejectedSignatureMethodIsNamed() {
        OAuthProblemException failure = assertThrows(OAuthProblemException.class,
                () -> clients.rsa.get(provider.twoLeggedUri().toString()));

        assertEquals(OAuthProblem.SIGNATURE_METHOD_REJECTED, failure.problem());
    }

    @Test
    void bare401WithoutProblemIsAProviderException() {
        IssuedToken issued = provider.issueAccessToken(KEY);
        provider.revoke(issued.token());

        OAuthProviderException failure = assertThrows(OAuthProviderException.class, () -> clients.failing.get(
                provider.echoUri().toString(), AccessToken.of(issued.token(), issued.secret())));

        assertEquals(401, failure.providerStatus());
        assertFalse(failure.isTimedOut());
    }

    @Test
    void providerThatIsDownIsAProviderException() {
        String url = "http://127.0.0.1:" + SilentServer.closedPort() + "/api";

        OAuthProviderException failure = assertThrows(OAuthProviderException.class, () -> clients.impatient.get(url));

        assertFalse(failure.isTimedOut());
        assertEquals(0, failure.providerStatus());
        assertTrue(failure.getMessage().contains("'impatient' refused the connection"), failure.getMessage());
    }

    @Test
    void providerThatDoesNotAnswerTimesOut() {
        OAuthProviderException failure = assertThrows(OAuthProviderException.class,
                () -> clients.impatient.get(silent.uri() + "api/two-legged"));

        assertTrue(failure.isTimedOut(), String.valueOf(failure));
        assertEquals(0, failure.providerStatus());
    }

    @Test
    void providerThatDoesNotAnswerAnAsyncRequestTimesOut() {
        CompletionException failure = assertThrows(CompletionException.class,
                () -> clients.impatient.sendAsync(SignedRequest.get(silent.uri() + "api/two-legged").build())
                        .toCompletableFuture().join());

        OAuthProviderException providerFailure = assertInstanceOf(OAuthProviderException.class, failure.getCause());
        assertTrue(providerFailure.isTimedOut(), String.valueOf(providerFailure));
    }

    @Dependent
    static class Clients {
        @Inject
        @OAuthConsumer("failing")
        SignedClient failing;

        /** Waits 500 ms for an answer: only for providers that are down or silent. */
        @Inject
        @OAuthConsumer("impatient")
        SignedClient impatient;

        /** RSA-SHA1 for a consumer the provider knows by a shared secret. */
        @Inject
        @OAuthConsumer("rsa")
        SignedClient rsa;
    }
}

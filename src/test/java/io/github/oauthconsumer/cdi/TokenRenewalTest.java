package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.AccessTokenRenewed;
import io.github.oauthconsumer.api.NoAccessTokenException;
import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.OAuthProviderException;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renewal of expired access tokens with the OAuth Session handle: once per request, then the
 * request is sent again; stored and announced with {@link AccessTokenRenewed}; never a loop; and a
 * failed renewal changes nothing.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenRenewalTest {

    private static final String KEY = "renewing-consumer";
    private static final String SECRET = "renewing-secret";

    private final JerseyOAuthProvider provider = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET);

    @WeldSetup
    WeldInitiator weld = OAuthWeld.initiator(new ConfigProperties().hmac("renew", KEY, SECRET)
                    .set("renew", ConfigKeys.ACCESS_TOKEN_URL, provider.accessTokenUri().toString()),
            RenewingClient.class, InMemoryTokenStore.class, RenewalRecorder.class);

    @Inject
    RenewingClient bean;
    @Inject
    InMemoryTokenStore store;
    @Inject
    RenewalRecorder renewals;

    private int renewalsBefore;
    private int renewalAttemptsBefore;

    @BeforeEach
    void reset() {
        store.clear();
        renewals.clear();
        provider.resetRecords();
        provider.accessTokenLifetime(Duration.ofHours(1));
        renewalsBefore = provider.renewalCount();
        renewalAttemptsBefore = provider.renewalAttempts();
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }

    @Test
    void expiredGivenTokenIsRenewedOnceAndTheRequestRetried() {
        AccessToken token = issue();
        provider.expire(token.token());

        EchoResponse echo = accepted(bean.client.get(provider.echoUri() + "?q=1", token));

        String renewed = provider.currentAccessToken(token.sessionHandle());
        assertNotEquals(token.token(), renewed);
        assertEquals(renewed, echo.token());
        assertEquals("1", echo.queryParam("q"));
        assertEquals(1, provider.renewalCount() - renewalsBefore);
        assertEquals(List.of("api/echo 401", "oauth/access_token 200", "api/echo 200"), exchanges());
        AccessTokenRenewed event = single(renewals.events());
        assertEquals("renew", event.consumerName());
        assertEquals(token, event.previous());
        assertEquals(renewed, event.renewed().token());
        assertEquals(token.sessionHandle(), event.renewed().sessionHandle());
        assertEquals(Optional.empty(), store.find("renew"));
    }

    @Test
    void expiredStoredTokenIsRenewedAndTheRenewedOneStored() {
        AccessToken token = issue();
        store.store("renew", token);
        provider.expire(token.token());

        EchoResponse echo = accepted(bean.client.send(SignedRequest.get(provider.echoUri().toString()).currentUser().build()));

        AccessToken stored = store.find("renew").orElseThrow();
        assertEquals(provider.currentAccessToken(token.sessionHandle()), stored.token());
        assertEquals(stored.token(), echo.token());
        assertEquals(stored, single(renewals.events()).renewed());
        assertEquals(Optional.of(stored), bean.client.currentAccessToken());
        assertEquals(1, provider.renewalCount() - renewalsBefore);
    }

    @Test
    void asyncRequestsRenewToo() throws Exception {
        AccessToken token = issue();
        provider.expire(token.token());

        Response response = bean.client.sendAsync(SignedRequest.get(provider.echoUri().toString()).token(token).build())
                .toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertEquals(provider.currentAccessToken(token.sessionHandle()), accepted(response).token());
        assertEquals(1, provider.renewalCount() - renewalsBefore);
        assertEquals(1, renewals.events().size());
    }

    @Test
    void failedRenewalThrowsAndStoresNothing() {
        AccessToken token = issue();
        store.store("renew", token);
        provider.endSession(token.sessionHandle());
        provider.expire(token.token());

        OAuthProblemException failure = assertThrows(OAuthProblemException.class,
                () -> bean.client.send(SignedRequest.get(provider.echoUri().toString()).currentUser().build()));

        assertEquals(OAuthProblem.PERMISSION_DENIED, failure.problem());
        assertEquals(401, failure.status());
        assertEquals(Optional.of(token), store.find("renew"));
        assertEquals(List.of(), renewals.events());
        assertEquals(1, provider.renewalAttempts() - renewalAttemptsBefore);
        assertEquals(0, provider.renewalCount() - renewalsBefore);
        assertEquals(List.of("api/echo 401", "oauth/access_token 401"), exchanges());
    }

    @Test
    void aRenewedTokenThatIsRefusedAgainIsNotRenewedAgain() {
        AccessToken token = issue();
        provider.expire(token.token());
        provider.accessTokenLifetime(Duration.ZERO);

        OAuthProblemException failure = assertThrows(OAuthProblemException.class,
                () -> bean.client.get(provider.echoUri().toString(), token));

        assertEquals(OAuthProblem.TOKEN_EXPIRED, failure.problem());
        assertEquals(1, provider.renewalAttempts() - renewalAttemptsBefore);
        assertEquals(List.of("api/echo 401", "oauth/access_token 200", "api/echo 401"), exchanges());
    }

    @Test
    void aCallerWhoseTokenAnotherCallerRenewedMeanwhileTakesThatRenewalWhenTheProviderRefusesTheOldToken() {
        AccessToken token = issue();
        provider.expire(token.token());
        String renewed = accepted(bean.client.get(provider.echoUri().toString(), token)).token();
        provider.resetRecords();

        EchoResponse late = accepted(bean.client.get(provider.echoUri().toString(), token));

        assertEquals(renewed, late.token());
        assertEquals(List.of("api/echo 401", "api/echo 200"), exchanges(), "sent again with the renewed token, not renewed again");
        assertEquals(1, provider.renewalCount() - renewalsBefore);
        assertEquals(1, renewals.events().size());
    }

    @Test
    void aRefusedTokenWithoutSessionHandleIsRefusedAfterOneExchangeEvenWhenItsSessionWasRenewed() {
        AccessToken token = issue();
        provider.expire(token.token());
        accepted(bean.client.get(provider.echoUri().toString(), token));
        provider.resetRecords();

        OAuthProviderException failure = assertThrows(OAuthProviderException.class,
                () -> bean.client.get(provider.echoUri().toString(), AccessToken.of(token.token(), token.secret())));

        assertEquals(401, failure.providerStatus(), "Jersey refuses a token it replaced with a bare 401");
        assertEquals(List.of("api/echo 401"), exchanges(), "a token that is not renewable is not replaced by a renewal");
        assertEquals(1, provider.renewalAttempts() - renewalAttemptsBefore);
    }

    @Test
    void tokenKnownToHaveExpiredIsRenewedBeforeSending() {
        IssuedToken issued = provider.issueAccessToken(KEY);
        AccessToken expiredByItsOwnDate = new AccessToken(issued.token(), issued.secret(), issued.sessionHandle(),
                Instant.now().minusSeconds(60), null, Map.of());

        EchoResponse echo = accepted(bean.client.get(provider.echoUri().toString(), expiredByItsOwnDate));

        assertEquals(provider.currentAccessToken(issued.sessionHandle()), echo.token());
        assertNotEquals(issued.token(), echo.token());
        assertEquals(1, provider.renewalCount() - renewalsBefore);
        assertEquals(List.of("oauth/access_token 200", "api/echo 200"), exchanges());
        assertEquals(expiredByItsOwnDate, single(renewals.events()).previous());
    }

    @Test
    void tokenWithoutSessionHandleIsNotRenewed() {
        IssuedToken issued = provider.issueAccessToken(KEY);
        provider.expire(issued.token());

        OAuthProblemException failure = assertThrows(OAuthProblemException.class,
                () -> bean.client.get(provider.echoUri().toString(), AccessToken.of(issued.token(), issued.secret())));

        assertEquals(OAuthProblem.TOKEN_EXPIRED, failure.problem());
        assertEquals(List.of("api/echo 401"), exchanges());
        assertEquals(List.of(), renewals.events());
    }

    @Test
    void currentUserWithoutTokenIsRefusedBeforeAnyRequest() {
        NoAccessTokenException failure = assertThrows(NoAccessTokenException.class,
                () -> bean.client.send(SignedRequest.get(provider.echoUri().toString()).currentUser().build()));

        assertEquals("renew", failure.consumerName());
        assertTrue(provider.exchanges().isEmpty());
    }

    private AccessToken issue() {
        IssuedToken issued = provider.issueAccessToken(KEY);
        return new AccessToken(issued.token(), issued.secret(), issued.sessionHandle(), null, null, Map.of());
    }

    private List<String> exchanges() {
        return provider.exchanges().stream().map(exchange -> exchange.path() + " " + exchange.status()).toList();
    }

    private static <T> T single(List<T> list) {
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }

    private static EchoResponse accepted(Response response) {
        try (response) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return EchoResponse.parse(body);
        }
    }

    @Dependent
    static class RenewingClient {
        @Inject
        @OAuthConsumer("renew")
        SignedClient client;
    }
}

package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.AccessTokenFlow;
import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.config.ConfigKeys;
import io.github.oauthconsumer.testprovider.IssuedToken;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link AccessTokenFlow} bean on Weld, against Jersey's OAuth 1 server: the start URL, the
 * current user's token, and disconnect, which revokes the token at the provider when a revocation
 * URL is configured.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTokenFlowBeanTest {

    private static final String KEY = "flow-bean-consumer";
    private static final String SECRET = "flow bean secret";

    private final JerseyOAuthProvider provider = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET);

    @WeldSetup
    WeldInitiator weld = OAuthWeld.initiator(flowConsumer("revoking")
                    .set("revoking", ConfigKeys.REVOCATION_URL, provider.revocationUri().toString())
                    .hmac("plain", KEY, SECRET).set("plain", ConfigKeys.REQUEST_TOKEN_URL, provider.requestTokenUri().toString(),
                            ConfigKeys.AUTHORIZATION_URL, provider.authorizationUri().toString(),
                            ConfigKeys.ACCESS_TOKEN_URL, provider.accessTokenUri().toString())
                    .hmac("unreachable", KEY, SECRET).set("unreachable", ConfigKeys.REVOCATION_URL, "http://127.0.0.1:1/revoke")
                    .hmac("no-flow", KEY, SECRET),
            InMemoryTokenStore.class);

    @Inject
    AccessTokenFlow flow;
    @Inject
    InMemoryTokenStore store;

    private ConfigProperties flowConsumer(String name) {
        return new ConfigProperties().hmac(name, KEY, SECRET).set(name,
                ConfigKeys.REQUEST_TOKEN_URL, provider.requestTokenUri().toString(),
                ConfigKeys.AUTHORIZATION_URL, provider.authorizationUri().toString(),
                ConfigKeys.ACCESS_TOKEN_URL, provider.accessTokenUri().toString());
    }

    @BeforeEach
    void clear() {
        store.clear();
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }

    @Test
    void theStartUrlIsTheFlowsAuthorizeResourceWithNextAPathOfThisApplication() {
        assertEquals("/oauth1/revoking/authorize?next=%2Fissues%3Fmine%3Dtrue", flow.startUrl("revoking", "/issues?mine=true"));
        assertEquals("/oauth1/revoking/authorize?next=%2Fissues", flow.startUrl("revoking", "issues"));
        assertEquals("/oauth1/revoking/authorize?next=%2F", flow.startUrl("revoking", null));
        assertEquals("/oauth1/revoking/authorize?next=%2F", flow.startUrl("revoking", "//evil.example/x"),
                "never a way elsewhere");
        assertEquals("/oauth1/revoking/authorize?next=%2F", flow.startUrl("revoking", "https://evil.example/"));
    }

    @Test
    void aNameWithoutTheFlowsUrlsHasNoStartUrl() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> flow.startUrl("no-flow", "/"));

        assertEquals("OAuth consumer 'no-flow' cannot run the access-token flow: set oauth1.no-flow.request-token-url,"
                + " oauth1.no-flow.authorization-url and oauth1.no-flow.access-token-url", missing.getMessage());
    }

    @Test
    void startingOutsideAnHttpRequestSaysWhatToDoInstead() {
        IllegalStateException outside = assertThrows(IllegalStateException.class, () -> flow.start("revoking", "/"));

        assertTrue(outside.getMessage().startsWith("AccessTokenFlow.start needs a current HTTP request"), outside.getMessage());
    }

    @Test
    void hasAccessTokenReadsTheApplicationsStore() {
        assertFalse(flow.hasAccessToken("revoking"));

        store.store("revoking", AccessToken.of("t", "s"));

        assertTrue(flow.hasAccessToken("revoking"));
        assertFalse(flow.hasAccessToken("plain"));
    }

    @Test
    void disconnectForgetsTheTokenAndRevokesItAtTheProvider() {
        IssuedToken issued = provider.issueAccessToken(KEY);
        store.store("revoking", token(issued));
        assertTrue(provider.isActive(issued.token()));

        flow.disconnect("revoking");

        assertFalse(flow.hasAccessToken("revoking"));
        assertFalse(provider.isActive(issued.token()), "revoked at the provider by a POST signed with the token");
    }

    @Test
    void aTokenTheProviderSaysIsUnusableIsForgottenWithoutError() {
        IssuedToken issued = provider.issueAccessToken(KEY);
        provider.expire(issued.token()); // answered 401 with oauth_problem=token_expired
        store.store("revoking", token(issued));

        flow.disconnect("revoking");

        assertFalse(flow.hasAccessToken("revoking"));
    }

    @Test
    void withoutARevocationUrlDisconnectOnlyForgetsTheToken() {
        IssuedToken issued = provider.issueAccessToken(KEY);
        store.store("plain", token(issued));

        flow.disconnect("plain");

        assertFalse(flow.hasAccessToken("plain"));
        assertTrue(provider.isActive(issued.token()));
    }

    @Test
    void anUnreachableProviderFailsTheRevocationButTheTokenIsForgotten() {
        store.store("unreachable", AccessToken.of("t", "s"));

        OAuthProviderException failed = assertThrows(OAuthProviderException.class, () -> flow.disconnect("unreachable"));

        assertTrue(failed.getMessage().contains("'unreachable'"), failed.getMessage());
        assertFalse(flow.hasAccessToken("unreachable"));
    }

    @Test
    void disconnectWithoutATokenCallsNobody() {
        int before = provider.requestCount(JerseyOAuthProvider.REVOKE_PATH);

        flow.disconnect("revoking");

        assertEquals(before, provider.requestCount(JerseyOAuthProvider.REVOKE_PATH));
    }

    private static AccessToken token(IssuedToken issued) {
        return new AccessToken(issued.token(), issued.secret(), null, null, null, Map.of());
    }
}

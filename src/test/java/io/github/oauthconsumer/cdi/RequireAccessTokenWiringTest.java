package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.NoAccessTokenException;
import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.RequireAccessToken;
import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.config.ConfigKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RequireAccessToken} without a beans.xml: the extension registers the interceptor, which
 * lets a method run only with the current user's token for the named consumer; outside a web
 * request a missing token is a {@link NoAccessTokenException}. Names are checked at deployment.
 */
class RequireAccessTokenWiringTest {

    private static final AccessToken TOKEN = AccessToken.of("at-1", "at-secret");

    @Test
    void theMethodRunsWithTheCurrentUsersTokenAndCanUseIt() {
        try (WeldContainer container = OAuthWeld.start(flowConsumers("jira", "wiki"), Protected.class,
                InMemoryTokenStore.class)) {
            container.select(InMemoryTokenStore.class).get().store("jira", TOKEN);

            assertEquals(Optional.of(TOKEN), container.select(Protected.class).get().jiraToken());
        }
    }

    @Test
    void withoutATokenOutsideAWebRequestTheMethodDoesNotRun() {
        try (WeldContainer container = OAuthWeld.start(flowConsumers("jira", "wiki"), Protected.class,
                InMemoryTokenStore.class)) {
            Protected bean = container.select(Protected.class).get();

            NoAccessTokenException e = assertThrows(NoAccessTokenException.class, bean::jiraToken);

            assertEquals("jira", e.consumerName());
            assertEquals(0, bean.calls);
        }
    }

    @Test
    void theMethodsAnnotationOverridesTheClasss() {
        try (WeldContainer container = OAuthWeld.start(flowConsumers("jira", "wiki"), Protected.class,
                InMemoryTokenStore.class)) {
            container.select(InMemoryTokenStore.class).get().store("jira", TOKEN);
            Protected bean = container.select(Protected.class).get();

            NoAccessTokenException e = assertThrows(NoAccessTokenException.class, bean::wikiPage);

            assertEquals("wiki", e.consumerName());
            container.select(InMemoryTokenStore.class).get().store("wiki", AccessToken.of("wt", "ws"));
            assertEquals("page", bean.wikiPage());
        }
    }

    @Test
    void anUnconfiguredNameStopsTheDeploymentNamingTheKeys() {
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> OAuthWeld.start(flowConsumers("jira", "wiki"), Protected.class, Misnamed.class).close());

        String message = messages(e);
        assertTrue(message.contains("oauth1.jria.consumer-key is missing"), message);
        assertTrue(message.contains("oauth1.jria.request-token-url is missing (needed by @RequireAccessToken(\"jria\"))"),
                message);
        assertFalse(message.contains("oauth1.jira."), message);
        assertFalse(message.contains("oauth1.default."), message);
    }

    private static ConfigProperties flowConsumers(String... names) {
        ConfigProperties config = new ConfigProperties();
        for (String name : names) {
            config.hmac(name, name + "-key", name + "-secret").set(name,
                    ConfigKeys.REQUEST_TOKEN_URL, "https://" + name + ".example/request",
                    ConfigKeys.AUTHORIZATION_URL, "https://" + name + ".example/authorize",
                    ConfigKeys.ACCESS_TOKEN_URL, "https://" + name + ".example/access");
        }
        return config;
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }

    /** Needs the jira token, except for one method that needs the wiki token. */
    @ApplicationScoped
    @RequireAccessToken("jira")
    static class Protected {

        @Inject
        @OAuthConsumer("jira")
        SignedClient jira;

        int calls;

        Optional<AccessToken> jiraToken() {
            calls++;
            return jira.currentAccessToken();
        }

        @RequireAccessToken("wiki")
        String wikiPage() {
            calls++;
            return "page";
        }
    }

    /** Names a consumer that is not configured. */
    @ApplicationScoped
    static class Misnamed {

        @RequireAccessToken("jria")
        void call() {
            // never called: the deployment fails
        }
    }
}

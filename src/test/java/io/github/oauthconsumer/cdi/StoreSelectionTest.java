package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.client.LocalTokenRenewals;
import io.github.oauthconsumer.client.TokenRenewals;
import io.github.oauthconsumer.cluster.SharedAccessTokenStore;
import io.github.oauthconsumer.cluster.SharedNonceStore;
import io.github.oauthconsumer.cluster.SharedPendingAuthorizationStore;
import io.github.oauthconsumer.cluster.SharedTokenRenewals;
import io.github.oauthconsumer.config.StoreConfig;
import io.github.oauthconsumer.spi.AccessTokenStore;
import io.github.oauthconsumer.spi.NonceStore;
import io.github.oauthconsumer.spi.PendingAuthorizationStore;
import io.github.oauthconsumer.store.DefaultNonceStore;
import io.github.oauthconsumer.store.SessionAccessTokenStore;
import io.github.oauthconsumer.store.SessionPendingAuthorizationStore;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code oauth1.store} chooses the stores: each node's own by default, the cluster's JCache ones with {@code jcache}. */
class StoreSelectionTest {

    @Test
    void byDefaultEachNodeKeepsItsOwnState() {
        try (WeldContainer container = OAuthWeld.start(new ConfigProperties(), Bystander.class)) {
            assertInstanceOf(DefaultNonceStore.class, unproxied(container.select(NonceStore.class).get()));
            assertInstanceOf(SessionAccessTokenStore.class, unproxied(container.select(AccessTokenStore.class).get()));
            assertInstanceOf(SessionPendingAuthorizationStore.class, unproxied(container.select(PendingAuthorizationStore.class).get()));
            assertInstanceOf(LocalTokenRenewals.class, unproxied(container.select(TokenRenewals.class).get()));
        }
    }

    @Test
    void jcacheSharesEverythingThroughTheCluster() {
        ConfigProperties config = new ConfigProperties().global(StoreConfig.STORE, "JCache")
                .global(StoreConfig.CACHING_PROVIDER, "org.ehcache.jsr107.EhcacheCachingProvider");
        try (WeldContainer container = OAuthWeld.start(config, Bystander.class)) {
            assertInstanceOf(SharedNonceStore.class, unproxied(container.select(NonceStore.class).get()));
            assertInstanceOf(SharedAccessTokenStore.class, unproxied(container.select(AccessTokenStore.class).get()));
            assertInstanceOf(SharedPendingAuthorizationStore.class, unproxied(container.select(PendingAuthorizationStore.class).get()));
            assertInstanceOf(SharedTokenRenewals.class, unproxied(container.select(TokenRenewals.class).get()));
        }
    }

    @Test
    void anUnknownStoreStopsTheDeploymentNamingTheKey() {
        DeploymentException failure = assertThrows(DeploymentException.class,
                () -> OAuthWeld.start(new ConfigProperties().global(StoreConfig.STORE, "redis"), Bystander.class).close());
        assertTrue(failure.getMessage().contains("oauth1.store must be 'local' or 'jcache', not 'redis'"), failure.getMessage());
    }

    @Test
    void badJCacheSettingsStopTheDeploymentNamingTheKey() {
        ConfigProperties config = new ConfigProperties().global(StoreConfig.STORE, "jcache")
                .global(StoreConfig.TOKEN_IDLE_TIMEOUT, "forever");
        DeploymentException failure = assertThrows(DeploymentException.class, () -> OAuthWeld.start(config, Bystander.class).close());
        assertTrue(failure.getMessage().contains(StoreConfig.TOKEN_IDLE_TIMEOUT + " must be a positive duration"), failure.getMessage());
    }

    /** The bean behind a client proxy: its class is a subclass of the bean class. */
    private static Object unproxied(Object reference) {
        return reference instanceof org.jboss.weld.proxy.WeldClientProxy proxy ? proxy.getMetadata().getContextualInstance() : reference;
    }

    /** A bean of the application (Weld needs one). */
    @Dependent
    static class Bystander {
    }
}

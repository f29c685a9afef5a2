package io.github.oauthconsumer.cluster;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthConsumerConfig;
import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.client.TokenRenewals;
import io.github.oauthconsumer.config.ConsumerDefinitions;
import io.github.oauthconsumer.config.StoreConfig;
import io.github.oauthconsumer.spi.NonceStoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared nonce store and renewals on a real JCache provider (Ehcache), with two "nodes" (two
 * sets of beans over one cache manager): each nonce accepted once, each token renewed once, a
 * failed renewal leaves nothing behind, an abandoned claim is taken over, an unusable cache refuses
 * nonces. The two-node test on Payara Micro's data grid is {@code it.cluster.ClusterIT}.
 */
class SharedCachesTest {

    private static final String PROVIDER = "org.ehcache.jsr107.EhcacheCachingProvider";

    private CacheManager manager;
    private SharedCaches nodeA;
    private SharedCaches nodeB;
    private ExecutorService threads;

    @BeforeEach
    void createNodes() {
        // the provider's default manager; closed after each test, so each test gets a new one
        CachingProvider provider = Caching.getCachingProvider(PROVIDER);
        manager = provider.getCacheManager(provider.getDefaultURI(), getClass().getClassLoader());
        StoreConfig config = new StoreConfig(true, Optional.of(PROVIDER), Optional.empty(), "test-", Duration.ofHours(1));
        ConsumerDefinitions definitions = new ConsumerDefinitions();
        nodeA = new SharedCaches(config, definitions, getClass().getClassLoader());
        nodeB = new SharedCaches(config, definitions, getClass().getClassLoader());
        threads = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        manager.close();
    }

    @Test
    void aNonceIsAcceptedOnceWhicheverNodeSeesIt() {
        SharedNonceStore a = nonceStore(nodeA);
        SharedNonceStore b = nonceStore(nodeB);
        Instant expires = Instant.now().plusSeconds(300);
        assertTrue(a.register("key", 1000, "n1", expires));
        assertFalse(b.register("key", 1000, "n1", expires));
        assertFalse(a.register("key", 1000, "n1", expires));
        assertTrue(b.register("key", 1000, "n2", expires), "another nonce");
        assertTrue(b.register("key", 1001, "n1", expires), "another timestamp");
        assertTrue(b.register("other key", 1000, "n1", expires), "another consumer");
        assertEquals("test-nonces", nodeA.name(SharedCaches.NONCES));
    }

    @Test
    void theSameNonceAtTheSameMomentIsAcceptedOnce() throws Exception {
        SharedNonceStore[] nodes = {nonceStore(nodeA), nonceStore(nodeB)};
        Instant expires = Instant.now().plusSeconds(300);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            SharedNonceStore node = nodes[i % 2];
            results.add(threads.submit(() -> {
                start.await();
                return node.register("key", 2000, "raced", expires);
            }));
        }
        start.countDown();
        int accepted = 0;
        for (Future<Boolean> result : results) {
            accepted += result.get() ? 1 : 0;
        }
        assertEquals(1, accepted);
    }

    @Test
    void anUnusableCacheRefusesNoncesAndNeverLetsThemIn() {
        SharedNonceStore store = nonceStore(new SharedCaches(new StoreConfig(true, Optional.of("no.such.CachingProvider"),
                Optional.empty(), "test-", Duration.ofHours(1)), new ConsumerDefinitions(), getClass().getClassLoader()));
        NonceStoreUnavailableException refused = assertThrows(NonceStoreUnavailableException.class,
                () -> store.register("key", 1000, "n1", Instant.now().plusSeconds(300)));
        assertTrue(refused.getMessage().contains("test-nonces"), refused.getMessage());
        assertTrue(refused.retryAfterSeconds() > 0);
    }

    @Test
    void aNonceThatMustOutliveTheCacheIsRefused() {
        SharedNonceStore store = nonceStore(nodeA);
        assertThrows(NonceStoreUnavailableException.class,
                () -> store.register("key", 1000, "n1", Instant.now().plus(Duration.ofHours(1))));
    }

    @Test
    void concurrentRenewalsOnTwoNodesCallTheProviderOnce() throws Exception {
        SharedTokenRenewals[] nodes = {renewals(nodeA), renewals(nodeB)};
        AccessToken expired = new AccessToken("old", "old secret", "handle", Instant.EPOCH, null, java.util.Map.of());
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TokenRenewals.Renewed>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            SharedTokenRenewals node = nodes[i % 2];
            Callable<TokenRenewals.Renewed> renew = () -> {
                start.await();
                return node.renew("c", expired, () -> AccessToken.of("new-" + calls.incrementAndGet(), "new secret"));
            };
            results.add(threads.submit(renew));
        }
        start.countDown();
        int here = 0;
        for (Future<TokenRenewals.Renewed> result : results) {
            assertEquals(AccessToken.of("new-1", "new secret"), result.get().token());
            here += result.get().here() ? 1 : 0;
        }
        assertEquals(1, calls.get(), "one renewal at the provider");
        assertEquals(1, here, "one caller reports it");
    }

    @Test
    void aFailedRenewalLeavesNothingBehind() {
        SharedTokenRenewals a = renewals(nodeA);
        SharedTokenRenewals b = renewals(nodeB);
        AccessToken expired = new AccessToken("old", "old secret", "handle", Instant.EPOCH, null, java.util.Map.of());
        assertThrows(OAuthProviderException.class, () -> a.renew("c", expired, () -> {
            throw new OAuthProviderException("provider down", 503);
        }));
        TokenRenewals.Renewed renewed = b.renew("c", expired, () -> AccessToken.of("new", "s"));
        assertTrue(renewed.here(), "the other node renews, no claim was left behind");
        assertEquals("new", a.renew("c", expired, () -> AccessToken.of("third", "s")).token().token(),
                "and node A then uses B's renewal");
    }

    @Test
    void anAbandonedClaimIsTakenOver() {
        AccessToken expired = new AccessToken("old", "old secret", "handle", Instant.EPOCH, null, java.util.Map.of());
        String key = Sealing.digest("renewal", "c", "old");
        nodeA.renewals().put(key, "claimed:" + Instant.now().minusSeconds(1).toEpochMilli() + ":gone-node");
        TokenRenewals.Renewed renewed = renewals(nodeB).renew("c", expired, () -> AccessToken.of("new", "s"));
        assertTrue(renewed.here());
        assertEquals("new", renewed.token().token());
    }

    @Test
    void theRenewedTokenIsSealedWithTheExpiredTokensSecret() {
        AccessToken expired = new AccessToken("old", "old secret", "handle", Instant.EPOCH, null, java.util.Map.of());
        renewals(nodeA).renew("c", expired, () -> AccessToken.of("the-renewed-token", "the-renewed-secret"));
        String entry = nodeA.renewals().get(Sealing.digest("renewal", "c", "old"));
        assertTrue(entry.startsWith("renewed:"), entry);
        assertFalse(entry.contains("the-renewed"), entry);
        assertEquals("the-renewed-token", renewals(nodeB).renew("c", expired, () -> AccessToken.of("x", "y")).token().token());
    }

    @Test
    void theRenewalAnotherNodeMadeIsFoundWithoutRenewingAndNothingIsFoundForOtherTokens() {
        AccessToken expired = new AccessToken("old", "old secret", "handle", Instant.EPOCH, null, java.util.Map.of());
        SharedTokenRenewals b = renewals(nodeB);
        assertEquals(java.util.Optional.empty(), b.renewalOf("c", expired), "nobody renewed it");
        renewals(nodeA).renew("c", expired, () -> AccessToken.of("the-renewed-token", "s"));

        assertEquals("the-renewed-token", b.renewalOf("c", expired).orElseThrow().token());
        AccessToken other = new AccessToken("other", "other secret", "handle", Instant.EPOCH, null, java.util.Map.of());
        assertEquals(java.util.Optional.empty(), b.renewalOf("c", other));
        String abandoned = Sealing.digest("renewal", "c", "other");
        nodeA.renewals().put(abandoned, "claimed:" + Instant.now().minusSeconds(1).toEpochMilli() + ":gone-node");
        assertEquals(java.util.Optional.empty(), b.renewalOf("c", other), "a claim whose node is gone is no renewal");
    }

    private static SharedNonceStore nonceStore(SharedCaches caches) {
        SharedNonceStore store = new SharedNonceStore();
        store.caches = caches;
        return store;
    }

    private static SharedTokenRenewals renewals(SharedCaches caches) {
        SharedTokenRenewals renewals = new SharedTokenRenewals();
        renewals.caches = caches;
        ConsumerDefinitions definitions = new ConsumerDefinitions();
        renewals.definitions = definitions;
        return renewals;
    }
}

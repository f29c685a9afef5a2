package io.github.oauthconsumer.cluster;

import io.github.oauthconsumer.config.ConsumerDefinition;
import io.github.oauthconsumer.config.ConsumerDefinitions;
import io.github.oauthconsumer.config.StoreConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;
import javax.cache.spi.CachingProvider;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The four caches the shared stores use, from the cluster's JCache {@code CacheManager}: the one
 * named by {@code oauth1.store.jcache.provider} / {@code .uri}, else the server's own (Payara's,
 * at {@code payara/CacheManager} in JNDI), else the default provider's. A cache the operator
 * configured beforehand (in the grid's own configuration) is used as it is; a missing one is
 * created with the expiry below. Caches are opened on first use, so that a grid that is down at
 * deployment does not stop the application.
 *
 * <table>
 * <caption>The caches (names with the default prefix {@code oauth1-})</caption>
 * <tr><th>cache</th><th>entry</th><th>expiry</th></tr>
 * <tr><td>{@code oauth1-nonces}</td><td>one per accepted signed request</td><td>twice the longest timestamp window, plus a minute, from creation</td></tr>
 * <tr><td>{@code oauth1-pending-authorizations}</td><td>one per started flow</td><td>the longest pending timeout, plus a minute, from creation</td></tr>
 * <tr><td>{@code oauth1-access-tokens}</td><td>one per user and consumer</td><td>{@code oauth1.store.jcache.token-idle-timeout} (30 days) without use</td></tr>
 * <tr><td>{@code oauth1-renewals}</td><td>one per renewal</td><td>10 minutes from creation</td></tr>
 * </table>
 */
@ApplicationScoped
public class SharedCaches {

    static final String NONCES = "nonces";
    static final String PENDING = "pending-authorizations";
    static final String TOKENS = "access-tokens";
    static final String RENEWALS = "renewals";

    /** Payara's cache manager over its Hazelcast data grid. */
    static final String PAYARA_CACHE_MANAGER = "payara/CacheManager";
    static final Duration RENEWAL_ENTRY_LIFETIME = Duration.ofMinutes(10);
    private static final Duration MARGIN = Duration.ofMinutes(1);

    @Inject
    ConsumerDefinitions definitions;

    private StoreConfig config;
    private ClassLoader loader;
    private volatile CacheManager manager;
    private volatile Duration nonceLifetime;
    private final ConcurrentMap<String, Cache<String, String>> opened = new ConcurrentHashMap<>();

    /** Used by CDI; the settings are read after injection. */
    public SharedCaches() {
    }

    /** The caches of these settings and consumers, found with this class loader. */
    SharedCaches(StoreConfig config, ConsumerDefinitions definitions, ClassLoader loader) {
        this.config = config;
        this.definitions = definitions;
        this.loader = loader;
    }

    @PostConstruct
    void readConfig() {
        loader = Thread.currentThread().getContextClassLoader();
        config = StoreConfig.read(ConfigProvider.getConfig(loader));
    }

    /** The nonces: one entry per accepted request, for as long as its timestamp could be accepted. */
    Cache<String, String> nonces() {
        return cache(NONCES, () -> CreatedExpiryPolicy.factoryOf(duration(nonceLifetime())));
    }

    /**
     * How long a nonce entry lives: twice the longest timestamp window of the deployed consumers,
     * plus a minute. Computed once (the deployed consumers do not change), since every verified
     * request asks.
     */
    Duration nonceLifetime() {
        Duration lifetime = nonceLifetime;
        if (lifetime == null) {
            lifetime = longestWindow().multipliedBy(2).plus(MARGIN);
            nonceLifetime = lifetime;
        }
        return lifetime;
    }

    private Duration longestWindow() {
        Duration longest = Duration.ofSeconds(300);
        for (ConsumerDefinition definition : definitions.deployed()) {
            Duration window = definition.config().timestampWindow();
            longest = window.compareTo(longest) > 0 ? window : longest;
        }
        return longest;
    }

    /** The pending authorizations, for the longest pending timeout plus a minute. */
    Cache<String, String> pending() {
        return cache(PENDING, () -> CreatedExpiryPolicy.factoryOf(duration(longestPendingTimeout().plus(MARGIN))));
    }

    private Duration longestPendingTimeout() {
        Duration longest = Duration.ofMinutes(10);
        for (ConsumerDefinition definition : definitions.deployed()) {
            Duration timeout = definition.config().pendingAuthorizationTimeout();
            longest = timeout.compareTo(longest) > 0 ? timeout : longest;
        }
        return longest;
    }

    /** The access tokens, forgotten after {@code oauth1.store.jcache.token-idle-timeout} without use. */
    Cache<String, String> tokens() {
        return cache(TOKENS, () -> TouchedExpiryPolicy.factoryOf(duration(config.tokenIdleTimeout())));
    }

    /** The renewals in progress and their results. */
    Cache<String, String> renewals() {
        return cache(RENEWALS, () -> CreatedExpiryPolicy.factoryOf(duration(RENEWAL_ENTRY_LIFETIME)));
    }

    /** The full name of one of the caches. */
    String name(String what) {
        return config.cacheName(what);
    }

    /** The cache, opened (and created with the expiry {@code expiry} gives) on first use or after it was closed. */
    private Cache<String, String> cache(String what, Supplier<Factory<ExpiryPolicy>> expiry) {
        Cache<String, String> cache = opened.get(what);
        if (cache != null && !cache.isClosed()) {
            return cache;
        }
        cache = open(config.cacheName(what), expiry.get());
        opened.put(what, cache);
        return cache;
    }

    @SuppressWarnings("unchecked")
    private Cache<String, String> open(String name, Factory<ExpiryPolicy> expiry) {
        CacheManager cacheManager = manager();
        Cache<String, String> cache = cacheManager.getCache(name);
        if (cache != null) {
            return cache;
        }
        MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                .setExpiryPolicyFactory(expiry)
                .setStoreByValue(true);
        try {
            return cacheManager.createCache(name, withoutEviction(cacheManager, configuration));
        } catch (CacheException createdMeanwhile) {
            cache = cacheManager.getCache(name);
            if (cache == null) {
                throw createdMeanwhile;
            }
            return cache;
        }
    }

    /**
     * The configuration, made one that never evicts an entry before it expires. JCache cannot say
     * so, and Hazelcast (Payara's grid) evicts beyond 10,000 entries per cache by default: an
     * evicted nonce would let its replay in, an evicted token would send its user through the flow
     * again. For Hazelcast the cache gets an entry-count limit no cache reaches, set through its own
     * configuration class (by reflection: the library does not depend on Hazelcast). Other
     * providers' caches made from a plain JCache configuration do not evict.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Configuration<String, String> withoutEviction(CacheManager manager, MutableConfiguration<String, String> configuration) {
        String provider = manager.getCachingProvider().getClass().getName();
        if (!provider.startsWith("com.hazelcast.") && !manager.getClass().getName().startsWith("com.hazelcast.")) {
            return configuration;
        }
        ClassLoader hazelcast = manager.getClass().getClassLoader();
        try {
            Class<?> cacheConfig = Class.forName("com.hazelcast.config.CacheConfig", true, hazelcast);
            Class<?> evictionConfig = Class.forName("com.hazelcast.config.EvictionConfig", true, hazelcast);
            Class maxSizePolicy = Class.forName("com.hazelcast.config.MaxSizePolicy", true, hazelcast);
            Class evictionPolicy = Class.forName("com.hazelcast.config.EvictionPolicy", true, hazelcast);
            Object eviction = evictionConfig.getConstructor().newInstance();
            evictionConfig.getMethod("setMaxSizePolicy", maxSizePolicy).invoke(eviction, Enum.valueOf(maxSizePolicy, "ENTRY_COUNT"));
            evictionConfig.getMethod("setSize", int.class).invoke(eviction, Integer.MAX_VALUE);
            evictionConfig.getMethod("setEvictionPolicy", evictionPolicy).invoke(eviction, Enum.valueOf(evictionPolicy, "LRU"));
            Object hazelcastConfiguration = cacheConfig.getConstructor(CompleteConfiguration.class).newInstance(configuration);
            cacheConfig.getMethod("setEvictionConfig", evictionConfig).invoke(hazelcastConfiguration, eviction);
            return (Configuration<String, String>) hazelcastConfiguration;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unknownVersion) {
            throw new IllegalStateException("the JCache provider " + provider + " is Hazelcast, but its eviction could not be"
                    + " switched off (" + unknownVersion + "); declare the oauth1 caches in the Hazelcast configuration with"
                    + " an eviction size no cache reaches", unknownVersion);
        }
    }

    private CacheManager manager() {
        CacheManager current = manager;
        if (current == null || current.isClosed()) {
            current = findManager();
            manager = current;
        }
        return current;
    }

    private CacheManager findManager() {
        if (config.cachingProvider().isEmpty() && config.cacheManagerUri().isEmpty()) {
            try {
                if (new InitialContext().lookup(PAYARA_CACHE_MANAGER) instanceof CacheManager server) {
                    return server;
                }
            } catch (NamingException | RuntimeException notPayara) {
                // the default provider below
            }
        }
        CachingProvider provider = config.cachingProvider()
                .map(type -> Caching.getCachingProvider(type, loader))
                .orElseGet(() -> Caching.getCachingProvider(loader));
        return provider.getCacheManager(config.cacheManagerUri().orElse(provider.getDefaultURI()), loader);
    }

    private static javax.cache.expiry.Duration duration(Duration duration) {
        return new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, Math.max(1, duration.toMillis()));
    }

    @Override
    public String toString() {
        return "SharedCaches[prefix=" + config.cachePrefix() + "]";
    }
}

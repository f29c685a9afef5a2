package io.github.oauthconsumer.config;

import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the library keeps what must outlive one request: in each node ({@code oauth1.store=local},
 * the default: access tokens and pending authorizations in the HTTP session, nonces in memory) or
 * in caches a cluster shares ({@code oauth1.store=jcache}, JSR 107). Read once, when the
 * application is deployed, because it decides which beans exist.
 *
 * @param shared           whether the stores are the shared JCache ones
 * @param cachingProvider  the {@code javax.cache.spi.CachingProvider} class to use, when not the
 *                         server's own or the only one on the class path
 * @param cacheManagerUri  the URI of the cache manager (the provider's configuration file), when not the default
 * @param cachePrefix      the start of every cache's name, so that applications sharing a grid keep apart
 * @param tokenIdleTimeout how long an access token stays in the shared store without being used
 */
public record StoreConfig(boolean shared, Optional<String> cachingProvider, Optional<URI> cacheManagerUri,
                          String cachePrefix, Duration tokenIdleTimeout) {

    /** {@code local} (default) or {@code jcache}. */
    public static final String STORE = "oauth1.store";
    public static final String LOCAL = "local";
    public static final String JCACHE = "jcache";
    public static final String CACHING_PROVIDER = "oauth1.store.jcache.provider";
    public static final String CACHE_MANAGER_URI = "oauth1.store.jcache.uri";
    public static final String CACHE_PREFIX = "oauth1.store.jcache.cache-prefix";
    public static final String TOKEN_IDLE_TIMEOUT = "oauth1.store.jcache.token-idle-timeout";

    public static final String DEFAULT_CACHE_PREFIX = "oauth1-";
    public static final Duration DEFAULT_TOKEN_IDLE_TIMEOUT = Duration.ofDays(30);

    private static final Pattern CACHE_NAME = Pattern.compile("[A-Za-z0-9._-]{0,64}");

    /** The default: nothing shared. */
    public static final StoreConfig LOCAL_STORES =
            new StoreConfig(false, Optional.empty(), Optional.empty(), DEFAULT_CACHE_PREFIX, DEFAULT_TOKEN_IDLE_TIMEOUT);

    /**
     * Reads the settings.
     *
     * @throws IllegalArgumentException naming the key, when a value is not usable
     */
    public static StoreConfig read(Config config) {
        String store = config.getOptionalValue(STORE, String.class).map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse(LOCAL);
        if (store.equals(LOCAL)) {
            return LOCAL_STORES;
        }
        if (!store.equals(JCACHE)) {
            throw new IllegalArgumentException(STORE + " must be '" + LOCAL + "' or '" + JCACHE + "', not '" + store + "'");
        }
        Optional<String> provider = config.getOptionalValue(CACHING_PROVIDER, String.class).map(String::trim);
        Optional<URI> uri = config.getOptionalValue(CACHE_MANAGER_URI, String.class).map(String::trim).map(StoreConfig::uri);
        String prefix = config.getOptionalValue(CACHE_PREFIX, String.class).map(String::trim).orElse(DEFAULT_CACHE_PREFIX);
        if (!CACHE_NAME.matcher(prefix).matches()) {
            throw new IllegalArgumentException(CACHE_PREFIX + " may only have letters, digits, '.', '_' and '-'"
                    + " (at most 64), not '" + prefix + "'");
        }
        Duration idle = DEFAULT_TOKEN_IDLE_TIMEOUT;
        Optional<String> idleText = config.getOptionalValue(TOKEN_IDLE_TIMEOUT, String.class);
        if (idleText.isPresent()) {
            idle = ConsumerConfigResolver.parseDuration(idleText.get().trim()).filter(d -> !d.isZero())
                    .orElseThrow(() -> new IllegalArgumentException(TOKEN_IDLE_TIMEOUT
                            + " must be a positive duration such as 720h or P30D, not '" + idleText.get() + "'"));
        }
        return new StoreConfig(true, provider, uri, prefix, idle);
    }

    /** The problem with the settings, naming the key; empty when they are fine. */
    public static Optional<String> problem(Config config) {
        try {
            read(config);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The name of one of the shared caches: the prefix, then {@code what}. */
    public String cacheName(String what) {
        return cachePrefix + what;
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(CACHE_MANAGER_URI + " must be a URI, not '" + text + "'");
        }
    }
}

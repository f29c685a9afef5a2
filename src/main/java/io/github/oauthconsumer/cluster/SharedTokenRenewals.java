package io.github.oauthconsumer.cluster;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthConsumerConfig;
import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.client.LocalTokenRenewals;
import io.github.oauthconsumer.client.TokenRenewals;
import io.github.oauthconsumer.config.ConsumerDefinitions;
import io.github.oauthconsumer.core.OncePerInterval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.cache.Cache;
import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link TokenRenewals} of {@code oauth1.store=jcache}: one renewal per expired token in the
 * whole cluster. The threads of one node first share one attempt ({@link LocalTokenRenewals}); that
 * attempt then claims the token in the shared renewal cache with an atomic {@code putIfAbsent}. The
 * node that claims it calls the provider and leaves the renewed token in the entry, sealed with a key
 * derived from the expired token's secret (only holders of that token can read it); the other nodes
 * wait for it and use it.
 *
 * <p>Nothing is lost when a renewal fails: the claim is withdrawn, the stores keep the old token,
 * and the next caller tries again. A claim whose node stopped answering expires after the
 * consumer's connect and read timeouts, and another node takes over. When the cache itself cannot
 * be used, the node renews on its own (logged at most once a minute), as without a cluster.
 */
@ApplicationScoped
public class SharedTokenRenewals implements TokenRenewals {

    private static final Logger LOG = Logger.getLogger(SharedTokenRenewals.class.getName());
    private static final String PURPOSE = "oauth1 renewed token";
    private static final String CLAIMED = "claimed:";
    private static final String RENEWED = "renewed:";
    private static final Duration FIRST_WAIT = Duration.ofMillis(10);
    private static final Duration LONGEST_WAIT = Duration.ofMillis(200);
    private static final OncePerInterval UNUSABLE_CACHE_LOG = new OncePerInterval(Duration.ofMinutes(1));
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final OAuthConsumerConfig DEFAULT_TIMEOUTS = OAuthConsumerConfig.builder().build();

    @Inject
    SharedCaches caches;

    @Inject
    ConsumerDefinitions definitions;

    private final LocalTokenRenewals local = new LocalTokenRenewals();
    private final Clock clock = Clock.systemUTC();

    @Override
    public Renewed renew(String consumerName, AccessToken expired, Supplier<AccessToken> renewal) {
        Renewed[] shared = new Renewed[1];
        Renewed onThisNode = local.renew(consumerName, expired, () -> {
            shared[0] = renewInCluster(consumerName, expired, renewal);
            return shared[0].token();
        });
        return new Renewed(onThisNode.token(), onThisNode.here() && shared[0].here());
    }

    private Renewed renewInCluster(String consumerName, AccessToken expired, Supplier<AccessToken> renewal) {
        Cache<String, String> cache;
        String key = Sealing.digest("renewal", consumerName, expired.token());
        SecretKeySpec sealingKey = Sealing.key(expired.secret(), PURPOSE);
        Duration claimLifetime = claimLifetime(consumerName);
        Duration wait = FIRST_WAIT;
        try {
            cache = shared(caches::renewals);
            while (true) {
                String claim = CLAIMED + clock.instant().plus(claimLifetime).toEpochMilli() + ":" + randomId();
                String current = shared(() -> cache.get(key));
                if (current == null ? shared(() -> cache.putIfAbsent(key, claim))
                        : isAbandoned(current) && shared(() -> cache.replace(key, current, claim))) {
                    return new Renewed(renewClaimed(cache, key, claim, sealingKey, renewal), true);
                }
                if (current != null && current.startsWith(RENEWED)) {
                    Optional<AccessToken> renewed = Sealing.open(sealingKey, current.substring(RENEWED.length()))
                            .flatMap(StoredForms::accessToken);
                    if (renewed.isPresent()) {
                        return new Renewed(renewed.get(), false);
                    }
                }
                wait = pause(wait, consumerName);
            }
        } catch (CacheUnusable unusable) {
            if (UNUSABLE_CACHE_LOG.tryPass() >= 0) {
                LOG.log(Level.WARNING, "the shared renewal cache ''{0}'' cannot be used ({1}); this node renews the"
                        + " token of ''{2}'' on its own (logged at most once a minute)",
                        new Object[] {caches.name(SharedCaches.RENEWALS), unusable.getCause().getClass().getSimpleName(),
                                consumerName});
            }
            return new Renewed(renewal.get(), true);
        }
    }

    @Override
    public Optional<AccessToken> renewalOf(String consumerName, AccessToken token) {
        Optional<AccessToken> onThisNode = local.renewalOf(consumerName, token);
        if (onThisNode.isPresent()) {
            return onThisNode;
        }
        String key = Sealing.digest("renewal", consumerName, token.token());
        Duration wait = FIRST_WAIT;
        try {
            Cache<String, String> cache = shared(caches::renewals);
            while (true) {
                String current = shared(() -> cache.get(key));
                if (current == null || isAbandoned(current)) {
                    return Optional.empty();
                }
                if (current.startsWith(RENEWED)) {
                    return Sealing.open(Sealing.key(token.secret(), PURPOSE), current.substring(RENEWED.length()))
                            .flatMap(StoredForms::accessToken);
                }
                wait = pause(wait, consumerName);
            }
        } catch (CacheUnusable unusable) {
            return Optional.empty();
        }
    }

    /** Calls the provider under the claim; leaves the sealed result in the entry, or withdraws the claim on failure. */
    private AccessToken renewClaimed(Cache<String, String> cache, String key, String claim, SecretKeySpec sealingKey,
                                     Supplier<AccessToken> renewal) {
        AccessToken renewed;
        try {
            renewed = renewal.get();
        } catch (RuntimeException | Error failure) {
            try {
                cache.remove(key, claim);
            } catch (RuntimeException ignored) {
                // the claim expires on its own
            }
            throw failure;
        }
        try {
            cache.replace(key, claim, RENEWED + Sealing.seal(sealingKey, StoredForms.accessToken(renewed)));
        } catch (RuntimeException unreachable) {
            LOG.log(Level.FINE, "the renewed token could not be shared: {0}", unreachable.getClass().getSimpleName());
        }
        return renewed;
    }

    /** The cache operation's result; its failure as {@link CacheUnusable}. */
    private static <T> T shared(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException unusable) {
            throw new CacheUnusable(unusable);
        }
    }

    /** A claim whose node did not finish in time. */
    private boolean isAbandoned(String entry) {
        if (!entry.startsWith(CLAIMED)) {
            return false;
        }
        int end = entry.indexOf(':', CLAIMED.length());
        try {
            return Instant.ofEpochMilli(Long.parseLong(entry.substring(CLAIMED.length(), end))).isBefore(clock.instant());
        } catch (RuntimeException damaged) {
            return true;
        }
    }

    /** How long a node may take to renew: the consumer's connect and read timeouts (the defaults' when unknown), plus five seconds. */
    private Duration claimLifetime(String consumerName) {
        OAuthConsumerConfig config;
        try {
            config = definitions.definition(consumerName).config();
        } catch (IllegalStateException notConfigured) {
            config = DEFAULT_TIMEOUTS;
        }
        return config.connectTimeout().plus(config.readTimeout()).plusSeconds(5);
    }

    /** Waits while another node renews; returns the next, longer wait. */
    private static Duration pause(Duration wait, String consumerName) {
        try {
            Thread.sleep(wait.toMillis());
            Duration doubled = wait.multipliedBy(2);
            return doubled.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : doubled;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new OAuthProviderException("interrupted while another node renewed the token of '" + consumerName + "'", 0);
        }
    }

    private static String randomId() {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    @Override
    public String toString() {
        return "SharedTokenRenewals[" + caches + "]";
    }

    /** The shared cache failed; the renewal goes on without it. */
    private static final class CacheUnusable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CacheUnusable(RuntimeException cause) {
            super(cause);
        }
    }
}

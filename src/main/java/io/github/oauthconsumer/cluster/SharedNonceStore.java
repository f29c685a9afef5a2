package io.github.oauthconsumer.cluster;

import io.github.oauthconsumer.spi.NonceStore;
import io.github.oauthconsumer.spi.NonceStoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@link NonceStore} of {@code oauth1.store=jcache}: one entry per (consumer key, timestamp,
 * nonce) in the shared nonce cache, recorded with one atomic {@code putIfAbsent}, so each nonce is
 * accepted once in the whole cluster. When the cache cannot be reached, or cannot keep an entry as
 * long as its timestamp stays acceptable, the request is refused (503), never let in.
 */
@ApplicationScoped
public class SharedNonceStore implements NonceStore {

    private static final long RETRY_AFTER_SECONDS = 5;

    @Inject
    SharedCaches caches;

    private final Clock clock = Clock.systemUTC();

    @Override
    public boolean register(String consumerKey, long timestamp, String nonce, Instant expiresAt) {
        Duration lifetime = caches.nonceLifetime();
        if (expiresAt.isAfter(clock.instant().plus(lifetime))) {
            throw new NonceStoreUnavailableException("a nonce must be remembered until " + expiresAt
                    + ", longer than the shared nonce cache keeps it (" + lifetime + "): the timestamp window of"
                    + " a consumer named only at run time is longer than those of the deployed ones", 0);
        }
        String key = Sealing.digest(consumerKey, Long.toString(timestamp), nonce);
        try {
            return caches.nonces().putIfAbsent(key, "");
        } catch (RuntimeException unreachable) {
            throw new NonceStoreUnavailableException("the shared nonce cache '" + caches.name(SharedCaches.NONCES)
                    + "' cannot be used (" + unreachable.getClass().getSimpleName() + ")", RETRY_AFTER_SECONDS, unreachable);
        }
    }

    @Override
    public String toString() {
        return "SharedNonceStore[" + caches + "]";
    }
}

package io.github.oauthconsumer.it.validation;

import io.github.oauthconsumer.core.InMemoryNonceStore;
import io.github.oauthconsumer.spi.NonceStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application's {@link NonceStore}, replacing the default the documented way
 * ({@code @Alternative @Priority}); it counts the nonces it is asked about, as a shared store
 * would record them, and keeps them in memory.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class CountingNonceStore implements NonceStore {

    private final InMemoryNonceStore nonces = new InMemoryNonceStore(10_000, Clock.systemUTC());
    private final AtomicLong registered = new AtomicLong();

    @Override
    public boolean register(String consumerKey, long timestamp, String nonce, Instant expiresAt) {
        registered.incrementAndGet();
        return nonces.register(consumerKey, timestamp, nonce, expiresAt);
    }

    /** How many nonces were registered so far. */
    public long registered() {
        return registered.get();
    }
}

package io.github.oauthconsumer.store;

import io.github.oauthconsumer.config.ValidationConfig;
import io.github.oauthconsumer.core.InMemoryNonceStore;
import io.github.oauthconsumer.spi.NonceStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.time.Instant;

/**
 * The default {@link NonceStore}: an {@link InMemoryNonceStore} per application, with the capacity
 * set by {@code oauth1.nonce-store.capacity} (100,000 by default). Replace it with an
 * {@code @Alternative @Priority(APPLICATION)} bean to share nonces between instances.
 */
@ApplicationScoped
public class DefaultNonceStore implements NonceStore {

    private InMemoryNonceStore store;

    @PostConstruct
    void create() {
        int capacity = ValidationConfig.nonceStoreCapacity(
                ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader()), InMemoryNonceStore.DEFAULT_CAPACITY);
        store = new InMemoryNonceStore(capacity, Clock.systemUTC());
    }

    @Override
    public boolean register(String consumerKey, long timestamp, String nonce, Instant expiresAt) {
        return store.register(consumerKey, timestamp, nonce, expiresAt);
    }

    /** How many nonces are alive now, for the operators' gauge and the readiness check. */
    public int usage() {
        return store.size();
    }

    /** How many nonces may be alive at once ({@code oauth1.nonce-store.capacity}). */
    public int capacity() {
        return store.capacity();
    }

    @Override
    public String toString() {
        return "DefaultNonceStore[" + store + "]";
    }
}

package io.github.oauthconsumer.monitoring;

import io.github.oauthconsumer.spi.NonceStore;
import io.github.oauthconsumer.store.DefaultNonceStore;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

import java.util.Optional;

/**
 * How full the nonce store is, where the library can tell: the default in-memory store knows its
 * size and capacity; a shared (JCache) store or an application's own store does not say, and is
 * left out of the gauge and the readiness check.
 */
final class NonceStoreFill {

    /** Above this share of its capacity the store is reported degraded: it refuses requests with 503 when full. */
    static final double DEGRADED = 0.9;

    private final DefaultNonceStore store;

    private NonceStoreFill(DefaultNonceStore store) {
        this.store = store;
    }

    /**
     * The fill of the nonce store the application validates with, when it is the default one.
     * Looked up through {@link CDI#current()}, as {@code SignatureValidators} looks it up, so that
     * an application's alternative is seen; on a thread of the server's own (Payara runs health
     * checks on one), where that finds none, through the caller's injected stores.
     *
     * @param injected the stores as injected into the caller
     */
    static Optional<NonceStoreFill> ofStoreInUse(Instance<NonceStore> injected) {
        Instance<NonceStore> stores = injected;
        try {
            Instance<NonceStore> current = CDI.current().select(NonceStore.class);
            if (current.isResolvable()) {
                stores = current;
            }
        } catch (IllegalStateException noCurrentContainer) {
            // a thread of the server's own: the injected stores
        }
        try {
            if (stores.isResolvable() && stores.get() instanceof DefaultNonceStore store) {
                return Optional.of(new NonceStoreFill(store));
            }
        } catch (RuntimeException failed) {
            // the store's bean could not be made: the validation reports that itself
        }
        return Optional.empty();
    }

    /** Nonces alive now. */
    int usage() {
        return store.usage();
    }

    /** The capacity. */
    int limit() {
        return store.capacity();
    }
}

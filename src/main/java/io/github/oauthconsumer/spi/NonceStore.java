package io.github.oauthconsumer.spi;

import java.time.Instant;

/**
 * Remembers the nonces of verified incoming requests ({@code @ValidateSignature}), so that a
 * request cannot be replayed while its timestamp is still accepted. The default keeps them in
 * memory, per JVM, up to {@code oauth1.nonce-store.capacity} entries. Instances of an application
 * that run side by side behind a load balancer need a shared store (a cache with an atomic
 * put-if-absent and expiry, or a database table with a unique key): declare a CDI bean that
 * implements this interface and annotate it {@code @Alternative @Priority(APPLICATION)}.
 *
 * <p>Implementations must be thread-safe; concurrent calls with the same triple must return true
 * to exactly one of them.
 */
@FunctionalInterface
public interface NonceStore {

    /**
     * Records the nonce of a request whose signature is valid.
     *
     * @param consumerKey the verified {@code oauth_consumer_key}
     * @param timestamp   the request's {@code oauth_timestamp}, inside the accepted window
     * @param nonce       the request's {@code oauth_nonce}
     * @param expiresAt   from when the entry may be forgotten: after it the timestamp is refused anyway
     * @return true the first time this (consumer key, timestamp, nonce) is seen, false for a replay
     * @throws NonceStoreUnavailableException when the store cannot tell (it is full, see
     *                                        {@link NonceStoreFullException}, or a shared cache cannot be
     *                                        reached); the request is then refused with 503 rather than
     *                                        let a replay in
     */
    boolean register(String consumerKey, long timestamp, String nonce, Instant expiresAt);
}

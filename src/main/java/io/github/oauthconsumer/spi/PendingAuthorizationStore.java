package io.github.oauthconsumer.spi;

import java.util.Optional;

/**
 * Keeps the authorizations the current user started, at most one per consumer name, from the
 * redirect to the provider until the provider sends the user back. The default keeps them in the
 * HTTP session. To keep them elsewhere (for example in a cache shared by a cluster, next to a
 * shared {@link AccessTokenStore}), declare a CDI bean that implements this interface and annotate
 * it {@code @Alternative @Priority(APPLICATION)}; it decides who the current user is, as the
 * access-token store does.
 *
 * <p>Entries older than the consumer's {@code pending-timeout} are refused by the flow and removed
 * when it meets them; a store may also forget them on its own (a cache with a time-to-live).
 */
public interface PendingAuthorizationStore {

    /** Stores the current user's pending authorization, replacing any other for the same consumer. */
    void store(PendingAuthorization pending);

    /** The current user's pending authorization for this consumer; empty is a normal answer. */
    Optional<PendingAuthorization> find(String consumerName);

    /**
     * Removes this pending authorization if it is still the one stored for its consumer. Must be
     * atomic: when two callbacks race, exactly one gets {@code true}, so that a callback cannot be
     * used twice.
     *
     * @return whether this call removed it
     */
    boolean remove(PendingAuthorization pending);
}

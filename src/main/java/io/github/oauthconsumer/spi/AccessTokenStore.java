package io.github.oauthconsumer.spi;

import io.github.oauthconsumer.api.AccessToken;

import java.util.Optional;

/**
 * Keeps the access tokens of the current user, one per consumer name. The default keeps them in
 * the HTTP session. To keep them elsewhere (a database, a cache shared by a cluster), declare a CDI
 * bean that implements this interface and annotate it {@code @Alternative @Priority(APPLICATION)};
 * it decides who the current user is (the principal, a cookie, ...), typically by injecting the
 * request or the security context.
 */
public interface AccessTokenStore {

    /** The current user's token for this consumer; empty is a normal answer (no token yet). */
    Optional<AccessToken> find(String consumerName);

    /** Stores or replaces the current user's token for this consumer. */
    void store(String consumerName, AccessToken token);

    /** Forgets the current user's token for this consumer, if any. */
    void remove(String consumerName);
}

package io.github.oauthconsumer.client;

import io.github.oauthconsumer.api.AccessToken;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Renews each expired token once, however many callers find it expired at the same time: one calls
 * the provider, the others wait for that renewal and use its token. A provider that renews a token
 * twice keeps only the second result, so two renewals at once would leave one caller with a dead
 * token. {@link LocalTokenRenewals} coordinates the threads of one node (the default); with
 * {@code oauth1.store=jcache} the nodes of a cluster are coordinated through the shared cache.
 */
public interface TokenRenewals {

    /**
     * The renewed token.
     *
     * @param consumerName the consumer the token belongs to
     * @param expired      the token to renew
     * @param renewal      calls the provider; called at most once for this token among the coordinated callers
     * @return the renewed token, and whether this caller renewed it (and so reports the renewal)
     * @throws io.github.oauthconsumer.api.OAuthException what the renewal threw, also to the callers that waited for it
     */
    Renewed renew(String consumerName, AccessToken expired, Supplier<AccessToken> renewal);

    /**
     * The token another caller renewed this one into, waiting for a renewal still in progress;
     * starts none. For a caller whose request was refused because the provider had already replaced
     * the token it read (a provider revokes the old token when it renews it, so that caller gets
     * {@code token_rejected}, not {@code token_expired}).
     *
     * @param consumerName the consumer the token belongs to
     * @param token        the token the provider refused
     * @return the renewed token, or empty when no renewal of this token is known or it failed
     */
    Optional<AccessToken> renewalOf(String consumerName, AccessToken token);

    /**
     * The outcome of {@link #renew}.
     *
     * @param token the renewed token
     * @param here  whether this caller called the provider (false: it used another caller's renewal)
     */
    record Renewed(AccessToken token, boolean here) {
    }
}

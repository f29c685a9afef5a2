package io.github.oauthconsumer.client;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.AccessTokenRenewed;
import io.github.oauthconsumer.spi.AccessTokenStore;
import io.github.oauthconsumer.store.ApplicationStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The current user's tokens as the library's runtime uses them: reads from the application's
 * {@link AccessTokenStore}, which has no user outside a request, and reports renewals (store and
 * event).
 */
@ApplicationScoped
public class CurrentUserTokens {

    private static final Logger LOG = Logger.getLogger(CurrentUserTokens.class.getName());

    @Inject
    ApplicationStores stores;

    @Inject
    Event<AccessTokenRenewed> renewals;

    /** The current user's token for the consumer; empty also when there is no current user. */
    public Optional<AccessToken> find(String consumerName) {
        try {
            return stores.accessTokens().find(consumerName);
        } catch (ContextNotActiveException outsideRequest) {
            return Optional.empty();
        }
    }

    /**
     * Records a renewal: stores the new token when the old one came from the store, then fires the
     * event when this caller made the renewal (not when it used another caller's).
     */
    void renewed(String consumerName, AccessToken previous, AccessToken renewed, boolean fromStore, boolean here) {
        if (fromStore) {
            try {
                stores.accessTokens().store(consumerName, renewed);
            } catch (ContextNotActiveException outsideRequest) {
                LOG.log(Level.FINE, "renewed token for {0} not stored: no request is active; observe AccessTokenRenewed",
                        consumerName);
            }
        }
        if (here) {
            renewals.fire(new AccessTokenRenewed(consumerName, previous, renewed));
        }
    }
}

package io.github.oauthconsumer.sample;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.spi.AccessTokenStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * Replaces the library's session store: access tokens are rows of a database table (JPA, in the
 * server's default data source), one per {@link SampleUser} and consumer name. Being an enabled
 * alternative is all it takes; the library then reads, stores, renews and removes tokens here.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class DatabaseAccessTokenStore implements AccessTokenStore {

    @PersistenceContext(unitName = "sample")
    EntityManager database;

    @Inject
    SampleUser user;

    /**
     * Read in a transaction of its own, so that it sees what {@link #store} committed earlier in
     * the same request (a renewal): outside a transaction, a container may hand the same
     * persistence context to every call of a request, with the row as it was first read (seen on
     * Open Liberty).
     */
    @Override
    @Transactional
    public Optional<AccessToken> find(String consumerName) {
        return Optional.ofNullable(database.find(StoredAccessToken.class, key(consumerName)))
                .map(StoredAccessToken::toAccessToken);
    }

    @Override
    @Transactional
    public void store(String consumerName, AccessToken token) {
        StoredAccessToken row = database.find(StoredAccessToken.class, key(consumerName));
        if (row == null) {
            database.persist(new StoredAccessToken(user.id(), consumerName, token));
        } else {
            row.update(token);
        }
    }

    @Override
    @Transactional
    public void remove(String consumerName) {
        StoredAccessToken row = database.find(StoredAccessToken.class, key(consumerName));
        if (row != null) {
            database.remove(row);
        }
    }

    private StoredAccessToken.Key key(String consumerName) {
        return new StoredAccessToken.Key(user.id(), consumerName);
    }
}

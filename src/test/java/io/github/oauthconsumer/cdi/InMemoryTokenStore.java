package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.spi.AccessTokenStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** One user's tokens in memory, replacing the session store as an application would. */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
class InMemoryTokenStore implements AccessTokenStore {

    private final ConcurrentMap<String, AccessToken> tokens = new ConcurrentHashMap<>();

    @Override
    public Optional<AccessToken> find(String consumerName) {
        return Optional.ofNullable(tokens.get(consumerName));
    }

    @Override
    public void store(String consumerName, AccessToken token) {
        tokens.put(consumerName, token);
    }

    @Override
    public void remove(String consumerName) {
        tokens.remove(consumerName);
    }

    void clear() {
        tokens.clear();
    }
}

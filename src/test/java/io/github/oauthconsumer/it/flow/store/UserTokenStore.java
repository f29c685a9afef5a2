package io.github.oauthconsumer.it.flow.store;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.spi.AccessTokenStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Replaces the session store the way an application would with a database: tokens belong to the
 * user (here named by the {@value #USER_HEADER} header, standing in for a login), not to a session.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class UserTokenStore implements AccessTokenStore {

    /** The header that names the user. */
    public static final String USER_HEADER = "X-Test-User";

    private final ConcurrentMap<String, AccessToken> rows = new ConcurrentHashMap<>();

    @Inject
    HttpServletRequest request;

    @Override
    public Optional<AccessToken> find(String consumerName) {
        return Optional.ofNullable(rows.get(key(consumerName)));
    }

    @Override
    public void store(String consumerName, AccessToken token) {
        rows.put(key(consumerName), token);
    }

    @Override
    public void remove(String consumerName) {
        rows.remove(key(consumerName));
    }

    /** Every stored token value by user and consumer. */
    public Map<String, String> contents() {
        Map<String, String> contents = new TreeMap<>();
        rows.forEach((key, token) -> contents.put(key, token.token()));
        return contents;
    }

    private String key(String consumerName) {
        String user = request.getHeader(USER_HEADER);
        if (user == null) {
            throw new IllegalStateException("no user: " + USER_HEADER + " is missing");
        }
        return user + " " + consumerName;
    }
}

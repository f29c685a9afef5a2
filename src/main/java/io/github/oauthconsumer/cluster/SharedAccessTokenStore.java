package io.github.oauthconsumer.cluster;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.spi.AccessTokenStore;
import io.github.oauthconsumer.store.BrowserIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import javax.crypto.spec.SecretKeySpec;
import java.security.Principal;
import java.util.Optional;

/**
 * The {@link AccessTokenStore} of {@code oauth1.store=jcache}, for applications without a database
 * of their own: one entry per user and consumer in the shared token cache, read by every node.
 *
 * <p>The current user is the caller principal ({@code HttpServletRequest.getUserPrincipal()})
 * when the request has one: the token then follows the user to any node and any browser. Without
 * a principal it is the browser ({@link BrowserIds}, the random identifier in the cookie the flow
 * sets): the token is then found from that browser only, until it closes, and its entry is sealed
 * with a key derived from the identifier. A logged-in user's token is stored as the provider issued
 * it (every node must be able to sign with its secret): protect the grid as you would a token table.
 */
@ApplicationScoped
public class SharedAccessTokenStore implements AccessTokenStore {

    private static final String PURPOSE = "oauth1 access token";

    @Inject
    SharedCaches caches;

    @Inject
    Instance<HttpServletRequest> request;

    @Override
    public Optional<AccessToken> find(String consumerName) {
        Optional<User> user = user(false);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        String stored = caches.tokens().get(user.get().key(consumerName));
        return stored == null ? Optional.empty() : user.get().open(stored).flatMap(StoredForms::accessToken);
    }

    @Override
    public void store(String consumerName, AccessToken token) {
        User user = user(true).orElseThrow();
        caches.tokens().put(user.key(consumerName), user.seal(StoredForms.accessToken(token)));
    }

    @Override
    public void remove(String consumerName) {
        Optional<User> user = user(false);
        if (user.isPresent()) {
            caches.tokens().remove(user.get().key(consumerName));
        }
    }

    /** The current user; empty when an anonymous browser has no identifier yet (and {@code create} is false). */
    private Optional<User> user(boolean create) {
        HttpServletRequest current = currentRequest();
        Principal principal = current.getUserPrincipal();
        if (principal != null) {
            return Optional.of(new User("principal", principal.getName(), null));
        }
        Optional<String> browser = create ? Optional.of(BrowserIds.currentOrNew(request)) : BrowserIds.current(request);
        return browser.map(id -> new User("browser", id, Sealing.key(id, PURPOSE)));
    }

    private HttpServletRequest currentRequest() {
        if (!request.isResolvable()) {
            throw new ContextNotActiveException("no HTTP request is active: the current user's OAuth tokens are unknown");
        }
        return request.get();
    }

    @Override
    public String toString() {
        return "SharedAccessTokenStore[" + caches + "]";
    }

    /** A user: a principal (tokens in the clear) or a browser (tokens sealed with a key from its identifier). */
    private record User(String kind, String identity, SecretKeySpec sealingKey) {

        String key(String consumerName) {
            return Sealing.digest("token", kind, identity, consumerName);
        }

        String seal(String text) {
            return sealingKey == null ? text : Sealing.seal(sealingKey, text);
        }

        Optional<String> open(String stored) {
            return sealingKey == null ? Optional.of(stored) : Sealing.open(sealingKey, stored);
        }

        @Override
        public String toString() {
            return "User[" + kind + "]";
        }
    }
}

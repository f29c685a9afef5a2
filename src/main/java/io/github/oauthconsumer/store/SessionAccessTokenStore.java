package io.github.oauthconsumer.store;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.spi.AccessTokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Optional;

/**
 * The default {@link AccessTokenStore}: the current user is the HTTP session, and each consumer's
 * token is a session attribute, so tokens live as long as the session (and replicate with it).
 */
@ApplicationScoped
public class SessionAccessTokenStore implements AccessTokenStore {

    private static final String ATTRIBUTE_PREFIX = AccessTokenStore.class.getName() + ".";

    @Inject
    Instance<HttpServletRequest> request;

    @Override
    public Optional<AccessToken> find(String consumerName) {
        HttpSession session = Sessions.current(request, false);
        if (session == null) {
            return Optional.empty();
        }
        return session.getAttribute(ATTRIBUTE_PREFIX + consumerName) instanceof AccessToken token
                ? Optional.of(token) : Optional.empty();
    }

    @Override
    public void store(String consumerName, AccessToken token) {
        HttpSession session = Sessions.current(request, true);
        if (session == null) {
            throw new ContextNotActiveException("no HTTP request is active: the access token for '" + consumerName
                    + "' cannot be stored in a session");
        }
        session.setAttribute(ATTRIBUTE_PREFIX + consumerName, token);
    }

    @Override
    public void remove(String consumerName) {
        HttpSession session = Sessions.current(request, false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE_PREFIX + consumerName);
        }
    }
}

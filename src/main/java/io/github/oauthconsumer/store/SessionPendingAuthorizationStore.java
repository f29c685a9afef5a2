package io.github.oauthconsumer.store;

import io.github.oauthconsumer.spi.PendingAuthorization;
import io.github.oauthconsumer.spi.PendingAuthorizationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Optional;

/**
 * The default {@link PendingAuthorizationStore}: the current user is the HTTP session, and each
 * consumer's pending authorization is a session attribute. The session's end forgets whatever is
 * left; starting again for the same consumer replaces the old entry.
 */
@ApplicationScoped
public class SessionPendingAuthorizationStore implements PendingAuthorizationStore {

    private static final String ATTRIBUTE_PREFIX = PendingAuthorizationStore.class.getName() + ".";

    @Inject
    Instance<HttpServletRequest> request;

    @Override
    public void store(PendingAuthorization pending) {
        HttpSession session = Sessions.current(request, true);
        if (session == null) {
            throw new ContextNotActiveException("no HTTP request is active: the pending authorization for '"
                    + pending.consumerName() + "' cannot be stored in a session");
        }
        session.setAttribute(ATTRIBUTE_PREFIX + pending.consumerName(), pending);
    }

    @Override
    public Optional<PendingAuthorization> find(String consumerName) {
        HttpSession session = Sessions.current(request, false);
        if (session != null && session.getAttribute(ATTRIBUTE_PREFIX + consumerName) instanceof PendingAuthorization found) {
            return Optional.of(found);
        }
        return Optional.empty();
    }

    /** Compares and removes under one lock, so that of two racing callbacks in this server only one succeeds. */
    @Override
    public synchronized boolean remove(PendingAuthorization pending) {
        HttpSession session = Sessions.current(request, false);
        String attribute = ATTRIBUTE_PREFIX + pending.consumerName();
        if (session == null || !pending.equals(session.getAttribute(attribute))) {
            return false;
        }
        session.removeAttribute(attribute);
        return true;
    }
}

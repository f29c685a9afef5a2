package io.github.oauthconsumer.store;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The HTTP session of the current request, for the session-backed default stores (access tokens
 * and pending authorizations), which are also called outside a request (asynchronous clients,
 * background jobs) and then have no session.
 */
final class Sessions {

    private Sessions() {
    }

    /** The current request's session, or null outside a request (or without one when {@code create} is false). */
    static HttpSession current(Instance<HttpServletRequest> request, boolean create) {
        if (!request.isResolvable()) {
            return null;
        }
        try {
            return request.get().getSession(create);
        } catch (ContextNotActiveException outsideRequest) {
            return null;
        }
    }
}

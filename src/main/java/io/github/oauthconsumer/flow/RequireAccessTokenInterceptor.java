package io.github.oauthconsumer.flow;

import io.github.oauthconsumer.api.NoAccessTokenException;
import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.RequireAccessToken;
import io.github.oauthconsumer.client.CurrentUserTokens;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Objects;

/**
 * Runs {@link RequireAccessToken} methods only when the current user has an access token for the
 * named consumer. Without one, during a web request it throws {@link AccessTokenRequiredException}
 * (a 303 to the flow for browsers, a 401 otherwise); outside a web request it throws
 * {@link NoAccessTokenException}. It runs before the application's own interceptors, as a security
 * check does, so that none of them (a cache, say) acts for a user who has no token.
 */
@Interceptor
@RequireAccessToken
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class RequireAccessTokenInterceptor {

    @Inject
    CurrentUserTokens tokens;

    @Inject
    AuthorizationFlows flows;

    @Inject
    Instance<HttpServletRequest> request;

    /** Proceeds when there is a token; otherwise starts the flow. */
    @AroundInvoke
    public Object requireAccessToken(InvocationContext invocation) throws Exception {
        String name = consumerName(invocation);
        if (tokens.find(name).isPresent()) {
            return invocation.proceed();
        }
        NoAccessTokenException missing = new NoAccessTokenException(name);
        HttpServletRequest current = currentRequest();
        if (current == null) {
            throw missing;
        }
        // a Host that is no host leaves the challenge's text with a path only
        String origin = Objects.requireNonNullElse(AuthorizationServlet.origin(current), "");
        throw new AccessTokenRequiredException(missing, AccessTokenChallenge.of(name, current.getMethod(),
                current.getHeader("Accept"), origin, current.getContextPath(),
                current.getRequestURI(), current.getQueryString(), flows.paths()));
    }

    /**
     * The consumer named by the method's annotation, else by its class's (the target's class, which
     * inherits it, then the declaring class); the default name for a binding that came another way.
     */
    static String consumerName(InvocationContext invocation) {
        RequireAccessToken annotation = invocation.getMethod().getAnnotation(RequireAccessToken.class);
        if (annotation == null && invocation.getTarget() != null) {
            annotation = invocation.getTarget().getClass().getAnnotation(RequireAccessToken.class);
        }
        if (annotation == null) {
            annotation = invocation.getMethod().getDeclaringClass().getAnnotation(RequireAccessToken.class);
        }
        return annotation == null ? OAuthConsumer.DEFAULT_NAME : annotation.value();
    }

    /** The current HTTP request, or null outside one. */
    private HttpServletRequest currentRequest() {
        if (!request.isResolvable()) {
            return null;
        }
        try {
            HttpServletRequest current = request.get();
            current.getMethod(); // the proxy reaches the request only now: outside one, this throws
            return current;
        } catch (ContextNotActiveException | IllegalStateException outsideRequest) {
            return null;
        }
    }
}

package io.github.oauthconsumer.flow;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Answers for {@code @RequireAccessToken} beans called by a servlet, a JSF page or anything else
 * that is not JAX-RS: when the request fails with an {@link AccessTokenRequiredException} (however
 * it is wrapped) before anything was sent, the filter sends its redirect or 401 instead. Every other
 * failure passes through untouched. JAX-RS answers such requests itself. It also keeps the response
 * as a request attribute while the request is handled, for {@code AccessTokenFlow.start}, which
 * redirects the current response.
 */
public class ChallengeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The filter's registration name. */
    static final String NAME = "io.github.oauthconsumer.ChallengeFilter";

    /** The request attribute holding the current response. */
    static final String RESPONSE_ATTRIBUTE = ChallengeFilter.class.getName() + ".response";

    /** How deep to look into wrapped exceptions; a bound, since a cause chain may loop. */
    private static final int MAX_CAUSES = 32;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(RESPONSE_ATTRIBUTE, response);
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            AccessTokenRequiredException required = find(failure);
            if (required == null || response.isCommitted()) {
                throw failure;
            }
            required.challenge().writeTo(response);
        } finally {
            request.removeAttribute(RESPONSE_ATTRIBUTE);
        }
    }

    private static AccessTokenRequiredException find(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof AccessTokenRequiredException required) {
                return required;
            }
        }
        return null;
    }
}

package io.github.oauthconsumer.validation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Keeps the container's own request and response ({@link ServletExchange}) as a request attribute
 * while the request is handled, so that a refusal can include the application's invalid-signature
 * page with objects every container accepts. A request with a query or a body goes on as a
 * {@link VerifiedServletRequest}, so that once a signature check has read it, the application reads
 * the body and the parameters as they were verified (also when the signed-launch login
 * checked it before the filters ran). A request the library already answered before the filters
 * ran ({@link #answeredEarly}) goes no further. Mapped first, to every request, by
 * {@link ValidationInitializer}; it costs one attribute per request.
 */
public class ServletExchangeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The filter's registration name. */
    static final String NAME = "io.github.oauthconsumer.ServletExchangeFilter";
    private static final String ANSWERED_EARLY = ServletExchangeFilter.class.getName() + ".answeredEarly";

    /**
     * Marks a request the library refused and answered before the filters ran (a launch the
     * signed-launch login refused), so that neither the filters nor the application's resource run
     * for it. Jakarta Security ends a request whose authentication failed, but Open Liberty still
     * runs the filter chain of a resource that requires no role.
     */
    public static void answeredEarly(HttpServletRequest request) {
        request.setAttribute(ANSWERED_EARLY, Boolean.TRUE);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(ANSWERED_EARLY) != null) {
            return;
        }
        HttpServletRequest passed;
        if (request.getAttribute(VerifiedServletRequest.EARLY_ATTRIBUTE) instanceof VerifiedServletRequest early) {
            passed = early.around(request);
        } else {
            passed = VerifiedServletRequest.isNeeded(request) ? new VerifiedServletRequest(request) : request;
        }
        request.setAttribute(ServletExchange.ATTRIBUTE, new ServletExchange(passed, response));
        try {
            chain.doFilter(passed, response);
        } finally {
            request.removeAttribute(ServletExchange.ATTRIBUTE);
        }
    }
}

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
 * checked it before the filters ran). Mapped first, to every request, by
 * {@link ValidationInitializer}; it costs one attribute per request.
 */
public class ServletExchangeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The filter's registration name. */
    static final String NAME = "io.github.oauthconsumer.ServletExchangeFilter";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
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

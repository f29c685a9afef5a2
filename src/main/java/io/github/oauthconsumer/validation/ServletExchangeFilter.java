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
 * page with objects every container accepts. A form request goes on as a
 * {@link VerifiedFormRequest}, so that once the signature check has read the body, the servlet
 * parameters are the verified ones. Mapped first, to every request, by
 * {@link ValidationInitializer}; it costs one attribute per request.
 */
public class ServletExchangeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The filter's registration name. */
    static final String NAME = "io.github.oauthconsumer.ServletExchangeFilter";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest passed = VerifiedFormRequest.isForm(request) ? new VerifiedFormRequest(request) : request;
        request.setAttribute(ServletExchange.ATTRIBUTE, new ServletExchange(passed, response));
        try {
            chain.doFilter(passed, response);
        } finally {
            request.removeAttribute(ServletExchange.ATTRIBUTE);
        }
    }
}

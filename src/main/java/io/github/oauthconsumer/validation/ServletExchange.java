package io.github.oauthconsumer.validation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The servlet container's own request and response of the current exchange, kept by
 * {@link ServletExchangeFilter} as a request attribute. The invalid-signature page is included
 * with them: servlet containers refuse to dispatch the proxies JAX-RS injects (Undertow: "not
 * original or a wrapper"; Liberty: "must extend ServletRequestWrapper").
 *
 * @param request  the container's request
 * @param response the container's response
 */
record ServletExchange(HttpServletRequest request, HttpServletResponse response) {

    /** The request attribute (and so the JAX-RS request property) that holds the exchange. */
    static final String ATTRIBUTE = ServletExchange.class.getName();
}

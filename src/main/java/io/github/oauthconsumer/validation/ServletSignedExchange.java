package io.github.oauthconsumer.validation;

import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.core.ParameterList;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;

/**
 * A servlet request as {@link SignatureCheck} reads it. The body is read through the
 * {@link VerifiedServletRequest} the application will read, which then serves it, and the
 * parameters, again as verified; a request without one has no body to read.
 *
 * @param request the request; a {@link VerifiedServletRequest} when it may carry a body
 */
record ServletSignedExchange(HttpServletRequest request) implements SignedExchange {

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public URI requestUri() {
        String query = request.getQueryString();
        try {
            return new URI(request.getRequestURL() + (query == null ? "" : "?" + query));
        } catch (URISyntaxException | RuntimeException malformed) {
            throw new OAuthProblemException(OAuthProblem.PARAMETER_REJECTED, "the request URL is malformed");
        }
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public long contentLength() {
        return request.getContentLengthLong();
    }

    @Override
    public boolean hasEntity() {
        return request instanceof VerifiedServletRequest;
    }

    /** The {@code Content-Type} read as JAX-RS reads it, so that both entry points agree on what a form is. */
    @Override
    public MediaType mediaType() {
        String type = request.getContentType();
        return type == null ? null : MediaType.valueOf(type);
    }

    /**
     * @throws IllegalStateException when the application read the body, or the parameters of a
     *                               form, before asking for the check: there is nothing left to verify
     */
    @Override
    public byte[] readBody(int limit) throws IOException {
        VerifiedServletRequest body = (VerifiedServletRequest) request;
        if (body.readBeforeCheck()) {
            throw new IllegalStateException("the request's body or parameters were read before its signature was checked:"
                    + " check it first (SignatureValidation.validate before getParameter, getInputStream or getReader),"
                    + " or list its path in oauth1.<name>.validate-paths");
        }
        return body.readOriginalBody(limit);
    }

    @Override
    public void putBack(byte[] body, Charset charset, ParameterList form) {
        ((VerifiedServletRequest) request).verified(body, charset, form);
    }

    /** From now on the application reads the parameters as they were verified. */
    @Override
    public void accepted() {
        if (request instanceof VerifiedServletRequest verified) {
            verified.accepted();
        }
    }

    @Override
    public Object attribute(String name) {
        return request.getAttribute(name);
    }

    @Override
    public void attribute(String name, Object value) {
        request.setAttribute(name, value);
    }
}

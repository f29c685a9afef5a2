package io.github.oauthconsumer.validation;

import io.github.oauthconsumer.core.ParameterList;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;

/**
 * Checks the signature of a request to a {@code @ValidateSignature("name")} resource before the
 * resource method runs, with the name's {@link SignatureCheck}, and answers a refusal with the
 * check's {@link Refusal}. The body is put back as the request's entity, so that
 * {@code @FormParam} and {@code MultivaluedMap} parameters still get the form; JAX-RS
 * implementations that read form parameters from the servlet request (RESTEasy on Open Liberty)
 * find the verified form there ({@link VerifiedServletRequest}).
 */
final class SignatureValidationFilter implements ContainerRequestFilter {

    private final String name;
    private volatile SignatureCheck check;

    /** @param name the consumer name */
    SignatureValidationFilter(String name) {
        this.name = name;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        SignatureCheck current = check();
        try {
            current.verify(new JaxrsExchange(request));
        } catch (RuntimeException refused) {
            ServletExchange page = request.getProperty(ServletExchange.ATTRIBUTE) instanceof ServletExchange exchange
                    ? exchange : null;
            request.abortWith(current.refusal(refused, page).toResponse());
        }
    }

    private SignatureCheck check() {
        SignatureCheck current = check;
        if (current == null) {
            current = CDI.current().select(SignatureValidators.class).get().check(name);
            check = current;
        }
        return current;
    }

    /** A JAX-RS request as the check reads it. */
    private record JaxrsExchange(ContainerRequestContext request) implements SignedExchange {

        @Override
        public String method() {
            return request.getMethod();
        }

        @Override
        public URI requestUri() {
            return request.getUriInfo().getRequestUri();
        }

        @Override
        public String header(String name) {
            return request.getHeaderString(name);
        }

        @Override
        public long contentLength() {
            return request.getLength();
        }

        @Override
        public boolean hasEntity() {
            return request.hasEntity();
        }

        @Override
        public MediaType mediaType() {
            return request.getMediaType();
        }

        @Override
        public byte[] readBody(int limit) throws IOException {
            return request.getEntityStream().readNBytes(limit);
        }

        @Override
        public void putBack(byte[] body, Charset charset, ParameterList form) {
            request.setEntityStream(new ByteArrayInputStream(body));
            if (form != null && request.getProperty(ServletExchange.ATTRIBUTE) instanceof ServletExchange exchange
                    && exchange.request() instanceof VerifiedServletRequest servletRequest) {
                servletRequest.verified(body, charset, form);
            }
        }

        @Override
        public Object attribute(String name) {
            return request.getProperty(name);
        }

        @Override
        public void attribute(String name, Object value) {
            request.setProperty(name, value);
        }
    }
}

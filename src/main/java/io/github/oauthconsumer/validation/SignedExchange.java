package io.github.oauthconsumer.validation;

import io.github.oauthconsumer.core.ParameterList;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;

/**
 * What {@link SignatureCheck} needs of an incoming request, whoever received it: the JAX-RS filter
 * of {@code @ValidateSignature} ({@link SignatureValidationFilter}) or a servlet
 * ({@link ServletSignedExchange}: the servlet filter of {@code validate-paths}, the programmatic
 * {@code SignatureValidation}, the signed-launch login). One check over this view keeps every entry
 * point verifying, and refusing, the same way.
 */
interface SignedExchange {

    /** The HTTP method. */
    String method();

    /**
     * The absolute request URI with its raw path and query, as received.
     *
     * @throws io.github.oauthconsumer.api.OAuthProblemException when the request's URL cannot be read
     */
    URI requestUri();

    /** The first value of a header, or null. */
    String header(String name);

    /** The declared body length, or -1 when it is not declared. */
    long contentLength();

    /**
     * Whether the body may hold something beyond its declared length: a request with neither
     * {@code Content-Length} nor {@code Transfer-Encoding} has no body (RFC 9112 section 6.3).
     */
    boolean hasEntity();

    /**
     * The body's media type, or null when there is none.
     *
     * @throws IllegalArgumentException when the {@code Content-Type} header is malformed
     */
    MediaType mediaType();

    /** Reads at most {@code limit} bytes of the body. */
    byte[] readBody(int limit) throws IOException;

    /**
     * Puts the body back, as read, for the application.
     *
     * @param body    the bytes read
     * @param charset the charset the form was decoded with, or null when the body is no form
     * @param form    the form's parameters as verified, or null when the body is no form
     */
    void putBack(byte[] body, Charset charset, ParameterList form);

    /** Called when the check accepted the request, after {@link #putBack}. */
    default void accepted() {
    }

    /** A request attribute (JAX-RS: request property), or null. */
    Object attribute(String name);

    /** Sets a request attribute (JAX-RS: request property). */
    void attribute(String name, Object value);
}

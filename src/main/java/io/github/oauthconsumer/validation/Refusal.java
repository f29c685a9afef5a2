package io.github.oauthconsumer.validation;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Map;

/**
 * The answer to a refused signed request, built once by {@link SignatureCheck} and sent as it is
 * by each entry point: as a JAX-RS {@link Response} by the {@code @ValidateSignature} filter, onto
 * the servlet response by the servlet filter and the signed-launch login. So a refusal looks the
 * same whichever of them refused.
 *
 * @param status  the HTTP status
 * @param headers the headers: a {@code WWW-Authenticate} challenge, a {@code Retry-After}
 * @param type    the body's media type, or null when the body is empty
 * @param body    the body
 */
record Refusal(int status, Map<String, String> headers, String type, byte[] body) {

    /** Copies the headers. */
    Refusal {
        headers = Map.copyOf(headers);
    }

    /** The refusal as a JAX-RS response. */
    Response toResponse() {
        Response.ResponseBuilder answer = Response.status(status).type(type).entity(body);
        headers.forEach(answer::header);
        return answer.build();
    }

    /** Writes the refusal to a servlet response that has not been written to. */
    void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        if (type != null) {
            response.setContentType(type);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** Shows the status only. */
    @Override
    public String toString() {
        return "Refusal[" + status + "]";
    }
}

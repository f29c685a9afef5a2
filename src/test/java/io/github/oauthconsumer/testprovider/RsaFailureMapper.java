package io.github.oauthconsumer.testprovider;

import java.security.GeneralSecurityException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.glassfish.jersey.oauth1.signature.RsaSha1Method;

/**
 * Jersey's RSA-SHA1 verification throws {@code IllegalStateException} (a 500 and a logged stack
 * trace) for a signature it cannot even check, e.g. one made with a key of another length. Such a
 * signature is simply invalid: 401 {@code oauth_problem=signature_invalid}. Other
 * {@code IllegalStateException}s stay 500.
 */
final class RsaFailureMapper implements ExceptionMapper<IllegalStateException> {

    @Override
    public Response toResponse(IllegalStateException exception) {
        boolean fromRsaVerify = exception.getCause() instanceof GeneralSecurityException
                && exception.getStackTrace().length > 0
                && RsaSha1Method.class.getName().equals(exception.getStackTrace()[0].getClassName());
        return fromRsaVerify ? Problems.unauthorized("signature_invalid")
                : Response.serverError().entity(String.valueOf(exception)).build();
    }
}

package io.github.oauthconsumer.validation;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Checks the signature of every request to the paths of {@code oauth1.<name>.validate-paths}
 * before the application's servlets, Faces pages or JAX-RS resources see it; refused requests get
 * the answer the {@code @ValidateSignature} filter gives and go no further. Accepted ones go on
 * with what was verified injectable as {@code ValidatedRequest}, and with their body and parameters
 * as verified. {@link ValidationInitializer} registers one per name, after
 * {@link ServletExchangeFilter}.
 */
public class SignatureValidationServletFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The prefix of the filters' registration names; the consumer name follows. */
    static final String NAME_PREFIX = "io.github.oauthconsumer.SignatureValidation.";

    private final String name;
    private transient volatile ServletSignatureValidation validation;

    /** @param name the consumer name */
    SignatureValidationServletFilter(String name) {
        this.name = name;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest checked = request instanceof VerifiedServletRequest || !VerifiedServletRequest.isNeeded(request)
                ? request : new VerifiedServletRequest(request);
        if (validation().checkOrRefuse(name, checked, response) != null) {
            chain.doFilter(checked, response);
        }
    }

    private ServletSignatureValidation validation() {
        ServletSignatureValidation current = validation;
        if (current == null) {
            current = CDI.current().select(ServletSignatureValidation.class).get();
            validation = current;
        }
        return current;
    }
}

package io.github.oauthconsumer.validation;

import io.github.oauthconsumer.api.ValidateSignature;
import io.github.oauthconsumer.api.ValidatedRequest;
import io.github.oauthconsumer.core.VerifiedRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Map;

/**
 * The request-scoped {@link ValidatedRequest}. The signature validation filter leaves what it
 * verified in a request property ({@link #ATTRIBUTE}), which JAX-RS keeps as a servlet request
 * attribute; this bean reads it when the application first asks. So a request whose resource
 * does not inject {@link ValidatedRequest} creates no bean at all.
 */
@RequestScoped
public class CurrentValidatedRequest implements ValidatedRequest {

    /** The request property, and servlet request attribute, holding the {@link Validation}. */
    public static final String ATTRIBUTE = CurrentValidatedRequest.class.getName();

    @Inject
    Instance<HttpServletRequest> servletRequest;

    private Validation validation;
    private Map<String, List<String>> parameters;

    @Override
    public boolean isValidated() {
        return validation() != null;
    }

    @Override
    public String consumerName() {
        return require().consumerName();
    }

    @Override
    public String consumerKey() {
        return require().verified().consumerKey();
    }

    @Override
    public String signatureMethod() {
        return require().verified().signatureMethod();
    }

    @Override
    public long timestamp() {
        return require().verified().timestamp();
    }

    @Override
    public String nonce() {
        return require().verified().nonce();
    }

    @Override
    public Map<String, List<String>> parameters() {
        Validation found = require();
        if (parameters == null) {
            parameters = found.verified().parameters().asMap();
        }
        return parameters;
    }

    private Validation validation() {
        if (validation == null && servletRequest.isResolvable()
                && servletRequest.get().getAttribute(ATTRIBUTE) instanceof Validation found) {
            validation = found;
        }
        return validation;
    }

    private Validation require() {
        Validation found = validation();
        if (found == null) {
            throw new IllegalStateException("the current request was not checked by @" + ValidateSignature.class.getSimpleName()
                    + ": annotate the resource method or class");
        }
        return found;
    }

    /** Shows the consumer key only; parameters may be personal data. */
    @Override
    public String toString() {
        Validation found = validation;
        return "ValidatedRequest[" + (found == null ? "not validated" : found.consumerName() + ", "
                + found.verified().consumerKey()) + "]";
    }

    /**
     * What the filter verified.
     *
     * @param consumerName the name of the {@link ValidateSignature} that accepted the request
     * @param verified     the verified request
     */
    record Validation(String consumerName, VerifiedRequest verified) {

        /** Shows the consumer key only. */
        @Override
        public String toString() {
            return "Validation[" + consumerName + ", " + verified.consumerKey() + "]";
        }
    }
}

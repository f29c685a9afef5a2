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
 * The request-scoped {@link ValidatedRequest}. A signature check leaves what it verified in a
 * request attribute ({@link #ATTRIBUTE}; the JAX-RS filter sets it as a request property, which
 * JAX-RS keeps as a servlet request attribute); this bean reads it when the application first asks.
 * So a request whose code does not inject {@link ValidatedRequest} creates no bean at all.
 */
@RequestScoped
public class CurrentValidatedRequest implements ValidatedRequest {

    /** The request property, and servlet request attribute, holding the {@link Validation}. */
    public static final String ATTRIBUTE = CurrentValidatedRequest.class.getName();

    @Inject
    Instance<HttpServletRequest> servletRequest;

    private Validation validation;

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
        return require().consumerKey();
    }

    @Override
    public String signatureMethod() {
        return require().signatureMethod();
    }

    @Override
    public long timestamp() {
        return require().timestamp();
    }

    @Override
    public String nonce() {
        return require().nonce();
    }

    @Override
    public Map<String, List<String>> parameters() {
        return require().parameters();
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
            throw new IllegalStateException("the current request's signature was not checked: annotate the resource method"
                    + " or class @" + ValidateSignature.class.getSimpleName() + ", list its path in oauth1.<name>.validate-paths,"
                    + " or call SignatureValidation.validate first");
        }
        return found;
    }

    /** Shows the consumer key only; parameters may be personal data. */
    @Override
    public String toString() {
        Validation found = validation;
        return found == null ? "ValidatedRequest[not validated]" : found.toString();
    }

    /**
     * What a signature check verified: the {@link ValidatedRequest} of one request, also returned
     * by {@code SignatureValidation.validate}.
     */
    static final class Validation implements ValidatedRequest {

        private final String consumerName;
        private final VerifiedRequest verified;
        private volatile Map<String, List<String>> parameters;

        /**
         * @param consumerName the name whose check accepted the request
         * @param verified     the verified request
         */
        Validation(String consumerName, VerifiedRequest verified) {
            this.consumerName = consumerName;
            this.verified = verified;
        }

        /** The verified request. */
        VerifiedRequest verified() {
            return verified;
        }

        @Override
        public boolean isValidated() {
            return true;
        }

        @Override
        public String consumerName() {
            return consumerName;
        }

        @Override
        public String consumerKey() {
            return verified.consumerKey();
        }

        @Override
        public String signatureMethod() {
            return verified.signatureMethod();
        }

        @Override
        public long timestamp() {
            return verified.timestamp();
        }

        @Override
        public String nonce() {
            return verified.nonce();
        }

        @Override
        public Map<String, List<String>> parameters() {
            Map<String, List<String>> built = parameters;
            if (built == null) {
                built = verified.parameters().asMap();
                parameters = built;
            }
            return built;
        }

        /** Shows the consumer key only; parameters may be personal data. */
        @Override
        public String toString() {
            return "ValidatedRequest[" + consumerName + ", " + verified.consumerKey() + "]";
        }
    }
}

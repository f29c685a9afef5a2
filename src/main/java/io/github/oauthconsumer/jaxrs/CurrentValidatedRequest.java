package io.github.oauthconsumer.jaxrs;

import io.github.oauthconsumer.api.ValidateSignature;
import io.github.oauthconsumer.api.ValidatedRequest;
import io.github.oauthconsumer.core.VerifiedRequest;
import jakarta.enterprise.context.RequestScoped;

import java.util.List;
import java.util.Map;

/**
 * The request-scoped {@link ValidatedRequest}: the signature validation filter records here what
 * it verified, and the application reads it through the {@link ValidatedRequest} interface.
 */
@RequestScoped
public class CurrentValidatedRequest implements ValidatedRequest {

    private String consumerName;
    private VerifiedRequest verified;
    private Map<String, List<String>> parameters;

    /** Records the verified request; called by the filter, once per request. */
    public void validated(String consumerName, VerifiedRequest verified) {
        this.consumerName = consumerName;
        this.verified = verified;
        this.parameters = null;
    }

    @Override
    public boolean isValidated() {
        return verified != null;
    }

    @Override
    public String consumerName() {
        require();
        return consumerName;
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
        VerifiedRequest request = require();
        if (parameters == null) {
            parameters = request.parameters().asMap();
        }
        return parameters;
    }

    private VerifiedRequest require() {
        if (verified == null) {
            throw new IllegalStateException("the current request was not checked by @" + ValidateSignature.class.getSimpleName()
                    + ": annotate the resource method or class");
        }
        return verified;
    }

    /** Shows the consumer key only; parameters may be personal data. */
    @Override
    public String toString() {
        return "ValidatedRequest[" + (verified == null ? "not validated" : consumerName + ", " + verified.consumerKey()) + "]";
    }
}

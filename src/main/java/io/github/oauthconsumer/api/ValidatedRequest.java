package io.github.oauthconsumer.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current request as {@link ValidateSignature} verified it: who signed it and every parameter
 * the signature covers. Inject it where the request is handled, {@code @Inject ValidatedRequest
 * signed}; it is request-scoped, so it may also be injected into application-scoped beans.
 *
 * <p>An LTI 1.1 tool finds the launch parameters here ({@code user_id}, {@code roles},
 * {@code resource_link_id}, ...) next to the consumer key of the platform that launched it.
 */
public interface ValidatedRequest {

    /**
     * Whether the current request passed {@link ValidateSignature}; when it did not (the resource
     * is not annotated), every other method throws {@link IllegalStateException}.
     */
    boolean isValidated();

    /** The name of the {@link ValidateSignature} that accepted the request. */
    String consumerName();

    /** The verified {@code oauth_consumer_key}: the platform or service that signed the request. */
    String consumerKey();

    /** The {@code oauth_signature_method}, such as {@code HMAC-SHA1}. */
    String signatureMethod();

    /** The {@code oauth_timestamp}, in seconds since the epoch. */
    long timestamp();

    /** The {@code oauth_nonce}. */
    String nonce();

    /**
     * Every signed parameter (query, form body and protocol parameters, without
     * {@code oauth_signature}), decoded, names in the order first received; unmodifiable.
     */
    Map<String, List<String>> parameters();

    /** The first value of a signed parameter. */
    default Optional<String> parameter(String name) {
        List<String> values = parameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}

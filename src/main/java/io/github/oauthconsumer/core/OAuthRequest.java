package io.github.oauthconsumer.core;

import io.github.oauthconsumer.api.Token;

import java.util.Map;
import java.util.List;
import java.util.Objects;

/**
 * An outgoing request as the signer sees it: method, absolute URL (its query is signed), form
 * parameters (signed and sent as the body), an optional token (3-legged), extra protocol parameters
 * such as {@code oauth_callback} or {@code oauth_verifier}, and, for a body that is not a form, the
 * raw bytes to cover with {@code oauth_body_hash}. Immutable once built.
 */
public final class OAuthRequest {

    private final String method;
    private final String url;
    private final ParameterList formParameters;
    private final ParameterList protocolParameters;
    private final Token token;
    private final byte[] body;

    private OAuthRequest(Builder builder) {
        this.method = builder.method;
        this.url = builder.url;
        this.formParameters = builder.formParameters;
        this.protocolParameters = builder.protocolParameters;
        this.token = builder.token;
        this.body = builder.body;
    }

    /** Starts a request; the URL must be absolute {@code http} or {@code https}. */
    public static Builder builder(String method, String url) {
        return new Builder(method, url);
    }

    /** The HTTP method as given. */
    public String method() {
        return method;
    }

    /** The absolute URL, query included. */
    public String url() {
        return url;
    }

    /** The form parameters, a copy; empty when the body is not a form. */
    public ParameterList formParameters() {
        return formParameters.copy();
    }

    /** The extra protocol parameters, a copy. */
    public ParameterList protocolParameters() {
        return protocolParameters.copy();
    }

    /** The token to sign with, or null for a 2-legged request. */
    public Token token() {
        return token;
    }

    /** Whether a body hash is to be sent. */
    public boolean hasBodyToHash() {
        return body != null;
    }

    ParameterList form() {
        return formParameters;
    }

    ParameterList extraProtocolParameters() {
        return protocolParameters;
    }

    byte[] body() {
        return body;
    }

    /** Lists what is signed without any value that may be secret. */
    @Override
    public String toString() {
        return "OAuthRequest[" + method + " " + url + ", form=" + formParameters + ", protocol="
                + protocolParameters + (token != null ? ", token=" + token.token() : "")
                + (body != null ? ", bodyHash" : "") + "]";
    }

    /** Collects the parts of a request; not thread-safe. */
    public static final class Builder {
        private final String method;
        private final String url;
        private final ParameterList formParameters = new ParameterList();
        private final ParameterList protocolParameters = new ParameterList();
        private Token token;
        private byte[] body;

        private Builder(String method, String url) {
            this.method = Objects.requireNonNull(method, "method");
            this.url = Objects.requireNonNull(url, "url");
        }

        /** Adds a form parameter; names may repeat. */
        public Builder formParameter(String name, String value) {
            formParameters.add(name, value);
            return this;
        }

        /** Adds every form parameter of a list. */
        public Builder formParameters(ParameterList parameters) {
            formParameters.addAll(parameters);
            return this;
        }

        /** Adds every form parameter of a map such as a JAX-RS {@code MultivaluedMap}; the map is not changed. */
        public Builder formParameters(Map<String, ? extends List<String>> parameters) {
            parameters.forEach((name, values) -> values.forEach(value -> formParameters.add(name, value)));
            return this;
        }

        /** Signs with a token: a 3-legged request (or a request-token exchange). */
        public Builder token(Token token) {
            this.token = token;
            return this;
        }

        /**
         * Adds a protocol parameter the signer does not set itself, such as {@code oauth_callback},
         * {@code oauth_verifier} or {@code oauth_session_handle}.
         *
         * @throws IllegalArgumentException when the name does not start with {@code oauth_} or is one
         *                                  the signer sets
         */
        public Builder protocolParameter(String name, String value) {
            if (!name.startsWith(OAuthParameterNames.PREFIX) || OAuthSigner.SIGNER_PARAMETERS.contains(name)) {
                throw new IllegalArgumentException(name + " is not a protocol parameter that can be added");
            }
            protocolParameters.add(name, Objects.requireNonNull(value, name));
            return this;
        }

        /** The raw body of a request that is not a form, covered by {@code oauth_body_hash}; not copied. */
        public Builder bodyHashOf(byte[] body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        /** @throws IllegalArgumentException when both form parameters and a hashed body are set */
        public OAuthRequest build() {
            if (body != null && !formParameters.isEmpty()) {
                throw new IllegalArgumentException("oauth_body_hash must not be used with a form-encoded body");
            }
            return new OAuthRequest(this);
        }
    }
}

package io.github.oauthconsumer.core;

import java.util.Objects;

/**
 * A request to verify, as the server received it: method, the absolute URL the client signed
 * (query included), the {@code Authorization} header, the decoded form parameters when the body is
 * {@code application/x-www-form-urlencoded}, and otherwise the raw body for {@code oauth_body_hash}.
 */
public final class IncomingRequest {

    private final String method;
    private final String url;
    private final String authorization;
    private final ParameterList formParameters;
    private final byte[] body;

    private IncomingRequest(String method, String url, String authorization, ParameterList formParameters, byte[] body) {
        this.method = method;
        this.url = url;
        this.authorization = authorization;
        this.formParameters = formParameters;
        this.body = body;
    }

    /** Starts a request with the method and the absolute URL that was signed. */
    public static Builder builder(String method, String url) {
        return new Builder(method, url);
    }

    String method() {
        return method;
    }

    String url() {
        return url;
    }

    String authorization() {
        return authorization;
    }

    ParameterList formParameters() {
        return formParameters;
    }

    byte[] body() {
        return body;
    }

    @Override
    public String toString() {
        return "IncomingRequest[" + method + " " + url + "]";
    }

    /** Collects the parts of an incoming request; not thread-safe. */
    public static final class Builder {
        private final String method;
        private final String url;
        private String authorization;
        private ParameterList formParameters = new ParameterList();
        private byte[] body;

        private Builder(String method, String url) {
            this.method = Objects.requireNonNull(method, "method");
            this.url = Objects.requireNonNull(url, "url");
        }

        /** The {@code Authorization} header value, if the request had one. */
        public Builder authorization(String authorization) {
            this.authorization = authorization;
            return this;
        }

        /** The decoded parameters of an {@code application/x-www-form-urlencoded} body. */
        public Builder formParameters(ParameterList formParameters) {
            this.formParameters = formParameters.copy();
            return this;
        }

        /** The raw bytes of a body that is not a form, to check {@code oauth_body_hash}; not copied. */
        public Builder body(byte[] body) {
            this.body = body;
            return this;
        }

        public IncomingRequest build() {
            return new IncomingRequest(method, url, authorization, formParameters, body);
        }
    }
}

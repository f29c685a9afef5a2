package io.github.oauthconsumer.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request for {@link SignedClient}: method, URL, query parameters (signed, added to the URL),
 * form parameters (signed and sent as an {@code application/x-www-form-urlencoded} body) or a raw
 * body (not parameters; covered by {@code oauth_body_hash} when the consumer is configured so),
 * extra headers, and which token signs it. Built values are copies: the caller's maps are never
 * changed or kept.
 */
public final class SignedRequest {

    /** Which token signs the request. */
    public enum TokenChoice {
        /** No token: a 2-legged request. */
        NONE,
        /** The token given with {@link Builder#token(AccessToken)}. */
        GIVEN,
        /** The token stored for the current user. */
        CURRENT_USER
    }

    private final String method;
    private final String url;
    private final Map<String, List<String>> queryParameters;
    private final Map<String, List<String>> formParameters;
    private final byte[] body;
    private final String mediaType;
    private final Map<String, List<String>> headers;
    private final TokenChoice tokenChoice;
    private final AccessToken token;

    private SignedRequest(Builder builder) {
        this.method = builder.method;
        this.url = builder.url;
        this.queryParameters = Parameters.copy(builder.queryParameters);
        this.formParameters = Parameters.copy(builder.formParameters);
        this.body = builder.body;
        this.mediaType = builder.mediaType;
        this.headers = Parameters.copy(builder.headers);
        this.tokenChoice = builder.tokenChoice;
        this.token = builder.token;
    }

    /** Starts a request with any HTTP method. */
    public static Builder builder(String method, String url) {
        return new Builder(method, url);
    }

    /** Starts a GET. */
    public static Builder get(String url) {
        return builder("GET", url);
    }

    /** Starts a POST. */
    public static Builder post(String url) {
        return builder("POST", url);
    }

    /** Starts a PUT. */
    public static Builder put(String url) {
        return builder("PUT", url);
    }

    /** Starts a DELETE. */
    public static Builder delete(String url) {
        return builder("DELETE", url);
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The URL as given, before query parameters are added. */
    public String url() {
        return url;
    }

    /** The query parameters to add to the URL; unmodifiable. */
    public Map<String, List<String>> queryParameters() {
        return queryParameters;
    }

    /** The form parameters; unmodifiable, empty when the body is not a form. */
    public Map<String, List<String>> formParameters() {
        return formParameters;
    }

    /** A copy of the raw body, or null. */
    public byte[] body() {
        return body == null ? null : body.clone();
    }

    /** The media type of the raw body, or null. */
    public String mediaType() {
        return mediaType;
    }

    /** Extra headers; unmodifiable. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** Which token signs the request. */
    public TokenChoice tokenChoice() {
        return tokenChoice;
    }

    /** The given token, or null. */
    public AccessToken token() {
        return token;
    }

    @Override
    public String toString() {
        return "SignedRequest[" + method + " " + url + ", token=" + tokenChoice + "]";
    }

    /** Collects a request; not thread-safe. */
    public static final class Builder {
        private final String method;
        private final String url;
        private final Map<String, List<String>> queryParameters = new LinkedHashMap<>();
        private final Map<String, List<String>> formParameters = new LinkedHashMap<>();
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private byte[] body;
        private String mediaType;
        private TokenChoice tokenChoice = TokenChoice.NONE;
        private AccessToken token;

        private Builder(String method, String url) {
            this.method = Objects.requireNonNull(method, "method");
            this.url = Objects.requireNonNull(url, "url");
        }

        /** Adds a query parameter; names may repeat. */
        public Builder queryParam(String name, String value) {
            add(queryParameters, name, value);
            return this;
        }

        /** Adds a form parameter; names may repeat. */
        public Builder formParam(String name, String value) {
            add(formParameters, name, value);
            return this;
        }

        /** Adds every form parameter of a map (such as a JAX-RS {@code MultivaluedMap}); the map is not changed. */
        public Builder form(Map<String, ? extends Collection<String>> form) {
            form.forEach((name, values) -> values.forEach(value -> add(formParameters, name, value)));
            return this;
        }

        /** A raw body that is not a form; copied. */
        public Builder body(byte[] content, String mediaType) {
            this.body = content.clone();
            this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
            return this;
        }

        /** A text body, sent as UTF-8. */
        public Builder body(String content, String mediaType) {
            return body(content.getBytes(StandardCharsets.UTF_8), mediaType);
        }

        /** Adds a header; the {@code Authorization} header is set by the signer. */
        public Builder header(String name, String value) {
            add(headers, name, value);
            return this;
        }

        /** Adds every header of a map; the map is not changed. */
        public Builder headers(Map<String, ? extends Collection<String>> headers) {
            headers.forEach((name, values) -> values.forEach(value -> add(this.headers, name, value)));
            return this;
        }

        /** Signs with this access token: a 3-legged request. */
        public Builder token(AccessToken token) {
            this.token = Objects.requireNonNull(token, "token");
            this.tokenChoice = TokenChoice.GIVEN;
            return this;
        }

        /**
         * Signs with the access token stored for the current user; sending then throws
         * {@link NoAccessTokenException} when there is none.
         */
        public Builder currentUser() {
            this.token = null;
            this.tokenChoice = TokenChoice.CURRENT_USER;
            return this;
        }

        /** @throws IllegalArgumentException when both form parameters and a raw body are set */
        public SignedRequest build() {
            if (body != null && !formParameters.isEmpty()) {
                throw new IllegalArgumentException("a request has either form parameters or a raw body, not both");
            }
            return new SignedRequest(this);
        }

        private static void add(Map<String, List<String>> map, String name, String value) {
            map.computeIfAbsent(Objects.requireNonNull(name, "name"), n -> new ArrayList<>())
                    .add(Objects.requireNonNull(value, name));
        }
    }
}

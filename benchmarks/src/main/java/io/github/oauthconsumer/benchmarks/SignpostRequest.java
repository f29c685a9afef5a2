package io.github.oauthconsumer.benchmarks;

import oauth.signpost.http.HttpRequest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/** An in-memory {@link HttpRequest} for Signpost: method, URL, headers and an optional body. No I/O. */
final class SignpostRequest implements HttpRequest {

    private final String method;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers = new HashMap<>(4);
    private String url;

    SignpostRequest(String method, String url, String contentType, byte[] body) {
        this.method = method;
        this.url = url;
        this.contentType = contentType;
        this.body = body;
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getRequestUrl() {
        return url;
    }

    @Override
    public void setRequestUrl(String url) {
        this.url = url;
    }

    @Override
    public void setHeader(String name, String value) {
        headers.put(name, value);
    }

    @Override
    public String getHeader(String name) {
        return headers.get(name);
    }

    @Override
    public Map<String, String> getAllHeaders() {
        return headers;
    }

    @Override
    public InputStream getMessagePayload() {
        return body == null ? null : new ByteArrayInputStream(body);
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public Object unwrap() {
        return this;
    }
}

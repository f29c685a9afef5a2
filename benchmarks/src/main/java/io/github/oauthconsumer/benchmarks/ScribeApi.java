package io.github.oauthconsumer.benchmarks;

import com.github.scribejava.core.builder.api.DefaultApi10a;

/** A ScribeJava API description for the benchmarks' provider; its endpoints are never called. */
final class ScribeApi extends DefaultApi10a {

    @Override
    public String getRequestTokenEndpoint() {
        return "https://api.example.com/oauth/request_token";
    }

    @Override
    public String getAccessTokenEndpoint() {
        return "https://api.example.com/oauth/access_token";
    }

    @Override
    protected String getAuthorizationBaseUrl() {
        return "https://api.example.com/oauth/authorize";
    }
}

package io.github.oauthconsumer.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sets the configured {@code oauth1.<name>.user-agent} on every request of a consumer's client
 * (token requests of the flow and calls of its {@code SignedClient}) that does not set one itself:
 * some providers refuse requests without an identifying {@code User-Agent}.
 */
final class UserAgentFilter implements ClientRequestFilter {

    private final String userAgent;

    UserAgentFilter(String userAgent) {
        this.userAgent = userAgent;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (request.getHeaderString(HttpHeaders.USER_AGENT) == null) {
            request.getHeaders().putSingle(HttpHeaders.USER_AGENT, userAgent);
        }
    }
}

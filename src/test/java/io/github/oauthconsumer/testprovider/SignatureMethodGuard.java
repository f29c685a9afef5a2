package io.github.oauthconsumer.testprovider;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.oauth1.signature.RsaSha1Method;
import org.glassfish.jersey.server.oauth1.internal.OAuthServerRequest;

/**
 * Jersey answers an RSA-SHA1 request from a consumer registered with a shared secret (not a
 * certificate) with a 500 and a stack trace ({@code InvalidKeyException: Key must not be null}).
 * This refuses such a request first, with 401 {@code oauth_problem=signature_method_rejected}.
 */
@Priority(Priorities.AUTHENTICATION - 1)
final class SignatureMethodGuard implements ContainerRequestFilter {

    private final TokenStore store;

    SignatureMethodGuard(TokenStore store) {
        this.store = store;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, OAuth1Parameters.SCHEME, 0, 5)) {
            return;
        }
        OAuth1Parameters params = new OAuth1Parameters().readRequest(new OAuthServerRequest(request));
        TokenStore.Consumer consumer = store.getConsumer(params.getConsumerKey());
        if (consumer != null && RsaSha1Method.NAME.equals(params.getSignatureMethod())
                && !consumer.getSecret().startsWith("-----BEGIN CERTIFICATE")) {
            request.abortWith(Problems.unauthorized("signature_method_rejected"));
        }
    }
}

package io.github.oauthconsumer.demo.provider;

import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.oauth1.signature.OAuth1Secrets;
import org.glassfish.jersey.oauth1.signature.OAuth1Signature;
import org.glassfish.jersey.oauth1.signature.OAuth1SignatureException;
import org.glassfish.jersey.server.oauth1.internal.OAuthServerRequest;

/**
 * Token renewal, the part of the OAuth Session extension that Jersey's access-token endpoint does
 * not know. A POST to that endpoint whose OAuth parameters carry {@code oauth_session_handle} is
 * answered here, before Jersey's resource: the request must be signed with the (possibly expired)
 * access token and its secret, which Jersey's {@link OAuth1Signature} verifies; the answer is a new
 * token and secret of the same session, and the old token stops working (so a replayed renewal
 * fails, although, as on Jersey's own token endpoints, nonce and timestamp are not checked).
 * Other requests go on to Jersey.
 */
@Priority(Priorities.AUTHENTICATION)
final class SessionRenewalFilter implements ContainerRequestFilter {

    private final DemoOAuthProvider provider;

    @Inject
    private OAuth1Signature signature;

    SessionRenewalFilter(DemoOAuthProvider provider) {
        this.provider = provider;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod())
                || !DemoApplication.ACCESS_TOKEN_PATH.equals(request.getUriInfo().getPath())) {
            return;
        }
        OAuthServerRequest oauthRequest = new OAuthServerRequest(request);
        OAuth1Parameters params = new OAuth1Parameters().readRequest(oauthRequest);
        String handle = params.get(DemoOAuthProvider.SESSION_HANDLE);
        if (handle != null) {
            request.abortWith(renew(oauthRequest, params, handle));
        }
    }

    /** The renewal's answer, for a request of any method ({@link TokenEndpointModeFilter} passes GETs). */
    Response renew(OAuthServerRequest request, OAuth1Parameters params, String handle) {
        if (params.getConsumerKey() == null || params.getToken() == null || params.getSignature() == null) {
            return OAuthProblems.badRequest("parameter_absent");
        }
        if (provider.getConsumer(params.getConsumerKey()) == null) {
            return OAuthProblems.unauthorized("consumer_key_unknown");
        }
        DemoOAuthProvider.AccessToken old = provider.getAccessToken(params.getToken());
        if (old == null) {
            return OAuthProblems.unauthorized("token_rejected");
        }
        OAuth1Secrets secrets = new OAuth1Secrets()
                .consumerSecret(old.getConsumer().getSecret())
                .tokenSecret(old.getSecret());
        try {
            if (!signature.verify(request, params, secrets)) {
                return OAuthProblems.unauthorized("signature_invalid");
            }
        } catch (OAuth1SignatureException e) {
            return OAuthProblems.badRequest("signature_method_rejected");
        }
        if (!old.session().handle().equals(handle)) {
            return OAuthProblems.unauthorized("token_rejected");
        }
        if (old.session().isOver(Instant.now())) {
            return OAuthProblems.unauthorized("permission_denied");
        }
        DemoOAuthProvider.AccessToken fresh = provider.renew(old);
        if (fresh == null) {
            return OAuthProblems.unauthorized("token_rejected");
        }
        Form answer = new Form()
                .param(OAuth1Parameters.TOKEN, fresh.getToken())
                .param(OAuth1Parameters.TOKEN_SECRET, fresh.getSecret());
        answer.asMap().putAll(fresh.getAttributes());
        return Response.ok(answer, MediaType.APPLICATION_FORM_URLENCODED_TYPE).build();
    }
}

package io.github.oauthconsumer.testprovider;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/**
 * {@code GET oauth/authorize?oauth_token=...[&user=...]}: a user who approves at once. Redirects
 * (303) to the request token's callback with {@code oauth_token} and {@code oauth_verifier}, or,
 * for an out-of-band ({@code oob}) or absent callback, answers 200 with them as a form body.
 */
@Path(JerseyOAuthProvider.AUTHORIZE_PATH)
@Singleton
public final class AuthorizeResource {

    private final TokenStore store;

    @Inject
    AuthorizeResource(TokenStore store) {
        this.store = store;
    }

    @GET
    public Response authorize(@QueryParam("oauth_token") String requestToken, @QueryParam("user") String user) {
        TokenStore.RequestToken token = store.getRequestToken(requestToken);
        if (token == null) {
            return Problems.badRequest("token_rejected");
        }
        String verifier = store.approve(requestToken, user == null ? JerseyOAuthProvider.DEFAULT_USER : user);
        String callback = token.callbackUrl();
        if (callback == null || callback.isEmpty() || "oob".equals(callback)) {
            return Response.ok("oauth_token=" + Problems.encode(requestToken) + "&oauth_verifier="
                    + Problems.encode(verifier), MediaType.APPLICATION_FORM_URLENCODED_TYPE).build();
        }
        return Response.seeOther(UriBuilder.fromUri(callback)
                .queryParam("oauth_token", requestToken)
                .queryParam("oauth_verifier", verifier)
                .build()).build();
    }
}

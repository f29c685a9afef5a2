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
 * for an out-of-band ({@code oob}) or absent callback, answers 200 with them as a form body. In
 * the key-and-token mode ({@link ProviderModes}) it takes {@code ?key=<consumer key>&token=<request
 * token>} instead, as E*TRADE's page does.
 */
@Path(JerseyOAuthProvider.AUTHORIZE_PATH)
@Singleton
public final class AuthorizeResource {

    private final TokenStore store;
    private final ProviderModes modes;

    @Inject
    AuthorizeResource(TokenStore store, ProviderModes modes) {
        this.store = store;
        this.modes = modes;
    }

    @GET
    public Response authorize(@QueryParam("oauth_token") String oauthToken, @QueryParam("key") String key,
            @QueryParam("token") String keyedToken, @QueryParam("user") String user) {
        String requestToken = modes.keyAndTokenAuthorization() ? keyedToken : oauthToken;
        TokenStore.RequestToken token = store.getRequestToken(requestToken);
        if (token == null) {
            return Problems.badRequest("token_rejected");
        }
        if (modes.keyAndTokenAuthorization() && !token.consumerKey().equals(key)) {
            return Problems.badRequest("consumer_key_rejected");
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

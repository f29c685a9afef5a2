package io.github.oauthconsumer.demo.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.server.oauth1.DefaultOAuth1Provider;

import static io.github.oauthconsumer.demo.provider.Html.escape;

/**
 * The user's side of the flow, which Jersey leaves to the application: {@code GET oauth/authorize}
 * shows which consumer asks and offers Approve and Deny; the {@code POST} sends the user back to the
 * consumer's callback with {@code oauth_token} and either {@code oauth_verifier} or
 * {@code oauth_problem=user_refused}. With an {@code oob} callback the page shows the verifier, for the
 * user to paste into the application.
 * There is no login: the user types a name, as befits a demo.
 */
@Path(DemoApplication.AUTHORIZE_PATH)
public final class AuthorizePage {

    private static final String DEFAULT_USER = "alice";

    private final DemoOAuthProvider provider;
    private final DemoSettings settings;

    AuthorizePage(DemoOAuthProvider provider, DemoSettings settings) {
        this.provider = provider;
        this.settings = settings;
    }

    /**
     * The approval page for a request token: {@code ?oauth_token=...}, or, with
     * {@code demo.authorize-parameters=key-token}, {@code ?key=<consumer key>&token=<request token>}
     * as E*TRADE's page takes them.
     */
    @GET
    public Response ask(@QueryParam(OAuth1Parameters.TOKEN) String oauthToken, @QueryParam("key") String key,
            @QueryParam("token") String keyedToken) {
        String requestToken = settings.keyAndToken() ? keyedToken : oauthToken;
        DefaultOAuth1Provider.Token token = provider.getRequestToken(requestToken);
        if (token == null) {
            return settings.keyAndToken() && oauthToken != null
                    ? Html.page(Response.Status.BAD_REQUEST, "Unknown request",
                            "<p>This provider's approval page takes <code>?key=&lt;consumer key&gt;&amp;token=&lt;request"
                                    + " token&gt;</code>, not <code>oauth_token</code>.</p>")
                    : unknownToken();
        }
        if (settings.keyAndToken() && !token.getConsumer().getKey().equals(key)) {
            return Html.page(Response.Status.BAD_REQUEST, "Unknown application",
                    "<p>The <code>key</code> is not the consumer key of this request.</p>");
        }
        return Html.page(Response.Status.OK, "Authorize access", """
                <p>The application <strong>%s</strong> asks to use your account at this demo provider.</p>
                <form method="post" action="authorize">
                <input type="hidden" name="oauth_token" value="%s">
                <p><label for="user">Your user name</label>
                <input id="user" name="user" value="%s" required></p>
                <p><button type="submit" id="approve" name="decision" value="approve">Approve</button>
                <button type="submit" id="deny" name="decision" value="deny">Deny</button></p>
                </form>
                """.formatted(escape(token.getConsumer().getKey()), escape(requestToken), DEFAULT_USER));
    }

    /** The user's decision: back to the consumer. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@FormParam(OAuth1Parameters.TOKEN) String requestToken, @FormParam("user") String user,
            @FormParam("decision") String decision) {
        DefaultOAuth1Provider.Token token = provider.getRequestToken(requestToken);
        if (token == null) {
            return unknownToken();
        }
        if (token.getPrincipal() != null) {
            return Html.page(Response.Status.BAD_REQUEST, "Already approved",
                    "<p>This request was approved already.</p>");
        }
        String callback = token.getCallbackUrl();
        boolean outOfBand = callback == null || callback.isEmpty() || OAuth1Parameters.NO_CALLBACK_URI_VALUE.equals(callback);
        URI callbackUri = outOfBand ? null : httpUri(callback);
        if (!outOfBand && callbackUri == null) {
            return Html.page(Response.Status.BAD_REQUEST, "Bad callback",
                    "<p>The application's callback <code>" + escape(callback) + "</code> is not an http(s) URL.</p>");
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put(OAuth1Parameters.TOKEN, requestToken);
        if ("approve".equals(decision)) {
            String name = user == null || user.isBlank() ? DEFAULT_USER : user.strip();
            answer.put(OAuth1Parameters.VERIFIER, provider.approve(token, name));
        } else {
            answer.put("oauth_problem", "user_refused");
        }
        if (outOfBand) {
            return answer.containsKey(OAuth1Parameters.VERIFIER)
                    ? Html.page(Response.Status.OK, "Access approved", "<p>Give the application this code: <code id=\"verifier\">"
                            + escape(answer.get(OAuth1Parameters.VERIFIER)) + "</code></p><p>You can close this tab.</p>")
                    : Html.page(Response.Status.OK, "Access denied", "<p>The application gets no access.</p>");
        }
        return Response.seeOther(withQuery(callbackUri, answer)).build();
    }

    private static Response unknownToken() {
        return Html.page(Response.Status.BAD_REQUEST, "Unknown request",
                "<p>This authorization request is unknown or was used already. Start again from the application.</p>");
    }

    private static URI httpUri(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Appends form-encoded parameters to the callback's query, keeping what it had (and its fragment). */
    private static URI withQuery(URI callback, Map<String, String> params) {
        StringJoiner query = new StringJoiner("&");
        if (callback.getRawQuery() != null && !callback.getRawQuery().isEmpty()) {
            query.add(callback.getRawQuery());
        }
        params.forEach((name, value) -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        String fragment = callback.getRawFragment() == null ? "" : "#" + callback.getRawFragment();
        return URI.create(callback.getScheme() + "://" + callback.getRawAuthority() + callback.getRawPath()
                + "?" + query + fragment);
    }
}

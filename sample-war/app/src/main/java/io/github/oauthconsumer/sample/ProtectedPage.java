package io.github.oauthconsumer.sample;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.api.RequireAccessToken;
import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.api.SignedRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import static io.github.oauthconsumer.sample.Html.escape;

/**
 * 3-legged: the provider's protected resource, read with the current user's access token. Without
 * a token the library sends the browser through the authorization flow first and brings it back
 * here; with one, this calls the resource signed with it (renewing it on the way when the provider
 * says it expired) and shows the provider's answer.
 */
@Path("protected")
@RequestScoped
@RequireAccessToken("demo")
public class ProtectedPage {

    @Inject
    @OAuthConsumer("demo")
    SignedClient demo;

    @Inject
    @ConfigProperty(name = "sample.protected-resource-url")
    String resourceUrl;

    @Inject
    @ConfigProperty(name = "sample.user-agent")
    String userAgent;

    /** The provider's answer, and which token was used. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show() {
        int status;
        String body;
        try (Response answer = demo.send(SignedRequest.get(resourceUrl)
                .header("User-Agent", userAgent).currentUser().build())) {
            status = answer.getStatus();
            body = answer.readEntity(String.class);
        } catch (OAuthProblemException refused) {
            return Response.status(Response.Status.BAD_GATEWAY).entity(Html.page("The provider refused the token", """
                    <p>The provider answered <code>%s</code>: it does not accept the access token stored for you any
                    more (it was revoked, or the demo provider was restarted and forgot it).</p>
                    <p><a id="reauthorize" href="../oauth1/demo/authorize?next=%%2Fapi%%2Fprotected">Authorize again</a></p>
                    """.formatted(escape(refused.problem().code())))).header("Cache-Control", "no-store").build();
        } catch (OAuthProviderException unreachable) {
            // the provider is down, hangs or answers nonsense: a page that says so, not an error report
            Response.Status failure = unreachable.isTimedOut() ? Response.Status.GATEWAY_TIMEOUT : Response.Status.BAD_GATEWAY;
            return Response.status(failure).entity(Html.page("The provider could not be reached", """
                    <p>Calling <code>%s</code> failed: %s. Your stored token is kept; try again later.</p>
                    <p><a id="retry" href="protected">Try again</a></p>
                    """.formatted(escape(resourceUrl), escape(unreachable.getMessage()))))
                    .header("Cache-Control", "no-store").build();
        }
        AccessToken token = demo.currentAccessToken().orElseThrow();
        return Response.ok(Html.page("Your account at the provider", """
                <p>The sample called <code>GET %s</code>, signed with your access token, and the provider answered
                <strong id="status">%d</strong>:</p>
                <pre id="resource">%s</pre>
                <table>
                <tr><th>Access token</th><td><code id="token">%s</code></td></tr>
                <tr><th>Expires</th><td>%s</td></tr>
                <tr><th>Renewable</th><td>%s</td></tr>
                </table>
                <p>The token is kept in the database for your <code>sample-user</code> cookie, not in the HTTP
                session: it is still here after the session ends. When a renewable token expires, the library
                renews it with its session handle the next time this page is shown, and stores the new one.</p>
                <form method="post" action="connection/disconnect"><button type="submit" id="disconnect">Forget the
                token</button></form>
                """.formatted(escape(resourceUrl), status, escape(body), escape(token.token()),
                token.expiresAt() == null ? "never" : escape(token.expiresAt().toString()),
                token.isRenewable() ? "yes" : "no"))).header("Cache-Control", "no-store").build();
    }
}

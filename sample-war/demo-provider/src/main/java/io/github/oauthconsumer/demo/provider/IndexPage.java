package io.github.oauthconsumer.demo.provider;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import static io.github.oauthconsumer.demo.provider.Html.escape;

/** {@code GET /}: what this is, its endpoints and the demo credentials, for a visitor of the sample. */
@Path("/")
public final class IndexPage {

    private final DemoSettings settings;

    IndexPage(DemoSettings settings) {
        this.settings = settings;
    }

    /** The page. */
    @GET
    public Response index(@Context UriInfo uriInfo) {
        String base = uriInfo.getBaseUri().toString();
        String method = settings.tokenRequestMethod();
        String approval = settings.keyAndToken() ? "oauth/authorize?key=…&amp;token=…" : "oauth/authorize?oauth_token=…";
        return Html.page(Response.Status.OK, "Demo OAuth 1.0a service provider", """
                <p>A small OAuth 1.0a service provider for trying the sample application. It is built on
                Jersey's <code>oauth1-server</code>, not on the library the sample shows, and keeps
                everything in memory. It is a demo: do not use it for anything else.</p>
                <h2>Credentials</h2>
                <table>
                <tr><th>Consumer key</th><td><code>%2$s</code></td></tr>
                <tr><th>Consumer secret</th><td><code>%3$s</code></td></tr>
                <tr><th>Signature methods</th><td>HMAC-SHA1, PLAINTEXT</td></tr>
                <tr><th>Access tokens</th><td>expire after %4$d s; renew them with <code>oauth_session_handle</code>
                (valid %5$d s)</td></tr>
                </table>
                <h2>Mode</h2>
                <table id="mode">
                <tr><th>Callback</th><td>%6$s</td></tr>
                <tr><th>Token requests</th><td>%7$s</td></tr>
                <tr><th>Approval page</th><td><code>%8$s</code></td></tr>
                <tr><th>Idle tokens</th><td>%9$s</td></tr>
                </table>
                <h2>Endpoints</h2>
                <table>
                <tr><td>%7$s</td><td><code>%1$soauth/request_token</code></td><td>temporary credentials</td></tr>
                <tr><td>GET</td><td><code>%1$s%8$s</code></td><td>approval page (Approve / Deny)</td></tr>
                <tr><td>%7$s</td><td><code>%1$soauth/access_token</code></td><td>token credentials, with the OAuth Session
                extension; renewal with <code>oauth_session_handle</code></td></tr>
                <tr><td>%7$s</td><td><code>%1$soauth/renew_access_token</code></td><td>reactivates an idle access
                token (signed with it)</td></tr>
                <tr><td>GET</td><td><code>%1$sapi/me</code></td><td>3-legged: who the access token speaks for</td></tr>
                <tr><td>GET</td><td><code>%1$sapi/status</code></td><td>2-legged: signed by the consumer alone</td></tr>
                <tr><td>GET</td><td><code>%1$slti/launch?target=…</code></td><td>an LTI 1.1 launch, signed with the
                credentials above, POSTed by your browser to a URL on this machine</td></tr>
                </table>
                %10$s
                """.formatted(escape(base), escape(settings.consumerKey()), escape(settings.consumerSecret()),
                settings.tokenLifetime().toSeconds(), settings.authorizationLifetime().toSeconds(),
                settings.outOfBandOnly() ? "<code>oob</code> only: the approval page shows a code to copy"
                        : "any; <code>oob</code> shows a code to copy",
                method, approval,
                settings.idleTokens() ? "after " + settings.idleTimeout().toSeconds() + " s unused (refused with"
                        + " <code>oauth_problem=" + OAuthProblems.IDLE_TOKEN + "</code> until reactivated)" : "never",
                settings.idleTokens() ? """
                        <form method="post" action="tokens/idle"><button type="submit" id="make-idle">Make every access
                        token idle now</button></form>""" : ""));
    }
}

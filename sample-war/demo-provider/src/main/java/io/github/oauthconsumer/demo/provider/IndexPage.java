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
                <h2>Endpoints</h2>
                <table>
                <tr><td>POST</td><td><code>%1$soauth/request_token</code></td><td>temporary credentials</td></tr>
                <tr><td>GET</td><td><code>%1$soauth/authorize?oauth_token=…</code></td><td>approval page (Approve / Deny)</td></tr>
                <tr><td>POST</td><td><code>%1$soauth/access_token</code></td><td>token credentials, with the OAuth Session
                extension; renewal with <code>oauth_session_handle</code></td></tr>
                <tr><td>GET</td><td><code>%1$sapi/me</code></td><td>3-legged: who the access token speaks for</td></tr>
                <tr><td>GET</td><td><code>%1$sapi/status</code></td><td>2-legged: signed by the consumer alone</td></tr>
                <tr><td>GET</td><td><code>%1$slti/launch?target=…</code></td><td>an LTI 1.1 launch, signed with the
                credentials above, POSTed by your browser to a URL on this machine</td></tr>
                </table>
                """.formatted(escape(base), escape(settings.consumerKey()), escape(settings.consumerSecret()),
                settings.tokenLifetime().toSeconds(), settings.authorizationLifetime().toSeconds()));
    }
}

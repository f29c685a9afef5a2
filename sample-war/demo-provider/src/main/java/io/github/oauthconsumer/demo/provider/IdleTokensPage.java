package io.github.oauthconsumer.demo.provider;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST tokens/idle}: makes every access token idle at once, as if {@code demo.idle-timeout}
 * had passed, so that a reactivation can be seen without waiting (the index page's button, and the
 * sample's tests). Only with idle tokens switched on.
 */
@Path("tokens/idle")
public final class IdleTokensPage {

    private final DemoOAuthProvider provider;
    private final DemoSettings settings;

    IdleTokensPage(DemoOAuthProvider provider, DemoSettings settings) {
        this.provider = provider;
        this.settings = settings;
    }

    @POST
    public Response makeIdle() {
        if (!settings.idleTokens()) {
            return Html.page(Response.Status.CONFLICT, "No idle tokens",
                    "<p>This provider does not make tokens idle: start it with <code>demo.idle-timeout</code> set.</p>");
        }
        int count = provider.makeAllIdle();
        return Html.page(Response.Status.OK, "Tokens idle", "<p id=\"idle-count\">" + count + "</p>"
                + "<p>access tokens are idle now: the next call with one is refused with <code>oauth_problem="
                + OAuthProblems.IDLE_TOKEN + "</code> until it is reactivated at <code>"
                + DemoApplication.REACTIVATE_PATH + "</code>. <a href=\"../\">Back</a></p>");
    }
}

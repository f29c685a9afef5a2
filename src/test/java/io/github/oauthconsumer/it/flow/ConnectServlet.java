package io.github.oauthconsumer.it.flow;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.AccessTokenFlow;
import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.SignedClient;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A plain servlet that drives the flow with {@link AccessTokenFlow}: {@code /connect?next=...}
 * starts it unless the user has a token, {@code /status} shows the token, {@code /disconnect}
 * forgets (and revokes) it.
 */
@WebServlet({"/connect", "/status", "/disconnect"})
public class ConnectServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AccessTokenFlow flow;

    @Inject
    @OAuthConsumer("provider")
    transient SignedClient provider;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "/connect" -> {
                if (!flow.hasAccessToken("provider")) {
                    flow.start("provider", request.getParameter("next"));
                    return;
                }
            }
            case "/disconnect" -> flow.disconnect("provider");
            default -> {
                // the status below
            }
        }
        response.setContentType("text/plain");
        response.getWriter().write("connected=" + flow.hasAccessToken("provider") + "\n"
                + "token=" + provider.currentAccessToken().map(AccessToken::token).orElse("") + "\n"
                + "startUrl=" + flow.startUrl("provider", "/status") + "\n");
    }
}

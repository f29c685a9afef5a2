package io.github.oauthconsumer.it.flow.store;

import io.github.oauthconsumer.api.AccessToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Collections;
import java.util.stream.Collectors;

/** Shows the test what the replacement store holds, and that the session holds no token. */
@Path("store")
@RequestScoped
public class StoreResource {

    @Inject
    UserTokenStore store;

    /** {@code <user> <consumer>=<token>} lines. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String contents() {
        return store.contents().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n"));
    }

    /** How many access tokens the current session holds. */
    @GET
    @Path("session-tokens")
    @Produces(MediaType.TEXT_PLAIN)
    public String sessionTokens(@Context HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return "0";
        }
        return Long.toString(Collections.list(session.getAttributeNames()).stream()
                .filter(name -> session.getAttribute(name) instanceof AccessToken).count());
    }
}

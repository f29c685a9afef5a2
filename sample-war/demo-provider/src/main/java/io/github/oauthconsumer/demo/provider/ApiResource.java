package io.github.oauthconsumer.demo.provider;

import java.time.Instant;

import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The protected resources. Jersey's filter has verified signature, timestamp and nonce before these
 * run, but it lets a request with no OAuth {@code Authorization} header through untouched: hence
 * the check that the principal is a {@link Caller}.
 */
@Path("api")
@Produces(MediaType.APPLICATION_JSON)
public final class ApiResource {

    private final DemoOAuthProvider provider;

    ApiResource(DemoOAuthProvider provider) {
        this.provider = provider;
    }

    /**
     * 3-legged: who the access token speaks for, and how often it was reactivated; an expired token
     * gets {@code token_expired}, an idle one {@code token_rejected}.
     */
    @GET
    @Path("me")
    public String me(@Context SecurityContext security) {
        Caller caller = caller(security);
        if (caller.isTwoLegged()) {
            throw new WebApplicationException(OAuthProblems.unauthorized("parameter_absent"));
        }
        DemoOAuthProvider.AccessToken token = provider.getAccessToken(caller.token());
        if (token == null) {
            throw new WebApplicationException(OAuthProblems.unauthorized("token_rejected"));
        }
        if (token.isExpired()) {
            throw new WebApplicationException(OAuthProblems.unauthorized("token_expired"));
        }
        if (provider.isIdleElseUse(token)) {
            throw new WebApplicationException(OAuthProblems.unauthorized(OAuthProblems.IDLE_TOKEN));
        }
        return Json.createObjectBuilder()
                .add("user", caller.user())
                .add("consumer", caller.consumerKey())
                .add("token", caller.token())
                .add("tokenExpiresAt", token.expiresAt().getEpochSecond())
                .add("reactivations", token.reactivations())
                .build().toString();
    }

    /** 2-legged: signed by the consumer alone, with no token. */
    @GET
    @Path("status")
    public String status(@Context SecurityContext security) {
        Caller caller = caller(security);
        if (!caller.isTwoLegged()) {
            throw new WebApplicationException(OAuthProblems.unauthorized("parameter_rejected"));
        }
        return Json.createObjectBuilder()
                .add("consumer", caller.consumerKey())
                .add("time", Instant.now().toString())
                .add("message", "Hello " + caller.consumerKey()
                        + ": this 2-legged request was signed with your consumer secret alone.")
                .build().toString();
    }

    private static Caller caller(SecurityContext security) {
        if (security.getUserPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new WebApplicationException(OAuthProblems.unsigned());
    }
}

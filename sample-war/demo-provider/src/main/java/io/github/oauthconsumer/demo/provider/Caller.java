package io.github.oauthconsumer.demo.provider;

import java.security.Principal;

/**
 * Who a verified request acts for: Jersey's filter puts it in the {@code SecurityContext}.
 * A 2-legged request acts for the consumer alone ({@code user} and {@code token} are null);
 * a 3-legged one for the user who approved the access token.
 *
 * @param user        the resource owner, null for a 2-legged request
 * @param consumerKey the consumer that signed the request
 * @param token       the access token used, null for a 2-legged request (and for a request token
 *                    that was just approved)
 */
public record Caller(String user, String consumerKey, String token) implements Principal {

    static Caller consumer(String consumerKey) {
        return new Caller(null, consumerKey, null);
    }

    boolean isTwoLegged() {
        return user == null;
    }

    @Override
    public String getName() {
        return isTwoLegged() ? consumerKey : user;
    }
}

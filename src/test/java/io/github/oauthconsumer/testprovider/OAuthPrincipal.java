package io.github.oauthconsumer.testprovider;

import java.security.Principal;

/**
 * The principal Jersey's filter puts in the security context. For a 2-legged call it is the
 * consumer itself ({@code token == null}); for a 3-legged call it is the resource owner who
 * approved the token, and it carries the token so the resource can tell which one was used.
 */
record OAuthPrincipal(String name, String consumerKey, String token) implements Principal {

    @Override
    public String getName() {
        return name;
    }
}

package io.github.oauthconsumer.api;

/**
 * A token and its shared secret, as used to sign a request: a request token during the
 * authorization flow, or an access token afterwards.
 */
public interface Token {

    /** The {@code oauth_token} value, which is public. */
    String token();

    /** The token secret; never logged or shown by this library. */
    String secret();
}

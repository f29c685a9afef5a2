package io.github.oauthconsumer.testprovider;

/**
 * An access token as the test provider issued it, with the OAuth Session extension handle that
 * renews it.
 *
 * @param token the {@code oauth_token}
 * @param secret the {@code oauth_token_secret}
 * @param sessionHandle the {@code oauth_session_handle}
 */
public record IssuedToken(String token, String secret, String sessionHandle) {
}

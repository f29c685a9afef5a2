package io.github.oauthconsumer.api;

/**
 * CDI event fired when the authorization flow obtained an access token for the current user, after
 * it was stored. Observe it to persist or audit tokens without replacing the token store.
 *
 * @param consumerName the consumer name
 * @param token        the new access token
 */
public record AccessTokenObtained(String consumerName, AccessToken token) {
}

package io.github.oauthconsumer.api;

/**
 * CDI event fired when an expired access token was renewed with its OAuth Session handle
 * ("Scalable OAuth").
 *
 * @param consumerName the consumer name
 * @param previous     the expired token
 * @param renewed      the token that replaces it
 */
public record AccessTokenRenewed(String consumerName, AccessToken previous, AccessToken renewed) {
}

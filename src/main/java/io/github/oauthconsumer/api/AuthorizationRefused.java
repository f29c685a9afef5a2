package io.github.oauthconsumer.api;

/**
 * CDI event fired when the user came back from the provider without approving: no verifier, or
 * {@code oauth_problem=user_refused} / {@code denied}.
 *
 * @param consumerName the consumer name
 * @param problem      the {@code oauth_problem} the provider sent, or null when it sent none
 */
public record AuthorizationRefused(String consumerName, String problem) {
}

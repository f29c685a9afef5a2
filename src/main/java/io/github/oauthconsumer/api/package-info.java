/**
 * What applications touch: {@code @OAuthConsumer}, {@code SignedClient} and {@code SignedRequest},
 * {@code OAuthConsumerConfig}, tokens, events, exceptions, {@code @RequireAccessToken} and
 * {@code AccessTokenFlow}, {@code @ValidateSignature}, {@code SignatureValidation} and
 * {@code ValidatedRequest}, {@code @SignedLaunchAuthenticationMechanismDefinition}. Public API:
 * changes here follow semantic versioning.
 *
 * <p>Uses only the Jakarta EE and MicroProfile APIs; nothing else of the library.
 */
package io.github.oauthconsumer.api;

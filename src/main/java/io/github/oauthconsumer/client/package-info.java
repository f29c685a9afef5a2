/**
 * Signed outgoing requests: the {@code SignedClient} behind {@code @OAuthConsumer("name")}, the
 * {@link io.github.oauthconsumer.client.OAuthSigningFilter} for any JAX-RS client and for
 * MicroProfile Rest Client interfaces, the provider's token endpoints (also used by the flow) and the
 * renewal of expiring tokens.
 *
 * <p>Internal, except {@code OAuthSigningFilter}, which applications register on their own clients.
 * May use {@code api}, {@code spi}, {@code core}, {@code config} and {@code store}.
 */
package io.github.oauthconsumer.client;

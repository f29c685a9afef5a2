/**
 * The access-token flow: the servlet at {@code <app>/oauth1/<name>/authorize|callback}, the flow
 * itself (request token, redirect to the provider, callback with verifier, access token), its
 * optional pages, and {@code @RequireAccessToken}, which starts it for a user without a token.
 *
 * <p>Internal: not API. May use {@code api}, {@code spi}, {@code core}, {@code config},
 * {@code store} and {@code client} (for the token endpoints).
 */
package io.github.oauthconsumer.flow;

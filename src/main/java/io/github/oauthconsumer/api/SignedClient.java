package io.github.oauthconsumer.api;

import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Sends signed requests to one service provider; inject it with
 * {@code @Inject @OAuthConsumer("name") SignedClient}. Requests without a token are 2-legged, with
 * an access token 3-legged; {@link SignedRequest.Builder#currentUser()} uses the token stored for
 * the current user.
 *
 * <p>When the provider answers 401 with {@code oauth_problem=token_expired} and the token has an
 * OAuth Session handle, the token is renewed at the access-token URL, stored when it came from the
 * store, and the request is sent once more; a token known to have expired is renewed before sending.
 *
 * <p>A 401 answer, or a 400 answer naming an {@code oauth_problem}, throws
 * {@link OAuthProblemException} (or {@link OAuthProviderException} when it names none); a provider
 * that cannot be reached within the configured timeouts throws {@link OAuthProviderException}.
 * Any other answer is returned as it is. Thread-safe.
 */
public interface SignedClient {

    /** The consumer name this client signs for. */
    String name();

    /** Sends a request and waits for the answer; the caller closes the response. */
    Response send(SignedRequest request);

    /** Sends a request without waiting; the stage fails with the exceptions {@link #send} throws. */
    CompletionStage<Response> sendAsync(SignedRequest request);

    /** A 2-legged signed GET. */
    default Response get(String url) {
        return send(SignedRequest.get(url).build());
    }

    /** A 3-legged signed GET with this access token. */
    default Response get(String url, AccessToken token) {
        return send(SignedRequest.get(url).token(token).build());
    }

    /**
     * A JAX-RS target whose requests are all signed, 2-legged, for those who want the whole client
     * API. Token renewal is not applied to it.
     */
    WebTarget target(String url);

    /** A JAX-RS target whose requests are all signed with this access token. */
    WebTarget target(String url, AccessToken token);

    /** The access token stored for the current user, if any. */
    Optional<AccessToken> currentAccessToken();
}

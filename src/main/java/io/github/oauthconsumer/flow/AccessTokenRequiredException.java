package io.github.oauthconsumer.flow;

import io.github.oauthconsumer.api.NoAccessTokenException;
import jakarta.ws.rs.WebApplicationException;

/**
 * Thrown by {@link RequireAccessTokenInterceptor} during a web request: JAX-RS answers with its
 * response (a redirect or a 401) as it is; elsewhere {@link ChallengeFilter} writes the same answer.
 * Its cause is the {@link NoAccessTokenException}.
 */
final class AccessTokenRequiredException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    private final transient AccessTokenChallenge challenge;

    AccessTokenRequiredException(NoAccessTokenException cause, AccessTokenChallenge challenge) {
        super(cause.getMessage(), cause, challenge.toResponse());
        this.challenge = challenge;
    }

    /** The answer to send. */
    AccessTokenChallenge challenge() {
        return challenge;
    }
}

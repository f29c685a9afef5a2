package io.github.oauthconsumer.testprovider;

import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.server.oauth1.internal.OAuthServerRequest;

/**
 * A provider whose clock is off: a request whose {@code oauth_timestamp} is more than
 * {@value #WINDOW_SECONDS} s from its time is refused, either
 * with {@code timestamp_refused} and {@code oauth_acceptable_timestamps} or with the bare 401 Jersey
 * answers a stale timestamp with. The requests it lets through go on to Jersey, whose own window is
 * widened by the shift (see {@link JerseyOAuthProvider#startWithClockAhead}), so that Jersey still
 * checks every signature and nonce. Its answers' {@code Date} comes from {@link ShiftedDateGateway}.
 */
@PreMatching
@Priority(4)
final class ShiftedClockFilter implements ContainerRequestFilter {

    static final long WINDOW_SECONDS = 300;

    private final Clock clock;
    private final boolean tellsAcceptableTimestamps;

    ShiftedClockFilter(Clock clock, boolean tellsAcceptableTimestamps) {
        this.clock = clock;
        this.tellsAcceptableTimestamps = tellsAcceptableTimestamps;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, OAuth1Parameters.SCHEME, 0, 5)) {
            return;
        }
        String timestamp = new OAuth1Parameters().readRequest(new OAuthServerRequest(request)).getTimestamp();
        long now = clock.millis() / 1000;
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException missingOrMalformed) {
            return; // Jersey refuses it
        }
        if (Math.abs(now - seconds) > WINDOW_SECONDS) {
            request.abortWith(tellsAcceptableTimestamps
                    ? Problems.unauthorized("timestamp_refused", "oauth_acceptable_timestamps",
                            (now - WINDOW_SECONDS) + "-" + (now + WINDOW_SECONDS))
                    : Problems.unauthorized());
        }
    }
}

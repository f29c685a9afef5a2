package io.github.oauthconsumer.client;

import io.github.oauthconsumer.api.OAuthException;
import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.config.ConfigKeys;
import io.github.oauthconsumer.config.ConsumerDefinition;
import io.github.oauthconsumer.core.ClockSkew;
import io.github.oauthconsumer.core.CorrectedClock;
import io.github.oauthconsumer.core.OAuthParameterNames;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Corrects the clock of one consumer when a provider's refusal shows it is off: a
 * {@code timestamp_refused} with {@code oauth_acceptable_timestamps} (the middle of the range is the
 * provider's "now"), or a refusal ({@code timestamp_refused}, or a 401 without any
 * {@code oauth_problem}, as Jersey's provider answers a stale timestamp) whose {@code Date} header is
 * more than {@link ClockSkew#DATE_THRESHOLD} from the corrected clock. The offset is kept in the
 * consumer's {@link CorrectedClock}, so every later request of the name, from any thread, is signed
 * with it; it is logged once each time it changes. The caller sends the refused request once more
 * (signed again: a new nonce, the corrected timestamp). Beyond {@code clock-skew-correction.max-offset}
 * nothing is corrected and the refusal says why. Thread-safe.
 */
final class ClockSkewCorrection {

    private static final Logger LOG = Logger.getLogger(ClockSkewCorrection.class.getName());
    /** A residual offset below this is rounding, not a clock to correct. */
    private static final Duration TOLERANCE = Duration.ofSeconds(5);

    private final ConsumerDefinition consumer;

    ClockSkewCorrection(ConsumerDefinition consumer) {
        this.consumer = consumer;
    }

    /**
     * Whether the answer is a refusal that a corrected clock may turn into an acceptance: the clock
     * is then corrected and the request is to be sent once more. Buffers the answer's entity.
     *
     * @throws OAuthProblemException when the offset the provider shows is beyond the maximum (the
     *                               answer is then closed)
     */
    boolean retries(Response response) {
        if (!consumer.config().clockSkewCorrection() || (response.getStatus() != 401 && response.getStatus() != 400)) {
            return false;
        }
        CorrectedClock clock = consumer.clock();
        Instant now = clock.instant();
        OAuthException error = ProviderCalls.errorAnswer(response);
        Optional<Duration> residual;
        String source;
        if (error instanceof OAuthProblemException problem) {
            if (!problem.problem().equals(OAuthProblem.TIMESTAMP_REFUSED)) {
                return false;
            }
            residual = ClockSkew.fromAcceptableTimestamps(problem.parameters().get(OAuthParameterNames.ACCEPTABLE_TIMESTAMPS), now);
            source = OAuthParameterNames.ACCEPTABLE_TIMESTAMPS;
        } else if (response.getStatus() == 401) {
            residual = Optional.empty();
            source = null;
        } else {
            return false;
        }
        if (residual.isEmpty()) {
            residual = ClockSkew.fromDate(response.getHeaderString(HttpHeaders.DATE), now);
            source = "its Date header";
        }
        if (residual.isEmpty() || residual.get().abs().compareTo(TOLERANCE) < 0) {
            return false;
        }
        Duration current = clock.offset();
        Duration offset = current.plus(residual.get());
        Duration max = consumer.config().maxClockOffset();
        if (offset.abs().compareTo(max) > 0) {
            response.close();
            throw beyondMaximum(error, response.getStatus(), offset, max, source);
        }
        if (clock.correct(current, offset)) {
            LOG.info("OAuth provider '" + consumer.name() + "': its clock is " + describe(offset)
                    + " this server's (from " + source + "); requests to it are signed with timestamps corrected by "
                    + offset.toSeconds() + " s from now on");
        }
        return true;
    }

    private OAuthProblemException beyondMaximum(OAuthException error, int status, Duration offset, Duration max, String source) {
        Map<String, String> parameters = error instanceof OAuthProblemException problem ? problem.parameters() : Map.of();
        return new OAuthProblemException(OAuthProblem.TIMESTAMP_REFUSED, status, "the clock of OAuth provider '"
                + consumer.name() + "' is " + describe(offset) + " this server's (from " + source + "), more than "
                + ConfigKeys.key(consumer.name(), ConfigKeys.CLOCK_SKEW_MAX_OFFSET) + " (" + max.toSeconds()
                + " s) allows to correct: set this server's clock right (NTP), or raise that setting", parameters);
    }

    private static String describe(Duration offset) {
        return offset.abs().toSeconds() + " s " + (offset.isNegative() ? "behind" : "ahead of");
    }
}

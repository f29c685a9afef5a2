package io.github.oauthconsumer.client;

import io.github.oauthconsumer.api.OAuthException;
import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.config.ConfigKeys;
import io.github.oauthconsumer.config.ConsumerDefinition;
import io.github.oauthconsumer.core.ClockSkew;
import io.github.oauthconsumer.core.CorrectedClock;
import io.github.oauthconsumer.core.OAuthParameterNames;
import io.github.oauthconsumer.core.OncePerInterval;
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
 * with it; it is logged once each time it changes. The library's own exchanges send the refused
 * request once more ({@link #retries}: a new nonce, the corrected timestamp); a request signed by the
 * filter for another client only teaches the clock ({@link #learns}). Beyond
 * {@code clock-skew-correction.max-offset} nothing is corrected and the refusal says why. Thread-safe.
 */
final class ClockSkewCorrection {

    private static final Logger LOG = Logger.getLogger(ClockSkewCorrection.class.getName());
    /** A residual offset below this is rounding, not a clock to correct. */
    private static final Duration TOLERANCE = Duration.ofSeconds(5);
    /** An offset beyond the maximum, seen on calls nobody is told of, is logged at most this often. */
    private static final OncePerInterval BEYOND_MAXIMUM_LOG = new OncePerInterval(Duration.ofMinutes(1));

    private final ConsumerDefinition consumer;

    ClockSkewCorrection(ConsumerDefinition consumer) {
        this.consumer = consumer;
    }

    /** What a refusal shows: the offset the clock should have, and where it was read. */
    private record Shown(Duration current, Duration offset, String source) {
    }

    /**
     * Whether the answer is a refusal that a corrected clock may turn into an acceptance: the clock
     * is then corrected and the request is to be sent once more. Buffers the answer's entity.
     *
     * @throws OAuthProblemException when the offset the provider shows is beyond the maximum (the
     *                               answer is then closed)
     */
    boolean retries(Response response) {
        if (!applies(response.getStatus())) {
            return false;
        }
        OAuthException error = ProviderCalls.errorAnswer(response);
        Shown shown = shown(response.getStatus(), response.getHeaderString(HttpHeaders.DATE), error);
        if (shown == null) {
            return false;
        }
        if (beyondMaximum(shown)) {
            response.close();
            throw beyondMaximum(error, response.getStatus(), shown);
        }
        correct(shown);
        return true;
    }

    /**
     * Corrects the clock from a refusal of a request that cannot be sent again (signed by the
     * filter for a client of the application): the next requests use the offset. An offset beyond
     * the maximum is logged, at most once a minute, instead of thrown.
     *
     * @param status the answer's status
     * @param date   its {@code Date} header, or null
     * @param error  the error read from it
     */
    void learns(int status, String date, OAuthException error) {
        Shown shown = applies(status) ? shown(status, date, error) : null;
        if (shown == null) {
            return;
        }
        if (!beyondMaximum(shown)) {
            correct(shown);
            return;
        }
        long heldBack = BEYOND_MAXIMUM_LOG.tryPass();
        if (heldBack >= 0) {
            LOG.warning(beyondMaximum(error, status, shown).getMessage()
                    + (heldBack > 0 ? " (" + heldBack + " more such refusals in the last minute)" : ""));
        }
    }

    private boolean applies(int status) {
        return consumer.config().clockSkewCorrection() && (status == 401 || status == 400);
    }

    /** The offset a refusal shows, or null when it shows none (or one within the tolerance). */
    private Shown shown(int status, String date, OAuthException error) {
        CorrectedClock clock = consumer.clock();
        Instant now = clock.instant();
        Optional<Duration> residual;
        String source;
        if (error instanceof OAuthProblemException problem) {
            if (!problem.problem().equals(OAuthProblem.TIMESTAMP_REFUSED)) {
                return null;
            }
            residual = ClockSkew.fromAcceptableTimestamps(problem.parameters().get(OAuthParameterNames.ACCEPTABLE_TIMESTAMPS), now);
            source = OAuthParameterNames.ACCEPTABLE_TIMESTAMPS;
        } else if (status == 401) {
            residual = Optional.empty();
            source = null;
        } else {
            return null;
        }
        if (residual.isEmpty()) {
            residual = ClockSkew.fromDate(date, now);
            source = "its Date header";
        }
        if (residual.isEmpty() || residual.get().abs().compareTo(TOLERANCE) < 0) {
            return null;
        }
        Duration current = clock.offset();
        return new Shown(current, current.plus(residual.get()), source);
    }

    private boolean beyondMaximum(Shown shown) {
        return shown.offset().abs().compareTo(consumer.config().maxClockOffset()) > 0;
    }

    private void correct(Shown shown) {
        if (consumer.clock().correct(shown.current(), shown.offset())) {
            LOG.info("OAuth provider '" + consumer.name() + "': its clock is " + describe(shown.offset())
                    + " this server's (from " + shown.source() + "); requests to it are signed with timestamps corrected by "
                    + shown.offset().toSeconds() + " s from now on");
        }
    }

    private OAuthProblemException beyondMaximum(OAuthException error, int status, Shown shown) {
        Map<String, String> parameters = error instanceof OAuthProblemException problem ? problem.parameters() : Map.of();
        return new OAuthProblemException(OAuthProblem.TIMESTAMP_REFUSED, status, "the clock of OAuth provider '"
                + consumer.name() + "' is " + describe(shown.offset()) + " this server's (from " + shown.source()
                + "), more than " + ConfigKeys.key(consumer.name(), ConfigKeys.CLOCK_SKEW_MAX_OFFSET) + " ("
                + consumer.config().maxClockOffset().toSeconds()
                + " s) allows to correct: set this server's clock right (NTP), or raise that setting", parameters);
    }

    private static String describe(Duration offset) {
        return offset.abs().toSeconds() + " s " + (offset.isNegative() ? "behind" : "ahead of");
    }
}

package io.github.oauthconsumer.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How far a service provider's clock is from ours, read from what it answered: the range of
 * {@code oauth_acceptable_timestamps} (OAuth Problem Reporting), whose middle is its "now", or the
 * {@code Date} header of its answer (RFC 9110 section 6.6.1), which has a resolution of one second
 * and is therefore believed only beyond {@link #DATE_THRESHOLD}.
 */
public final class ClockSkew {

    /** A {@code Date} header closer to our clock than this says nothing: latency and rounding. */
    public static final Duration DATE_THRESHOLD = Duration.ofSeconds(30);

    private ClockSkew() {
    }

    /**
     * The provider's clock minus ours, from {@code oauth_acceptable_timestamps} ({@code "<from>-<to>"}
     * in seconds, or one number); empty when the value is absent or not that.
     */
    public static Optional<Duration> fromAcceptableTimestamps(String range, Instant ours) {
        if (range == null) {
            return Optional.empty();
        }
        String text = range.strip();
        int dash = text.indexOf('-', 1);
        try {
            long from = Long.parseLong(dash < 0 ? text : text.substring(0, dash).strip());
            long to = dash < 0 ? from : Long.parseLong(text.substring(dash + 1).strip());
            if (to < from) {
                return Optional.empty();
            }
            long middleMillis = from * 1000 + (to - from) * 500;
            return Optional.of(Duration.ofMillis(middleMillis - ours.toEpochMilli()));
        } catch (NumberFormatException | ArithmeticException notARange) {
            return Optional.empty();
        }
    }

    /**
     * The provider's clock minus ours, from its {@code Date} header, when they are more than
     * {@link #DATE_THRESHOLD} apart; empty otherwise, or when the header is absent or malformed.
     */
    public static Optional<Duration> fromDate(String date, Instant ours) {
        if (date == null || date.isBlank()) {
            return Optional.empty();
        }
        try {
            Instant theirs = ZonedDateTime.parse(date.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration skew = Duration.between(ours, theirs);
            return skew.abs().compareTo(DATE_THRESHOLD) > 0 ? Optional.of(skew) : Optional.empty();
        } catch (DateTimeParseException malformed) {
            return Optional.empty();
        }
    }
}

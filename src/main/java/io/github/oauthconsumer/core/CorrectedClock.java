package io.github.oauthconsumer.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that runs ahead of (or behind) another by an offset learned from a service provider, so
 * that {@code oauth_timestamp} is what the provider's clock expects when this server's is off. One
 * per consumer name, shared by every thread that signs for it; the offset is changed lock-free.
 */
public final class CorrectedClock extends Clock {

    private final Clock base;
    private final AtomicLong offsetMillis;

    /** A clock equal to {@code base} until an offset is learned. */
    public CorrectedClock(Clock base) {
        this(base, new AtomicLong());
    }

    private CorrectedClock(Clock base, AtomicLong offsetMillis) {
        this.base = Objects.requireNonNull(base, "base");
        this.offsetMillis = offsetMillis;
    }

    /** The offset added to the base clock; zero until one is learned. */
    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    /**
     * Sets the offset, unless another thread changed it since {@code expected} was read (its
     * correction then stands).
     *
     * @return whether this call set it
     */
    public boolean correct(Duration expected, Duration offset) {
        return offsetMillis.compareAndSet(expected.toMillis(), offset.toMillis());
    }

    @Override
    public long millis() {
        return base.millis() + offsetMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    /** The same corrected clock in another zone, sharing the offset. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new CorrectedClock(base.withZone(zone), offsetMillis);
    }

    @Override
    public String toString() {
        return "CorrectedClock[" + base + ", offset=" + offset() + "]";
    }
}

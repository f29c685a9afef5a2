package io.github.oauthconsumer.core;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a provider's clock from its refusal, and the clock corrected by it. */
class ClockSkewTest {

    private static final Instant OURS = Instant.ofEpochSecond(1_700_000_000L);

    @Test
    void theMiddleOfTheAcceptableTimestampsIsTheProvidersNow() {
        assertEquals(Optional.of(Duration.ofSeconds(600)), ClockSkew.fromAcceptableTimestamps("1700000300-1700000900", OURS));
        assertEquals(Optional.of(Duration.ofSeconds(-30)), ClockSkew.fromAcceptableTimestamps(" 1699999970 ", OURS));
        assertEquals(Optional.of(Duration.ofMillis(600_500)), ClockSkew.fromAcceptableTimestamps("1700000300-1700000901", OURS));
    }

    @Test
    void anythingElseInAcceptableTimestampsSaysNothing() {
        for (String range : new String[] {null, "", "soon", "1700000900-1700000300", "1-2-3", "-"}) {
            assertEquals(Optional.empty(), ClockSkew.fromAcceptableTimestamps(range, OURS), String.valueOf(range));
        }
    }

    @Test
    void aDateHeaderCountsOnlyBeyondTheThreshold() {
        assertEquals(Optional.of(Duration.ofMinutes(10)), ClockSkew.fromDate("Tue, 14 Nov 2023 22:23:20 GMT", OURS));
        assertEquals(Optional.of(Duration.ofSeconds(-31)), ClockSkew.fromDate("Tue, 14 Nov 2023 22:12:49 GMT", OURS));
        assertEquals(Optional.empty(), ClockSkew.fromDate("Tue, 14 Nov 2023 22:13:50 GMT", OURS), "30 s: latency, rounding");
        assertEquals(Optional.empty(), ClockSkew.fromDate("yesterday", OURS));
        assertEquals(Optional.empty(), ClockSkew.fromDate(null, OURS));
    }

    @Test
    void theCorrectedClockAddsTheOffsetAndKeepsAConcurrentCorrection() {
        CorrectedClock clock = new CorrectedClock(Clock.fixed(OURS, ZoneOffset.UTC));
        assertEquals(OURS, clock.instant());

        assertTrue(clock.correct(Duration.ZERO, Duration.ofSeconds(600)));
        assertEquals(OURS.plusSeconds(600), clock.instant());
        assertEquals(OURS.plusSeconds(600), clock.withZone(ZoneOffset.ofHours(2)).instant(), "the offset is shared");

        assertFalse(clock.correct(Duration.ZERO, Duration.ofSeconds(5)), "another thread corrected it since");
        assertEquals(Duration.ofSeconds(600), clock.offset());
    }

    @Test
    void oneOfManyThreadsCorrectingFromTheSameOffsetWins() throws Exception {
        CorrectedClock clock = new CorrectedClock(Clock.fixed(OURS, ZoneOffset.UTC));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try {
            for (int i = 1; i <= 8; i++) {
                Duration offset = Duration.ofSeconds(i);
                outcomes.add(threads.submit(() -> {
                    start.await();
                    return clock.correct(Duration.ZERO, offset);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> outcome : outcomes) {
                won += outcome.get() ? 1 : 0;
            }
            assertEquals(1, won);
            assertFalse(clock.offset().isZero());
        } finally {
            threads.shutdownNow();
        }
    }
}

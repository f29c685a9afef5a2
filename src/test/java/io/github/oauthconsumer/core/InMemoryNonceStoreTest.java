package io.github.oauthconsumer.core;

import io.github.oauthconsumer.spi.NonceStoreFullException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryNonceStoreTest {

    private static final long NOW = 1_700_000_000L;

    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void acceptsATripleOnceAndTellsItApartFromItsNeighbours() {
        InMemoryNonceStore store = new InMemoryNonceStore(10, clock);

        assertTrue(store.register("key", NOW, "n1", expiry(300)));
        assertFalse(store.register("key", NOW, "n1", expiry(300)), "the replay");
        assertTrue(store.register("other-key", NOW, "n1", expiry(300)), "another consumer may use the same nonce");
        assertTrue(store.register("key", NOW + 1, "n1", expiry(301)), "another timestamp makes another triple");
        assertTrue(store.register("key", NOW, "n2", expiry(300)));
        assertEquals(4, store.size());
    }

    @Test
    void keepsANonceUntilItExpiresAndNotLonger() {
        InMemoryNonceStore store = new InMemoryNonceStore(10, clock);
        store.register("key", NOW, "n", expiry(300));

        clock.set(NOW + 299);
        assertFalse(store.register("key", NOW, "n", expiry(300)), "one second before expiry it is still a replay");

        clock.set(NOW + 300);
        assertTrue(store.register("key", NOW, "n", expiry(600)), "at expiry it has been forgotten");
        assertEquals(1, store.size());
    }

    @Test
    void forgetsInExpiryOrderNotInArrivalOrder() {
        InMemoryNonceStore store = new InMemoryNonceStore(10, clock);
        store.register("key", NOW + 100, "late", expiry(400));
        store.register("key", NOW - 290, "early", expiry(10));

        clock.set(NOW + 11);

        assertTrue(store.register("key", NOW - 290, "early", expiry(10)), "the earlier expiry is dropped first");
        assertFalse(store.register("key", NOW + 100, "late", expiry(400)), "the later one, which came first, is kept");
    }

    @Test
    void roundsAnExpiryWithinASecondUp() {
        InMemoryNonceStore store = new InMemoryNonceStore(10, clock);
        store.register("key", NOW, "n", Instant.ofEpochSecond(NOW + 5, 1));

        clock.set(NOW + 5);

        assertFalse(store.register("key", NOW, "n", expiry(5)), "not forgotten before the exact expiry instant");
    }

    @Test
    void refusesWhenFullRatherThanForgetAnUnexpiredNonce() {
        InMemoryNonceStore store = new InMemoryNonceStore(3, clock);
        store.register("key", NOW, "a", expiry(30));
        store.register("key", NOW, "b", expiry(60));
        store.register("key", NOW, "c", expiry(90));

        NonceStoreFullException full = assertThrows(NonceStoreFullException.class,
                () -> store.register("key", NOW, "d", expiry(90)));

        assertEquals(30, full.retryAfterSeconds(), "until the oldest entry expires");
        assertFalse(store.register("key", NOW, "a", expiry(30)), "replays are still recognised when full");
        assertFalse(store.register("key", NOW, "c", expiry(90)));
        assertEquals(3, store.size());
        clock.set(NOW + 30);
        assertTrue(store.register("key", NOW, "d", expiry(90)), "room again once an entry has expired");
    }

    @Test
    void keepsRecognisingReplaysWhileExpiredEntriesAreReusedAndTheTableRebuilt() {
        InMemoryNonceStore store = new InMemoryNonceStore(8, clock);
        for (int second = 0; second < 2_000; second++) {
            clock.set(NOW + second);
            for (int n = 0; n < 4; n++) {
                String nonce = second + "-" + n;
                assertTrue(store.register("key", NOW + second, nonce, expiry(second + 2)), nonce);
                assertFalse(store.register("key", NOW + second, nonce, expiry(second + 2)), "replay of " + nonce);
            }
            if (second > 0) {
                assertFalse(store.register("key", NOW + second - 1, (second - 1) + "-3", expiry(second + 1)),
                        "an entry of the previous second is still alive");
            }
            assertEquals(second == 0 ? 4 : 8, store.size(), "exactly the entries of this second and the previous one");
        }
    }

    @Test
    void takesNoRoomForAnEntryThatHasAlreadyExpired() {
        InMemoryNonceStore store = new InMemoryNonceStore(1, clock);

        assertTrue(store.register("key", NOW - 400, "old", expiry(-100)));
        assertTrue(store.register("key", NOW, "new", expiry(300)), "the expired entry left the only room free");
        assertEquals(1, store.size());
    }

    @Test
    void refusesACapacityOutsideItsLimits() {
        assertThrows(IllegalArgumentException.class, () -> new InMemoryNonceStore(InMemoryNonceStore.MAX_CAPACITY + 1, clock));
    }

    @Test
    void needsARoomForOneNonceAtLeast() {
        assertThrows(IllegalArgumentException.class, () -> new InMemoryNonceStore(0, clock));
    }

    @Test
    void acceptsEachNonceExactlyOnceUnderConcurrency() throws Exception {
        int threads = 16;
        int nonces = 400;
        int copies = 4;
        InMemoryNonceStore store = new InMemoryNonceStore(nonces, clock);
        Map<String, AtomicInteger> accepted = register(store, threads, nonces, copies);

        assertEquals(nonces, accepted.size(), "every nonce was accepted once");
        accepted.forEach((nonce, count) -> assertEquals(1, count.get(), nonce));
        assertEquals(nonces, store.size(), "replays take no room: a store sized for the distinct nonces never filled up");
    }

    @Test
    void acceptsExactlyItsCapacityUnderConcurrencyAndRefusesTheRest() throws Exception {
        int capacity = 150;
        InMemoryNonceStore store = new InMemoryNonceStore(capacity, clock);
        Map<String, AtomicInteger> accepted = register(store, 16, 400, 4);

        assertEquals(capacity, accepted.size());
        accepted.forEach((nonce, count) -> assertEquals(1, count.get(), nonce));
        assertEquals(capacity, store.size());
    }

    /**
     * Sends {@code copies} registrations of each of {@code nonces} nonces, spread over
     * {@code threads} threads that all start at once; returns how often each nonce was accepted.
     */
    private static Map<String, AtomicInteger> register(InMemoryNonceStore store, int threads, int nonces, int copies)
            throws Exception {
        List<List<String>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(new ArrayList<>());
        }
        for (int copy = 0; copy < copies; copy++) {
            for (int n = 0; n < nonces; n++) {
                work.get((n + copy * 5) % threads).add("nonce-" + n);
            }
        }
        Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<String> mine : work) {
                done.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    for (String nonce : mine) {
                        try {
                            if (store.register("key", NOW, nonce, Instant.ofEpochSecond(NOW + 300))) {
                                accepted.computeIfAbsent(nonce, n -> new AtomicInteger()).incrementAndGet();
                            }
                        } catch (NonceStoreFullException full) {
                            assertTrue(full.retryAfterSeconds() > 0);
                        }
                    }
                    return null;
                }));
            }
            ready.await();
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return accepted;
    }

    private static Instant expiry(long secondsFromNow) {
        return Instant.ofEpochSecond(NOW + secondsFromNow);
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private volatile long seconds;

        MutableClock(long seconds) {
            this.seconds = seconds;
        }

        void set(long seconds) {
            this.seconds = seconds;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(seconds);
        }
    }
}

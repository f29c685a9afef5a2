package io.github.oauthconsumer.core;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets something happen at most once per interval and counts the times it held back: a log line
 * that any client can cause (a refused request, a full nonce store) is then written at most once a
 * minute, saying how many were left out. Thread-safe and lock-free.
 */
public final class OncePerInterval {

    private final long intervalNanos;
    private final AtomicLong nextAllowed;
    private final AtomicLong heldBack = new AtomicLong();

    /** @param interval the shortest time between two passes */
    public OncePerInterval(Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.nextAllowed = new AtomicLong(System.nanoTime());
    }

    /**
     * Whether this one may pass now.
     *
     * @return the number held back since the last pass (0 or more) when it may, or -1 when it is
     *         held back
     */
    public long tryPass() {
        long now = System.nanoTime();
        long next = nextAllowed.get();
        if (now - next >= 0 && nextAllowed.compareAndSet(next, now + intervalNanos)) {
            return heldBack.getAndSet(0);
        }
        heldBack.incrementAndGet();
        return -1;
    }
}

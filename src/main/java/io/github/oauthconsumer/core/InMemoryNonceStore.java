package io.github.oauthconsumer.core;

import io.github.oauthconsumer.spi.NonceStore;
import io.github.oauthconsumer.spi.NonceStoreFullException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded {@link NonceStore} in memory. Each (consumer key, timestamp, nonce) is kept until its
 * expiry has passed, in a hash set for the replay check and in a bucket per expiry second for
 * eviction, so that a call costs the same whatever the number of entries: no scan, only the
 * buckets that have expired are dropped, each entry once. When {@code capacity} entries are alive
 * it refuses with {@link NonceStoreFullException} instead of forgetting a nonce that could still
 * be replayed. One lock guards both structures; it is held for a few map operations per call.
 * An entry costs about 200 bytes.
 */
public final class InMemoryNonceStore implements NonceStore {

    /** The capacity when none is configured: 100,000 nonces, about 20 MB. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<Entry> alive = new HashSet<>();
    private final TreeMap<Long, List<Entry>> byExpirySecond = new TreeMap<>();

    /**
     * @param capacity how many nonces may be alive at once; at least 1
     * @param clock    the clock that decides when entries have expired
     */
    public InMemoryNonceStore(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the nonce store capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean register(String consumerKey, long timestamp, String nonce, Instant expiresAt) {
        Entry entry = new Entry(consumerKey, timestamp, nonce);
        long expirySecond = expiresAt.getEpochSecond() + (expiresAt.getNano() > 0 ? 1 : 0);
        long nowSecond = Math.floorDiv(clock.millis(), 1000);
        lock.lock();
        try {
            evictExpired(nowSecond);
            if (alive.contains(entry)) {
                return false;
            }
            if (alive.size() >= capacity) {
                long retryAfter = Math.max(1, byExpirySecond.firstKey() - nowSecond);
                throw new NonceStoreFullException("the in-memory nonce store holds its capacity of " + capacity
                        + " unexpired nonces", retryAfter);
            }
            alive.add(entry);
            byExpirySecond.computeIfAbsent(expirySecond, second -> new ArrayList<>()).add(entry);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The number of nonces remembered now, expired ones not yet dropped included. */
    public int size() {
        lock.lock();
        try {
            return alive.size();
        } finally {
            lock.unlock();
        }
    }

    /** The configured capacity. */
    public int capacity() {
        return capacity;
    }

    private void evictExpired(long nowSecond) {
        Map.Entry<Long, List<Entry>> oldest = byExpirySecond.firstEntry();
        while (oldest != null && oldest.getKey() <= nowSecond) {
            byExpirySecond.pollFirstEntry();
            for (Entry expired : oldest.getValue()) {
                alive.remove(expired);
            }
            oldest = byExpirySecond.firstEntry();
        }
    }

    @Override
    public String toString() {
        return "InMemoryNonceStore[capacity=" + capacity + "]";
    }

    private record Entry(String consumerKey, long timestamp, String nonce) {
    }
}

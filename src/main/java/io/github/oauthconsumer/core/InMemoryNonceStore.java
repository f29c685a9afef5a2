package io.github.oauthconsumer.core;

import io.github.oauthconsumer.spi.NonceStore;
import io.github.oauthconsumer.spi.NonceStoreFullException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded {@link NonceStore} in memory, built for busy endpoints: it gives the garbage collector
 * nothing to do and its threads seldom wait for each other.
 *
 * <p>Each (consumer key, timestamp, nonce) is kept as a 128-bit SHA-256 fingerprint and an expiry
 * second in arrays of longs (open-addressing tables, about two to four slots of 24 bytes per nonce
 * of capacity) instead of an object per nonce. A replay has the very same triple and so the very
 * same fingerprint: it is always recognised. Two different triples share a fingerprint with a
 * probability of about one in 2<sup>128</sup>, and would only refuse a genuine request.
 *
 * <p>The fingerprints are spread over {@value #SEGMENTS} segments, each with its own lock, so that
 * concurrent requests rarely queue behind one lock. Each entry is kept until its expiry second
 * has passed; a segment knows exactly how many of its entries are alive from a count per expiry
 * second, reuses expired slots, and rebuilds its table without them (larger if need be) when it
 * gets crowded, so that a call costs the same on average whatever the number of entries. When
 * {@code capacity} entries are alive in all it refuses with {@link NonceStoreFullException}
 * instead of forgetting a nonce that could still be replayed.
 */
public final class InMemoryNonceStore implements NonceStore {

    /** The capacity when none is configured: 100,000 nonces, in about 6 MB. */
    public static final int DEFAULT_CAPACITY = 100_000;
    /** The largest capacity. */
    public static final int MAX_CAPACITY = 1 << 28;

    private static final int SEGMENTS = 32;
    private static final int SEGMENT_SHIFT = 64 - Integer.numberOfTrailingZeros(SEGMENTS);
    private static final int MAX_SLOTS = 1 << 29;
    private static final long EMPTY = Long.MIN_VALUE;
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(InMemoryNonceStore::sha256);

    private final int capacity;
    private final Clock clock;
    private final AtomicInteger alive = new AtomicInteger();
    private final Segment[] segments = new Segment[SEGMENTS];

    /**
     * @param capacity how many nonces may be alive at once; from 1 to {@link #MAX_CAPACITY}
     * @param clock    the clock that decides when entries have expired
     */
    public InMemoryNonceStore(int capacity, Clock clock) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("the nonce store capacity must be between 1 and " + MAX_CAPACITY
                    + ", not " + capacity);
        }
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
        int share = (capacity + SEGMENTS - 1) / SEGMENTS;
        int slots = Math.max(16, Integer.highestOneBit(2 * share - 1) << 1);
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment(slots);
        }
    }

    @Override
    public boolean register(String consumerKey, long timestamp, String nonce, Instant expiresAt) {
        ByteBuffer hash = ByteBuffer.wrap(fingerprint(consumerKey, timestamp, nonce));
        long high = hash.getLong(0);
        long low = hash.getLong(8);
        long expirySecond = expiresAt.getEpochSecond() + (expiresAt.getNano() > 0 ? 1 : 0);
        long nowSecond = Math.floorDiv(clock.millis(), 1000);
        Segment segment = segments[(int) (high >>> SEGMENT_SHIFT)];
        Outcome outcome = segment.register(high, low, expirySecond, nowSecond);
        if (outcome == Outcome.FULL) {
            evictAll(nowSecond);
            outcome = segment.register(high, low, expirySecond, nowSecond);
        }
        if (outcome == Outcome.FULL) {
            throw new NonceStoreFullException("the in-memory nonce store holds its capacity of " + capacity
                    + " unexpired nonces", Math.max(1, earliestExpiry() - nowSecond));
        }
        return outcome == Outcome.ACCEPTED;
    }

    /** The number of nonces alive now. */
    public int size() {
        evictAll(Math.floorDiv(clock.millis(), 1000));
        return alive.get();
    }

    /** The configured capacity. */
    public int capacity() {
        return capacity;
    }

    private void evictAll(long nowSecond) {
        for (Segment segment : segments) {
            segment.lock.lock();
            try {
                segment.evictExpired(nowSecond);
            } finally {
                segment.lock.unlock();
            }
        }
    }

    private long earliestExpiry() {
        long earliest = Long.MAX_VALUE;
        for (Segment segment : segments) {
            segment.lock.lock();
            try {
                if (!segment.aliveByExpirySecond.isEmpty()) {
                    earliest = Math.min(earliest, segment.aliveByExpirySecond.firstKey());
                }
            } finally {
                segment.lock.unlock();
            }
        }
        return earliest;
    }

    private static byte[] fingerprint(String consumerKey, long timestamp, String nonce) {
        MessageDigest digest = SHA_256.get();
        byte[] key = consumerKey.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(0, key.length).array());
        digest.update(key);
        digest.update(ByteBuffer.allocate(8).putLong(0, timestamp).array());
        digest.update(nonce.getBytes(StandardCharsets.UTF_8));
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "InMemoryNonceStore[capacity=" + capacity + "]";
    }

    private enum Outcome { ACCEPTED, REPLAY, FULL }

    /** One lock's share of the fingerprints: an open-addressing table with linear probing. */
    private final class Segment {
        final ReentrantLock lock = new ReentrantLock();
        final TreeMap<Long, int[]> aliveByExpirySecond = new TreeMap<>();
        /** Three longs a slot: the fingerprint's two halves and the expiry second ({@link #EMPTY} when never used). */
        long[] slots;
        int mask;
        int occupied;
        int segmentAlive;

        Segment(int slotCount) {
            allocate(slotCount);
        }

        Outcome register(long high, long low, long expirySecond, long nowSecond) {
            lock.lock();
            try {
                evictExpired(nowSecond);
                return insert(high, low, expirySecond, nowSecond);
            } finally {
                lock.unlock();
            }
        }

        private Outcome insert(long high, long low, long expirySecond, long nowSecond) {
            long[] table = slots;
            int slot = (int) low & mask;
            int free = -1;
            while (table[3 * slot + 2] != EMPTY) {
                boolean expired = table[3 * slot + 2] <= nowSecond;
                if (table[3 * slot] == high && table[3 * slot + 1] == low) {
                    if (!expired) {
                        return Outcome.REPLAY;
                    }
                    free = slot;
                    break;
                }
                if (expired && free < 0) {
                    free = slot;
                }
                slot = (slot + 1) & mask;
            }
            if (expirySecond <= nowSecond) {
                return Outcome.ACCEPTED;
            }
            if (alive.incrementAndGet() > capacity) {
                alive.decrementAndGet();
                return Outcome.FULL;
            }
            if (free < 0) {
                free = slot;
                occupied++;
            }
            table[3 * free] = high;
            table[3 * free + 1] = low;
            table[3 * free + 2] = expirySecond;
            segmentAlive++;
            aliveByExpirySecond.computeIfAbsent(expirySecond, second -> new int[1])[0]++;
            if (occupied > (mask + 1) / 4 * 3) {
                rebuild(nowSecond);
            }
            return Outcome.ACCEPTED;
        }

        void evictExpired(long nowSecond) {
            Map.Entry<Long, int[]> oldest = aliveByExpirySecond.firstEntry();
            while (oldest != null && oldest.getKey() <= nowSecond) {
                aliveByExpirySecond.pollFirstEntry();
                int expired = oldest.getValue()[0];
                segmentAlive -= expired;
                alive.addAndGet(-expired);
                oldest = aliveByExpirySecond.firstEntry();
            }
        }

        /**
         * Copies the live entries into a fresh table, leaving the expired ones behind; the table
         * doubles while the live entries would fill more than half of it.
         */
        private void rebuild(long nowSecond) {
            long[] old = slots;
            int size = mask + 1;
            while (segmentAlive > size / 2 && size < MAX_SLOTS) {
                size *= 2;
            }
            allocate(size);
            for (int i = 0; i < old.length; i += 3) {
                if (old[i + 2] != EMPTY && old[i + 2] > nowSecond) {
                    int slot = (int) old[i + 1] & mask;
                    while (slots[3 * slot + 2] != EMPTY) {
                        slot = (slot + 1) & mask;
                    }
                    System.arraycopy(old, i, slots, 3 * slot, 3);
                    occupied++;
                }
            }
        }

        private void allocate(int count) {
            slots = new long[3 * count];
            for (int i = 2; i < slots.length; i += 3) {
                slots[i] = EMPTY;
            }
            mask = count - 1;
            occupied = 0;
        }
    }
}

package io.github.oauthconsumer.core;

import io.github.oauthconsumer.spi.NonceStore;
import io.github.oauthconsumer.spi.NonceStoreFullException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded {@link NonceStore} in memory, built so that a busy endpoint does not feed the garbage
 * collector: each (consumer key, timestamp, nonce) is kept as a 128-bit SHA-256 fingerprint and an
 * expiry second in primitive arrays allocated up front (an open-addressing table with two to four
 * slots of 24 bytes per nonce of capacity) and no object per nonce. A replay has the very same triple and so
 * the very same fingerprint: it is always recognised. Two different triples share a fingerprint
 * with a probability of about one in 2<sup>128</sup>, and would only refuse a genuine request.
 *
 * <p>Each entry is kept until its expiry second has passed. The number of live entries is known
 * exactly from a count per expiry second; expired slots are reused by later entries and the table
 * is rebuilt without them when it gets crowded, so that a call costs the same on average whatever
 * the number of entries. When {@code capacity} entries are alive it refuses with
 * {@link NonceStoreFullException} instead of forgetting a nonce that could still be replayed. One
 * lock guards the table; it is held for a probe and a few array writes per call (the fingerprint
 * is computed before).
 */
public final class InMemoryNonceStore implements NonceStore {

    /** The capacity when none is configured: 100,000 nonces, in 6 MB. */
    public static final int DEFAULT_CAPACITY = 100_000;
    /** The largest capacity: the table's arrays must stay below Java's array size limit. */
    public static final int MAX_CAPACITY = 1 << 28;

    private static final long EMPTY = Long.MIN_VALUE;
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(InMemoryNonceStore::sha256);

    private final int capacity;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final TreeMap<Long, int[]> aliveByExpirySecond = new TreeMap<>();
    private long[] fingerprints;
    private long[] expiries;
    private int occupied;
    private int alive;

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
        allocate(Math.max(16, Integer.highestOneBit(2 * capacity - 1) << 1));
    }

    @Override
    public boolean register(String consumerKey, long timestamp, String nonce, Instant expiresAt) {
        MessageDigest digest = SHA_256.get();
        byte[] key = consumerKey.getBytes(StandardCharsets.UTF_8);
        digest.update(bytes(key.length, 4));
        digest.update(key);
        digest.update(bytes(timestamp, 8));
        digest.update(nonce.getBytes(StandardCharsets.UTF_8));
        byte[] hash = digest.digest();
        long high = longAt(hash, 0);
        long low = longAt(hash, 8);
        long expirySecond = expiresAt.getEpochSecond() + (expiresAt.getNano() > 0 ? 1 : 0);
        long nowSecond = Math.floorDiv(clock.millis(), 1000);
        lock.lock();
        try {
            evictExpired(nowSecond);
            return insert(high, low, expirySecond, nowSecond);
        } finally {
            lock.unlock();
        }
    }

    /** The number of nonces alive as of the last call. */
    public int size() {
        lock.lock();
        try {
            return alive;
        } finally {
            lock.unlock();
        }
    }

    /** The configured capacity. */
    public int capacity() {
        return capacity;
    }

    private boolean insert(long high, long low, long expirySecond, long nowSecond) {
        int mask = expiries.length - 1;
        int slot = (int) low & mask;
        int free = -1;
        while (expiries[slot] != EMPTY) {
            boolean expired = expiries[slot] <= nowSecond;
            if (fingerprints[2 * slot] == high && fingerprints[2 * slot + 1] == low) {
                if (!expired) {
                    return false;
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
            return true;
        }
        if (alive >= capacity) {
            throw new NonceStoreFullException("the in-memory nonce store holds its capacity of " + capacity
                    + " unexpired nonces", Math.max(1, aliveByExpirySecond.firstKey() - nowSecond));
        }
        if (free < 0) {
            free = slot;
            occupied++;
        }
        fingerprints[2 * free] = high;
        fingerprints[2 * free + 1] = low;
        expiries[free] = expirySecond;
        alive++;
        aliveByExpirySecond.computeIfAbsent(expirySecond, second -> new int[1])[0]++;
        if (occupied > expiries.length / 4 * 3) {
            rebuild(nowSecond);
        }
        return true;
    }

    private void evictExpired(long nowSecond) {
        Map.Entry<Long, int[]> oldest = aliveByExpirySecond.firstEntry();
        while (oldest != null && oldest.getKey() <= nowSecond) {
            aliveByExpirySecond.pollFirstEntry();
            alive -= oldest.getValue()[0];
            oldest = aliveByExpirySecond.firstEntry();
        }
    }

    /** Copies the live entries into fresh arrays of the same size, leaving the expired ones behind. */
    private void rebuild(long nowSecond) {
        long[] oldFingerprints = fingerprints;
        long[] oldExpiries = expiries;
        allocate(oldExpiries.length);
        int mask = expiries.length - 1;
        for (int i = 0; i < oldExpiries.length; i++) {
            if (oldExpiries[i] != EMPTY && oldExpiries[i] > nowSecond) {
                int slot = (int) oldFingerprints[2 * i + 1] & mask;
                while (expiries[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                fingerprints[2 * slot] = oldFingerprints[2 * i];
                fingerprints[2 * slot + 1] = oldFingerprints[2 * i + 1];
                expiries[slot] = oldExpiries[i];
                occupied++;
            }
        }
    }

    private void allocate(int slots) {
        fingerprints = new long[2 * slots];
        expiries = new long[slots];
        Arrays.fill(expiries, EMPTY);
        occupied = 0;
    }

    private static byte[] bytes(long value, int count) {
        byte[] bytes = new byte[count];
        for (int i = count - 1; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }

    private static long longAt(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
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
}

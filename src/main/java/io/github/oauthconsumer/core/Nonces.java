package io.github.oauthconsumer.core;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Nonces of 128 random bits from a per-thread {@link SecureRandom}, written as 32 lower-case hex
 * digits: unreserved characters that every provider accepts. Random bytes are drawn
 * 32 nonces at a time, because one DRBG request costs several hashes whatever its
 * length; nonces are public, so bytes waiting in the batch reveal nothing secret.
 */
final class Nonces {

    private static final int BYTES = 16;
    private static final int BATCH = 32;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadLocal<Nonces> POOL = ThreadLocal.withInitial(Nonces::new);

    private final SecureRandom random = newRandom();
    private final byte[] batch = new byte[BYTES * BATCH];
    private int position = batch.length;

    private Nonces() {
    }

    static String next() {
        return POOL.get().take();
    }

    private String take() {
        if (position == batch.length) {
            random.nextBytes(batch);
            position = 0;
        }
        byte[] hex = new byte[2 * BYTES];
        for (int i = 0; i < BYTES; i++) {
            byte b = batch[position + i];
            hex[2 * i] = HEX[(b >> 4) & 0xF];
            hex[2 * i + 1] = HEX[b & 0xF];
        }
        position += BYTES;
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}

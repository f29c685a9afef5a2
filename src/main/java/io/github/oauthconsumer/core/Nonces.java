package io.github.oauthconsumer.core;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Nonces of 128 random bits from a per-thread {@link SecureRandom}, written as 32 lower-case hex
 * digits: unreserved characters that every provider accepts. Random bytes are drawn
 * 32 nonces at a time, because one DRBG request costs several hashes whatever its
 * length; nonces are public, so bytes waiting in the batch reveal nothing secret.
 */
final class Nonces {

    private static final int BYTES = 16;
    private static final int BATCH = 32;
    private static final HexFormat HEX = HexFormat.of();
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
        String nonce = HEX.formatHex(batch, position, position + BYTES);
        position += BYTES;
        return nonce;
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}

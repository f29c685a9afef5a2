package io.github.oauthconsumer.core;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Nonces of 128 random bits from a per-thread {@link SecureRandom}, written as 32 lower-case hex
 * digits: unreserved characters that every provider accepts.
 */
final class Nonces {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Nonces::newRandom);

    private Nonces() {
    }

    static String next() {
        byte[] random = new byte[16];
        RANDOM.get().nextBytes(random);
        byte[] hex = new byte[32];
        for (int i = 0; i < 16; i++) {
            hex[2 * i] = HEX[(random[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[random[i] & 0xF];
        }
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

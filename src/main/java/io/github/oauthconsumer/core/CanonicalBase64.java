package io.github.oauthconsumer.core;

import java.util.Base64;

/**
 * Decodes a received signature or body hash only when it is written exactly as the signer must
 * have written it (RFC 4648 Base64 with padding, unused bits zero): the JDK's decoder also takes
 * text without padding and with other trailing bits, so several texts would verify for one value.
 */
final class CanonicalBase64 {

    private CanonicalBase64() {
    }

    /** The decoded bytes, or null when the text is not canonical Base64. */
    static byte[] decode(String text) {
        if (text == null || text.length() % 4 != 0) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        // the received text is public: comparing it with its canonical form leaks nothing secret
        return Base64.getEncoder().encodeToString(decoded).equals(text) ? decoded : null;
    }
}

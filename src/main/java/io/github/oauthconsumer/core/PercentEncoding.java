package io.github.oauthconsumer.core;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Percent-encoding as RFC 5849 section 3.6 defines it: the string is taken as UTF-8 and every
 * byte outside the unreserved set ({@code ALPHA / DIGIT / "-" / "." / "_" / "~"}) becomes
 * {@code %XX} with upper-case hex. This differs from {@link java.net.URLEncoder}, which writes
 * spaces as {@code +} and leaves {@code *} alone.
 */
public final class PercentEncoding {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final boolean[] UNRESERVED = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            UNRESERVED[c] = true;
            UNRESERVED[c - 'a' + 'A'] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            UNRESERVED[c] = true;
        }
        UNRESERVED['-'] = true;
        UNRESERVED['.'] = true;
        UNRESERVED['_'] = true;
        UNRESERVED['~'] = true;
    }

    private PercentEncoding() {
    }

    /** Encodes a string; a string of unreserved characters only is returned as it is. */
    public static String encode(String value) {
        if (isUnreserved(value)) {
            return value;
        }
        AsciiBuffer buffer = new AsciiBuffer(value.length() * 3);
        encodeTo(value, buffer);
        return buffer.toString();
    }

    /**
     * Decodes {@code %XX} escapes (as UTF-8); with {@code plusIsSpace} a {@code +} also stands for a
     * space, as in {@code application/x-www-form-urlencoded} content.
     *
     * @throws IllegalArgumentException when an escape is incomplete or not hex, or the bytes are not
     *                                  UTF-8; the message does not repeat the value
     */
    public static String decode(String value, boolean plusIsSpace) {
        return decode(value, 0, value.length(), plusIsSpace);
    }

    /**
     * Decodes {@code %XX} escapes whose bytes are in {@code charset}, as a form declared with that
     * charset is read (characters that are not escaped are kept as they are); {@code +} is a space.
     *
     * @throws IllegalArgumentException when an escape is incomplete or not hex, or its bytes are not
     *                                  valid in the charset; the message does not repeat the value
     */
    static String decode(String value, int start, int end, boolean plusIsSpace, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return decode(value, start, end, plusIsSpace);
        }
        StringBuilder out = new StringBuilder(end - start);
        byte[] run = new byte[(end - start) / 3 + 1];
        CharsetDecoder decoder = null;
        for (int i = start; i < end; ) {
            char c = value.charAt(i);
            if (c == '%') {
                int length = 0;
                while (i < end && value.charAt(i) == '%') {
                    run[length++] = escapedByte(value, i, end);
                    i += 3;
                }
                if (decoder == null) {
                    decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT);
                }
                try {
                    out.append(decoder.decode(ByteBuffer.wrap(run, 0, length)));
                } catch (CharacterCodingException e) {
                    throw new IllegalArgumentException("percent-encoded bytes are not " + charset.name());
                }
            } else {
                out.append(plusIsSpace && c == '+' ? ' ' : c);
                i++;
            }
        }
        return out.toString();
    }

    static String decode(String value, int start, int end, boolean plusIsSpace) {
        int firstSpecial = -1;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c == '%' || (plusIsSpace && c == '+')) {
                firstSpecial = i;
                break;
            }
        }
        if (firstSpecial < 0) {
            return value.substring(start, end);
        }
        byte[] bytes = new byte[(end - start) * 3];
        int length = 0;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c == '%') {
                bytes[length++] = escapedByte(value, i, end);
                i += 2;
            } else if (plusIsSpace && c == '+') {
                bytes[length++] = ' ';
            } else if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                int codePoint = AsciiBuffer.codePointAt(value, i);
                if (codePoint > 0xFFFF) {
                    i++;
                }
                length = AsciiBuffer.putUtf8(codePoint, bytes, length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent-encoded bytes are not UTF-8");
        }
    }

    static boolean isUnreserved(CharSequence value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c >= 128 || !UNRESERVED[c]) {
                return false;
            }
        }
        return true;
    }

    static boolean isUnreserved(int c) {
        return c < 128 && c >= 0 && UNRESERVED[c];
    }

    /** Appends the encoded form of {@code value} to the buffer. */
    static void encodeTo(CharSequence value, AsciiBuffer out) {
        int n = value.length();
        int i = value instanceof String ? encodeAsciiTo((String) value, n, out) : 0;
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (c < 128) {
                if (UNRESERVED[c]) {
                    out.append((byte) c);
                } else {
                    out.appendEscaped(c);
                }
            } else {
                int codePoint = AsciiBuffer.codePointAt(value, i);
                if (codePoint > 0xFFFF) {
                    i++;
                }
                out.appendEscapedUtf8(codePoint);
            }
        }
    }

    /**
     * The fast path of {@link #encodeTo}: copies the leading unreserved characters in one go, then
     * encodes the ASCII characters that follow straight into the buffer's array, room for three
     * bytes each made once; returns the index of the first non-ASCII character, or {@code n}.
     */
    private static int encodeAsciiTo(String value, int n, AsciiBuffer out) {
        int plain = 0;
        while (plain < n && isUnreserved(value.charAt(plain))) {
            plain++;
        }
        out.append(value, 0, plain);
        if (plain == n) {
            return n;
        }
        char[] chars = out.chars(value);
        out.ensure(3 * (n - plain));
        byte[] bytes = out.array();
        int length = out.length();
        int i = plain;
        for (; i < n; i++) {
            char c = chars[i];
            if (c >= 128) {
                break;
            }
            if (UNRESERVED[c]) {
                bytes[length++] = (byte) c;
            } else {
                bytes[length++] = '%';
                bytes[length++] = HEX[c >> 4];
                bytes[length++] = HEX[c & 0xF];
            }
        }
        out.setLength(length);
        return i;
    }

    /**
     * The index of {@code c} in {@code text} from {@code start} up to {@code end} (excluded), or -1:
     * a pair of a query or form is searched only up to its {@code &}, so a long content without
     * {@code =} is not scanned to its end for each pair.
     */
    static int indexOf(String text, char c, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    static byte hexDigit(int nibble) {
        return HEX[nibble & 0xF];
    }

    /** The byte of the {@code %XX} escape at {@code i}; the message does not repeat the value. */
    private static byte escapedByte(String value, int i, int end) {
        if (i + 2 >= end) {
            throw new IllegalArgumentException("incomplete percent-encoding");
        }
        int high = hexValue(value.charAt(i + 1));
        int low = hexValue(value.charAt(i + 2));
        if (high < 0 || low < 0) {
            throw new IllegalArgumentException("invalid percent-encoding");
        }
        return (byte) ((high << 4) | low);
    }

    /** The value of an ASCII hex digit, or -1: {@code Character.digit} would also take other scripts' digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}

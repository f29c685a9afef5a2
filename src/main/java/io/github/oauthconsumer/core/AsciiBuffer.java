package io.github.oauthconsumer.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for ASCII text. The engine writes percent-encoded parameters and base
 * strings into it so that signing allocates almost nothing per request.
 */
final class AsciiBuffer {

    private final byte[] scratch = new byte[4];
    private char[] chars;
    private byte[] bytes;
    private int length;

    AsciiBuffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int length() {
        return length;
    }

    byte[] array() {
        return bytes;
    }

    void clear() {
        length = 0;
    }

    void append(byte b) {
        if (length == bytes.length) {
            grow(1);
        }
        bytes[length++] = b;
    }

    /** Appends the low byte of each character, which is the character itself for ASCII text. */
    @SuppressWarnings("deprecation")
    void append(String ascii) {
        int n = ascii.length();
        ensure(n);
        ascii.getBytes(0, n, bytes, length);
        length += n;
    }

    /** Appends {@code ascii.substring(from, to)}, as {@link #append(String)} does. */
    @SuppressWarnings("deprecation")
    void append(String ascii, int from, int to) {
        ensure(to - from);
        ascii.getBytes(from, to, bytes, length);
        length += to - from;
    }

    /**
     * The characters of {@code value} in a scratch array of this buffer, valid until the next call:
     * reading an array is cheaper than {@link String#charAt} in the encoding loops.
     */
    char[] chars(String value) {
        int n = value.length();
        if (chars == null || chars.length < n) {
            chars = new char[Math.max(64, n)];
        }
        value.getChars(0, n, chars, 0);
        return chars;
    }

    void append(byte[] source, int from, int to) {
        ensure(to - from);
        System.arraycopy(source, from, bytes, length, to - from);
        length += to - from;
    }

    void appendEscaped(int octet) {
        ensure(3);
        bytes[length++] = '%';
        bytes[length++] = PercentEncoding.hexDigit(octet >> 4);
        bytes[length++] = PercentEncoding.hexDigit(octet);
    }

    /** Wraps the written bytes without copying; valid until the next write. */
    ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(bytes, 0, length);
    }

    String substring(int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * Makes room for {@code extra} more bytes, for a caller that writes them straight into
     * {@link #array()} from {@link #length()} and then calls {@link #setLength}.
     */
    void ensure(int extra) {
        if (length + extra > bytes.length) {
            grow(extra);
        }
    }

    /** Sets the length after bytes were written into {@link #array()}. */
    void setLength(int length) {
        this.length = length;
    }

    private void grow(int extra) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
    }

    /** Appends the percent-escaped UTF-8 bytes of a code point. */
    void appendEscapedUtf8(int codePoint) {
        int n = putUtf8(codePoint, scratch, 0);
        for (int i = 0; i < n; i++) {
            appendEscaped(scratch[i] & 0xFF);
        }
    }

    /** Appends the UTF-8 bytes of a code point as {@code %25XX}: percent-escaped, then encoded again. */
    void appendDoubleEscapedUtf8(int codePoint) {
        int n = putUtf8(codePoint, scratch, 0);
        for (int i = 0; i < n; i++) {
            append("%25");
            append(PercentEncoding.hexDigit((scratch[i] & 0xFF) >> 4));
            append(PercentEncoding.hexDigit(scratch[i]));
        }
    }

    /**
     * The code point at {@code index}: a surrogate pair is combined, and a lone surrogate becomes
     * {@code ?}, as {@link String#getBytes} does.
     */
    static int codePointAt(CharSequence value, int index) {
        char c = value.charAt(index);
        if (Character.isHighSurrogate(c) && index + 1 < value.length() && Character.isLowSurrogate(value.charAt(index + 1))) {
            return Character.toCodePoint(c, value.charAt(index + 1));
        }
        return Character.isSurrogate(c) ? '?' : c;
    }

    /** Writes the UTF-8 bytes of a code point into {@code out} at {@code position}; returns the new position. */
    static int putUtf8(int codePoint, byte[] out, int position) {
        int p = position;
        if (codePoint < 0x80) {
            out[p++] = (byte) codePoint;
        } else if (codePoint < 0x800) {
            out[p++] = (byte) (0xC0 | (codePoint >> 6));
            out[p++] = (byte) (0x80 | (codePoint & 0x3F));
        } else if (codePoint < 0x10000) {
            out[p++] = (byte) (0xE0 | (codePoint >> 12));
            out[p++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
            out[p++] = (byte) (0x80 | (codePoint & 0x3F));
        } else {
            out[p++] = (byte) (0xF0 | (codePoint >> 18));
            out[p++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
            out[p++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
            out[p++] = (byte) (0x80 | (codePoint & 0x3F));
        }
        return p;
    }
}

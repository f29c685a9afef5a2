package io.github.oauthconsumer.core;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Builds a signature base string (RFC 5849 section 3.4.1) in reusable per-thread buffers:
 * parameters are percent-encoded once into one buffer, sorted as index spans by encoded name
 * then encoded value (byte order, duplicates kept), and written with the second encoding the
 * base string needs, straight into bytes ready for the signature method.
 */
final class BaseStringWriter {

    private static final int SHRINK_ABOVE = 64 * 1024;
    private static final ThreadLocal<BaseStringWriter> POOL = ThreadLocal.withInitial(BaseStringWriter::new);

    private final AsciiBuffer encoded = new AsciiBuffer(1024);
    private final AsciiBuffer out = new AsciiBuffer(1024);
    private int[] spans = new int[4 * 32];
    private boolean[] escaped = new boolean[2 * 32];
    private int[] order = new int[32];
    private int[] scratch = new int[32];
    private int count;
    private int sortedPrefix;
    private boolean inUse;

    /** A writer for this thread; call {@link #release()} when done. */
    static BaseStringWriter acquire() {
        BaseStringWriter writer = POOL.get();
        if (writer.inUse) {
            writer = new BaseStringWriter();
        }
        writer.inUse = true;
        writer.count = 0;
        writer.sortedPrefix = 0;
        writer.encoded.clear();
        writer.out.clear();
        return writer;
    }

    void release() {
        inUse = false;
        if (encoded.length() > SHRINK_ABOVE || out.length() > SHRINK_ABOVE) {
            POOL.remove();
        }
    }

    /** Adds a decoded parameter. */
    void add(String name, String value) {
        int nameStart = encoded.length();
        PercentEncoding.encodeTo(name, encoded);
        // every character is written as one byte when unreserved and as escapes of 3 bytes or more otherwise
        addEncodedValue(nameStart, encoded.length() - nameStart != name.length(), value);
    }

    /** Adds a parameter whose name and value are both known to hold unreserved characters only. */
    void addPlain(String name, String value) {
        int nameStart = encoded.length();
        encoded.append(name);
        int valueStart = encoded.length();
        encoded.append(value);
        addSpan(nameStart, valueStart, valueStart, encoded.length(), false, false);
    }

    /** Adds a parameter whose name is known to hold unreserved characters only. */
    void addPlainName(String name, String value) {
        int nameStart = encoded.length();
        encoded.append(name);
        addEncodedValue(nameStart, false, value);
    }

    /** Encodes the value of a parameter whose name was just written from {@code nameStart}, and records its span. */
    private void addEncodedValue(int nameStart, boolean nameEscaped, String value) {
        int valueStart = encoded.length();
        PercentEncoding.encodeTo(value, encoded);
        int valueEnd = encoded.length();
        addSpan(nameStart, valueStart, valueStart, valueEnd, nameEscaped, valueEnd - valueStart != value.length());
    }

    /**
     * Declares that the parameters added so far were added in their sorted order (the signer's
     * own protocol parameters, whose names are all different), so that sorting starts after them.
     */
    void markSorted() {
        sortedPrefix = count;
    }

    /** Where the encoded name of the {@code index}-th parameter added ends. */
    int nameEnd(int index) {
        return spans[4 * index + 1];
    }

    /** Where the encoded value of the {@code index}-th parameter added ends. */
    int valueEnd(int index) {
        return spans[4 * index + 3];
    }

    /** The encoded parameters between two positions, as text. */
    String encodedText(int from, int to) {
        return encoded.substring(from, to);
    }

    /** Adds every pair of a list. */
    void addAll(ParameterList parameters) {
        for (int i = 0, n = parameters.size(); i < n; i++) {
            add(parameters.name(i), parameters.value(i));
        }
    }

    /** Adds the pairs of the URL's query, decoded as form content and encoded again. */
    void addQuery(RequestUri uri) {
        String url = uri.url;
        int start = uri.queryStart;
        int end = uri.queryEnd;
        while (start < end) {
            int pairEnd = url.indexOf('&', start);
            if (pairEnd < 0 || pairEnd > end) {
                pairEnd = end;
            }
            if (pairEnd > start) {
                int equals = PercentEncoding.indexOf(url, '=', start, pairEnd);
                int nameEnd = equals < 0 ? pairEnd : equals;
                int valueStart = nameEnd == pairEnd ? pairEnd : nameEnd + 1;
                int spanStart = encoded.length();
                boolean nameEscaped = appendReencoded(url, start, nameEnd);
                int spanValue = encoded.length();
                boolean valueEscaped = appendReencoded(url, valueStart, pairEnd);
                addSpan(spanStart, spanValue, spanValue, encoded.length(), nameEscaped, valueEscaped);
            }
            start = pairEnd + 1;
        }
    }

    /**
     * Writes {@code METHOD&uri&parameters} and returns its bytes, valid until {@link #release()}.
     */
    ByteBuffer write(String method, RequestUri uri) {
        appendMethod(method);
        out.append((byte) '&');
        uri.writeBaseStringUri(out, true);
        out.append((byte) '&');
        sort();
        byte[] source = encoded.array();
        for (int k = 0; k < count; k++) {
            int span = 4 * order[k];
            if (k > 0) {
                out.append("%26");
            }
            appendEncodedAgain(source, spans[span], spans[span + 1], escaped[2 * order[k]]);
            out.append("%3D");
            appendEncodedAgain(source, spans[span + 2], spans[span + 3], escaped[2 * order[k] + 1]);
        }
        return out.asByteBuffer();
    }

    /** The base string written by {@link #write}, as text. */
    String baseString() {
        return out.toString();
    }

    private void appendMethod(String method) {
        for (int i = 0, n = method.length(); i < n; i++) {
            char c = method.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c -= 32;
            }
            if (c >= 128 || (!PercentEncoding.isUnreserved(c))) {
                out.appendEscaped(c & 0xFF);
            } else {
                out.append((byte) c);
            }
        }
    }

    /** Appends a query name or value decoded and encoded again; returns whether the result may hold escapes. */
    private boolean appendReencoded(String url, int start, int end) {
        boolean plain = true;
        for (int i = start; i < end && plain; i++) {
            plain = PercentEncoding.isUnreserved(url.charAt(i));
        }
        if (plain) {
            encoded.append(url, start, end);
        } else {
            PercentEncoding.encodeTo(PercentEncoding.decode(url, start, end, true), encoded);
        }
        return !plain;
    }

    /** Appends encoded bytes with their {@code %} encoded again; bytes without escapes are copied as they are. */
    private void appendEncodedAgain(byte[] source, int from, int to, boolean hasEscapes) {
        if (!hasEscapes) {
            out.append(source, from, to);
            return;
        }
        out.ensure(3 * (to - from));
        byte[] bytes = out.array();
        int length = out.length();
        for (int i = from; i < to; i++) {
            byte b = source[i];
            if (b == '%') {
                bytes[length++] = '%';
                bytes[length++] = '2';
                bytes[length++] = '5';
            } else {
                bytes[length++] = b;
            }
        }
        out.setLength(length);
    }

    private void addSpan(int nameStart, int nameEnd, int valueStart, int valueEnd, boolean nameEscaped,
                         boolean valueEscaped) {
        if (4 * count + 4 > spans.length) {
            spans = Arrays.copyOf(spans, spans.length * 2);
            escaped = Arrays.copyOf(escaped, escaped.length * 2);
        }
        escaped[2 * count] = nameEscaped;
        escaped[2 * count + 1] = valueEscaped;
        int base = 4 * count;
        spans[base] = nameStart;
        spans[base + 1] = nameEnd;
        spans[base + 2] = valueStart;
        spans[base + 3] = valueEnd;
        count++;
    }

    /**
     * Sorts the spans: the leading run already in order (declared by {@link #markSorted}, then
     * extended while the next span is not smaller) is kept, the rest is merge-sorted and the two
     * are merged.
     */
    private void sort() {
        if (order.length < count) {
            order = new int[count];
            scratch = new int[count];
        }
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        int run = Math.max(1, sortedPrefix);
        while (run < count && compare(run - 1, run) <= 0) {
            run++;
        }
        if (run < count) {
            mergeSort(run, count);
            merge(0, run, count);
        }
    }

    private void mergeSort(int from, int to) {
        if (to - from < 8) {
            for (int i = from + 1; i < to; i++) {
                int current = order[i];
                int j = i - 1;
                while (j >= from && compare(order[j], current) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = current;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(from, middle);
        mergeSort(middle, to);
        merge(from, middle, to);
    }

    /** Merges the sorted runs {@code [from, middle)} and {@code [middle, to)} of {@code order}, stably. */
    private void merge(int from, int middle, int to) {
        if (compare(order[middle - 1], order[middle]) <= 0) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int k = from; k < to; k++) {
            if (right >= to || (left < middle && compare(scratch[left], scratch[right]) <= 0)) {
                order[k] = scratch[left++];
            } else {
                order[k] = scratch[right++];
            }
        }
    }

    private int compare(int a, int b) {
        int byName = compareBytes(spans[4 * a], spans[4 * a + 1], spans[4 * b], spans[4 * b + 1]);
        return byName != 0 ? byName
                : compareBytes(spans[4 * a + 2], spans[4 * a + 3], spans[4 * b + 2], spans[4 * b + 3]);
    }

    private int compareBytes(int aFrom, int aTo, int bFrom, int bTo) {
        byte[] bytes = encoded.array();
        int aLength = aTo - aFrom;
        int bLength = bTo - bFrom;
        int common = Math.min(aLength, bLength);
        for (int i = 0; i < common; i++) {
            int difference = (bytes[aFrom + i] & 0xFF) - (bytes[bFrom + i] & 0xFF);
            if (difference != 0) {
                return difference;
            }
        }
        return aLength - bLength;
    }
}

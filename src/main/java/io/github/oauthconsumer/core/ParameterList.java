package io.github.oauthconsumer.core;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ordered list of decoded name/value pairs in which a name may repeat, as query strings, form
 * bodies and token responses have them. RFC 5849 signs every pair, duplicates included, so a map
 * with one value per name cannot stand in for it.
 *
 * <p>Not thread-safe while it is being filled; the engine copies lists it keeps.
 */
public final class ParameterList {

    private String[] pairs;
    private int size;

    /** An empty list. */
    public ParameterList() {
        pairs = new String[16];
    }

    /** A copy of a map such as a JAX-RS {@code MultivaluedMap}, in the map's iteration order. */
    public static ParameterList of(Map<String, ? extends List<String>> map) {
        ParameterList list = new ParameterList();
        map.forEach((name, values) -> values.forEach(value -> list.add(name, value)));
        return list;
    }

    /**
     * Parses {@code application/x-www-form-urlencoded} content, or a raw query string: pairs are
     * split on {@code &}, empty pairs are skipped, a name without {@code =} has an empty value,
     * {@code +} is a space and {@code %XX} escapes are UTF-8.
     *
     * @throws IllegalArgumentException when an escape is malformed
     */
    public static ParameterList parseFormEncoded(String content) {
        return parseFormEncoded(content, StandardCharsets.UTF_8);
    }

    /**
     * Parses {@code application/x-www-form-urlencoded} content whose {@code %XX} escapes are bytes
     * in {@code charset}, as a form sent with {@code Content-Type: ...; charset=...} is read.
     *
     * @throws IllegalArgumentException when an escape is malformed or not valid in the charset
     */
    public static ParameterList parseFormEncoded(String content, Charset charset) {
        ParameterList list = new ParameterList();
        if (content == null) {
            return list;
        }
        int start = 0;
        int length = content.length();
        while (start <= length) {
            int end = content.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                int equals = PercentEncoding.indexOf(content, '=', start, end);
                if (equals < 0) {
                    list.add(PercentEncoding.decode(content, start, end, true, charset), "");
                } else {
                    list.add(PercentEncoding.decode(content, start, equals, true, charset),
                            PercentEncoding.decode(content, equals + 1, end, true, charset));
                }
            }
            start = end + 1;
        }
        return list;
    }

    /** Adds a pair at the end; returns this list. */
    public ParameterList add(String name, String value) {
        if (name == null || value == null) {
            throw new IllegalArgumentException("parameter names and values must not be null");
        }
        if (2 * size + 2 > pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        pairs[2 * size] = name;
        pairs[2 * size + 1] = value;
        size++;
        return this;
    }

    /** Adds every pair of another list; returns this list. */
    public ParameterList addAll(ParameterList other) {
        for (int i = 0; i < other.size; i++) {
            add(other.name(i), other.value(i));
        }
        return this;
    }

    /** The number of pairs. */
    public int size() {
        return size;
    }

    /** Whether the list has no pairs. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The name of the pair at {@code index}. */
    public String name(int index) {
        checkIndex(index);
        return pairs[2 * index];
    }

    /** The value of the pair at {@code index}. */
    public String value(int index) {
        checkIndex(index);
        return pairs[2 * index + 1];
    }

    /** The first value with this name. */
    public Optional<String> first(String name) {
        for (int i = 0; i < size; i++) {
            if (pairs[2 * i].equals(name)) {
                return Optional.of(pairs[2 * i + 1]);
            }
        }
        return Optional.empty();
    }

    /** Every value with this name, in order. */
    public List<String> values(String name) {
        List<String> values = new ArrayList<>(1);
        for (int i = 0; i < size; i++) {
            if (pairs[2 * i].equals(name)) {
                values.add(pairs[2 * i + 1]);
            }
        }
        return values;
    }

    /** How many pairs have this name. */
    public int count(String name) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (pairs[2 * i].equals(name)) {
                count++;
            }
        }
        return count;
    }

    /** Whether some pair has a name that starts with {@code oauth_}. */
    public boolean hasProtocolParameter() {
        for (int i = 0; i < size; i++) {
            if (pairs[2 * i].startsWith(OAuthParameterNames.PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /** An unmodifiable map from name to values, in first-seen order. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.computeIfAbsent(pairs[2 * i], n -> new ArrayList<>(1)).add(pairs[2 * i + 1]);
        }
        map.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(map);
    }

    /** The pairs percent-encoded as RFC 5849 section 3.6 says, joined with {@code &}: a valid form body or query. */
    public String toFormEncoded() {
        AsciiBuffer buffer = new AsciiBuffer(size * 24);
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                buffer.append((byte) '&');
            }
            PercentEncoding.encodeTo(pairs[2 * i], buffer);
            buffer.append((byte) '=');
            PercentEncoding.encodeTo(pairs[2 * i + 1], buffer);
        }
        return buffer.toString();
    }

    /** A copy of this list. */
    public ParameterList copy() {
        ParameterList copy = new ParameterList();
        copy.pairs = Arrays.copyOf(pairs, Math.max(16, 2 * size));
        copy.size = size;
        return copy;
    }

    /** Lists names only: values may be secret, such as a form's password. */
    @Override
    public String toString() {
        StringBuilder names = new StringBuilder("ParameterList[");
        for (int i = 0; i < size; i++) {
            names.append(i > 0 ? ", " : "").append(pairs[2 * i]);
        }
        return names.append(']').toString();
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
    }
}

package io.github.oauthconsumer.core;

/**
 * The protocol parameters of a signed request, {@code oauth_signature} last, ready for one of the
 * three transports of RFC 5849 section 3.5: the {@code Authorization} header, the query string, or
 * the form body. The signer hands over the parameters percent-encoded as well as decoded, so that
 * a transport copies the encoded text instead of encoding every value a second time.
 */
public final class SignedParameters {

    private static final int SHRINK_ABOVE = 16 * 1024;
    private static final ThreadLocal<AsciiBuffer> HEADERS = ThreadLocal.withInitial(() -> new AsciiBuffer(512));

    private final String realm;
    private final String[] names;
    private final String[] values;
    private final int count;
    private final String encoded;
    private final int[] ends;

    /**
     * @param encoded the encoded names and values of the first {@code ends.length / 2} parameters one
     *                after the other, without separators; the others are encoded when written
     * @param ends    for each of those, where its encoded name ends and where its encoded value ends
     */
    SignedParameters(String realm, String[] names, String[] values, int count, String encoded, int[] ends) {
        this.realm = realm;
        this.names = names;
        this.values = values;
        this.count = count;
        this.encoded = encoded;
        this.ends = ends;
    }

    /** The {@code oauth_signature} value. */
    public String signature() {
        return values[count - 1];
    }

    /** The value of one protocol parameter, or null. */
    public String get(String name) {
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    /** The protocol parameters as a list, for the query or form-body transports. */
    public ParameterList asParameterList() {
        ParameterList list = new ParameterList();
        for (int i = 0; i < count; i++) {
            list.add(names[i], values[i]);
        }
        return list;
    }

    /**
     * The {@code Authorization} header value: {@code OAuth realm="...", oauth_consumer_key="...", ...}
     * with every value percent-encoded; the realm, when configured, is a quoted string.
     */
    public String authorizationHeader() {
        AsciiBuffer header = HEADERS.get();
        header.clear();
        header.append("OAuth ");
        if (realm != null) {
            header.append("realm=\"");
            AuthorizationHeader.appendQuoted(realm, header);
            header.append("\", ");
        }
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                header.append(", ");
            }
            appendName(i, header);
            header.append("=\"");
            appendValue(i, header);
            header.append((byte) '"');
        }
        String value = header.toString();
        if (header.length() > SHRINK_ABOVE) {
            HEADERS.remove();
        }
        return value;
    }

    /** The parameters percent-encoded and joined with {@code &}, to append to a query or form body. */
    public String toFormEncoded() {
        AsciiBuffer form = new AsciiBuffer(encoded.length() + 64);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                form.append((byte) '&');
            }
            appendName(i, form);
            form.append((byte) '=');
            appendValue(i, form);
        }
        return form.toString();
    }

    /** The URL with the protocol parameters appended to its query (the query transport). */
    public String appendToUrl(String url) {
        int hash = url.indexOf('#');
        String withoutFragment = hash < 0 ? url : url.substring(0, hash);
        char separator = withoutFragment.indexOf('?') < 0 ? '?'
                : withoutFragment.endsWith("?") || withoutFragment.endsWith("&") ? 0 : '&';
        return withoutFragment + (separator == 0 ? "" : String.valueOf(separator)) + toFormEncoded();
    }

    private void appendName(int index, AsciiBuffer out) {
        if (2 * index < ends.length) {
            out.append(encoded, index == 0 ? 0 : ends[2 * index - 1], ends[2 * index]);
        } else {
            PercentEncoding.encodeTo(names[index], out);
        }
    }

    private void appendValue(int index, AsciiBuffer out) {
        if (2 * index < ends.length) {
            out.append(encoded, ends[2 * index], ends[2 * index + 1]);
        } else {
            PercentEncoding.encodeTo(values[index], out);
        }
    }

    /** Shows the parameter names only. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SignedParameters[");
        for (int i = 0; i < count; i++) {
            text.append(i > 0 ? ", " : "").append(names[i]);
        }
        return text.append(']').toString();
    }
}

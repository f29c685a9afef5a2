package io.github.oauthconsumer.core;

/**
 * The parts of an absolute {@code http} or {@code https} URL that RFC 5849 section 3.4.1.2 needs,
 * found by index into the original string so that nothing is copied: the base string URI keeps
 * scheme and host in lower case, drops the default port (writing any other as a number, without
 * leading zeros, as {@link java.net.URL#getPort()} gives it), user info, query and fragment, and
 * keeps the path as sent ({@code /} when empty). A port above 65535 is refused.
 */
final class RequestUri {

    private static final boolean[] PATH_CHARS = pathChars();

    final String url;
    final int schemeEnd;
    final int hostStart;
    final int hostEnd;
    final int pathStart;
    final int pathEnd;
    final int queryStart;
    final int queryEnd;
    final boolean defaultPort;
    final int port;

    private RequestUri(String url, int schemeEnd, int hostStart, int hostEnd,
                       int pathStart, int pathEnd, int queryStart, int queryEnd, boolean defaultPort, int port) {
        this.url = url;
        this.schemeEnd = schemeEnd;
        this.hostStart = hostStart;
        this.hostEnd = hostEnd;
        this.pathStart = pathStart;
        this.pathEnd = pathEnd;
        this.queryStart = queryStart;
        this.queryEnd = queryEnd;
        this.defaultPort = defaultPort;
        this.port = port;
    }

    /** @throws IllegalArgumentException when the URL is not absolute http(s) or its port is not a number up to 65535 */
    static RequestUri parse(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            throw new IllegalArgumentException("not an absolute http or https URL");
        }
        boolean http = url.regionMatches(true, 0, "http", 0, 4) && schemeEnd == 4;
        boolean https = url.regionMatches(true, 0, "https", 0, 5) && schemeEnd == 5;
        if (!http && !https) {
            throw new IllegalArgumentException("not an http or https URL");
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = authorityStart;
        int length = url.length();
        while (authorityEnd < length) {
            char c = url.charAt(authorityEnd);
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
            authorityEnd++;
        }
        int hostStart = url.lastIndexOf('@', authorityEnd - 1) + 1;
        if (hostStart < authorityStart) {
            hostStart = authorityStart;
        }
        int hostEnd = authorityEnd;
        int portStart = authorityEnd;
        if (hostStart < authorityEnd && url.charAt(hostStart) == '[') {
            int close = url.indexOf(']', hostStart);
            if (close < 0 || close >= authorityEnd) {
                throw new IllegalArgumentException("unterminated IPv6 host");
            }
            hostEnd = close + 1;
            if (hostEnd < authorityEnd && url.charAt(hostEnd) == ':') {
                portStart = hostEnd + 1;
            }
        } else {
            int colon = url.lastIndexOf(':', authorityEnd - 1);
            if (colon >= hostStart) {
                hostEnd = colon;
                portStart = colon + 1;
            }
        }
        if (hostEnd == hostStart) {
            throw new IllegalArgumentException("URL has no host");
        }
        int port = -1;
        for (int i = portStart; i < authorityEnd; i++) {
            char c = url.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("URL port is not a number");
            }
            port = Math.max(port, 0) * 10 + (c - '0');
            if (port > 65535) {
                throw new IllegalArgumentException("URL port is above 65535");
            }
        }
        boolean defaultPort = port < 0 || (http && port == 80) || (https && port == 443);
        int pathEnd = authorityEnd;
        while (pathEnd < length) {
            char c = url.charAt(pathEnd);
            if (c == '?' || c == '#') {
                break;
            }
            pathEnd++;
        }
        int queryStart = pathEnd;
        int queryEnd = pathEnd;
        if (pathEnd < length && url.charAt(pathEnd) == '?') {
            queryStart = pathEnd + 1;
            int hash = url.indexOf('#', queryStart);
            queryEnd = hash < 0 ? length : hash;
        }
        return new RequestUri(url, schemeEnd, hostStart, hostEnd,
                authorityEnd, pathEnd, queryStart, queryEnd, defaultPort, port);
    }

    boolean hasQuery() {
        return queryEnd > queryStart;
    }

    /**
     * Writes the base string URI, percent-encoded once more as the base string needs it
     * ({@code encoded} true), or plain.
     */
    void writeBaseStringUri(AsciiBuffer out, boolean encoded) {
        for (int i = 0; i < schemeEnd; i++) {
            out.append((byte) Character.toLowerCase(url.charAt(i)));
        }
        out.append(encoded ? "%3A%2F%2F" : "://");
        for (int i = hostStart; i < hostEnd; i++) {
            char c = url.charAt(i);
            writeUriChar(out, c >= 'A' && c <= 'Z' ? (char) (c + 32) : c, encoded);
        }
        if (!defaultPort) {
            out.append(encoded ? "%3A" : ":");
            out.append(Integer.toString(port));
        }
        if (pathStart == pathEnd) {
            out.append(encoded ? "%2F" : "/");
        }
        int i = encoded ? writeEncodedAsciiPath(out) : pathStart;
        for (; i < pathEnd; i++) {
            char c = url.charAt(i);
            if (isPathChar(c)) {
                writeUriChar(out, c, encoded);
            } else {
                int codePoint = AsciiBuffer.codePointAt(url, i);
                if (codePoint > 0xFFFF) {
                    i++;
                }
                if (encoded) {
                    out.appendDoubleEscapedUtf8(codePoint);
                } else {
                    out.appendEscapedUtf8(codePoint);
                }
            }
        }
    }

    /**
     * The fast path of the encoded path: writes the leading path characters straight into the
     * buffer's array, room for three bytes each made once; returns the index of the first
     * character it left to the general loop (one that must be escaped as UTF-8), or the path's end.
     */
    private int writeEncodedAsciiPath(AsciiBuffer out) {
        out.ensure(3 * (pathEnd - pathStart));
        byte[] bytes = out.array();
        int length = out.length();
        int i = pathStart;
        for (; i < pathEnd; i++) {
            char c = url.charAt(i);
            if (!isPathChar(c)) {
                break;
            }
            if (PercentEncoding.isUnreserved(c)) {
                bytes[length++] = (byte) c;
            } else {
                bytes[length++] = '%';
                bytes[length++] = PercentEncoding.hexDigit(c >> 4);
                bytes[length++] = PercentEncoding.hexDigit(c);
            }
        }
        out.setLength(length);
        return i;
    }

    /**
     * Whether a character can appear in a path as sent (RFC 3986 section 3.3: unreserved, sub-delims,
     * ":", "@", "/" and the "%" of an escape); any other, such as a space or a non-ASCII letter, is
     * sent percent-encoded as UTF-8, and is signed that way.
     */
    private static boolean isPathChar(char c) {
        return c < 128 && PATH_CHARS[c];
    }

    private static boolean[] pathChars() {
        boolean[] path = new boolean[128];
        for (char c = 0; c < 128; c++) {
            path[c] = PercentEncoding.isUnreserved(c) || "!$&'()*+,;=:@/%".indexOf(c) >= 0;
        }
        return path;
    }

    private static void writeUriChar(AsciiBuffer out, char c, boolean encoded) {
        if (!encoded || PercentEncoding.isUnreserved(c)) {
            out.append((byte) c);
        } else {
            out.appendEscaped(c);
        }
    }
}

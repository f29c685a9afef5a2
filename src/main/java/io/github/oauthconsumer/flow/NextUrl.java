package io.github.oauthconsumer.flow;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The page a user returns to after the access-token flow. It is only ever a path on this
 * application, relative to its context root: anything that could lead elsewhere (a scheme, a host,
 * {@code //}, a backslash, control characters, dot segments) is replaced by the root, so that the
 * flow cannot be used as an open redirect.
 */
final class NextUrl {

    static final String ROOT = "/";

    private NextUrl() {
    }

    /**
     * The path to use for a requested next URL: {@code /orders?id=3} stays, {@code orders} becomes
     * {@code /orders}, and anything else becomes {@value #ROOT}.
     */
    static String sanitize(String requested) {
        if (requested == null || requested.isEmpty()) {
            return ROOT;
        }
        for (int i = 0; i < requested.length(); i++) {
            char c = requested.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '\\') {
                return ROOT;
            }
            if (Character.isSurrogate(c)) {
                // only a pair is a character; a lone surrogate cannot be written in a URL
                if (!Character.isHighSurrogate(c) || i + 1 == requested.length()
                        || !Character.isLowSurrogate(requested.charAt(i + 1))) {
                    return ROOT;
                }
                i++;
            }
        }
        if (requested.startsWith("//")) {
            return ROOT;
        }
        URI uri;
        try {
            uri = new URI(requested);
        } catch (URISyntaxException e) {
            return ROOT;
        }
        if (uri.getScheme() != null || uri.getRawAuthority() != null || hasDotSegment(uri.getPath())) {
            return ROOT;
        }
        String path = uri.toASCIIString();
        path = path.startsWith("/") ? path : "/" + path;
        try {
            // read back: java.net.URI lets a few characters through ("`") that it refuses in a path
            new URI(path);
        } catch (URISyntaxException e) {
            return ROOT;
        }
        return path;
    }

    private static boolean hasDotSegment(String decodedPath) {
        for (String segment : decodedPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }
}

package io.github.oauthconsumer.validation;

import java.net.URI;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Finds the URL a client signed when the request reached the application through a reverse proxy
 * or load balancer, which changes the scheme, host, port or path prefix the application sees:
 *
 * <ul>
 * <li>a configured public base URL (the public URL of the application's context root) replaces
 *     scheme, host, port and context path;</li>
 * <li>otherwise, when the proxy is trusted, {@code Forwarded} (RFC 7239; its first element, the one
 *     the client-facing proxy wrote) or {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and
 *     {@code X-Forwarded-Port} (first value each) replace scheme, host and port; a forwarded value
 *     that is not a valid scheme, host or port is ignored;</li>
 * <li>otherwise the request URL as received is the signed one.</li>
 * </ul>
 *
 * The path and query are always the raw ones the request carried.
 */
final class SignedUrls {

    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._~%!$&'()*+,;=-]+)(:\\d{1,5})?");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private SignedUrls() {
    }

    /**
     * The signed URL.
     *
     * @param requestUri     the absolute URI of the request, with its raw path and query
     * @param contextPath    the application's context path, empty for the root context
     * @param publicBaseUrl  the configured public base URL, or null
     * @param trustedHeaders the request's headers (first value by name) when the proxy is trusted, or null
     */
    static String signedUrl(URI requestUri, String contextPath, String publicBaseUrl, UnaryOperator<String> trustedHeaders) {
        String path = requestUri.getRawPath() == null || requestUri.getRawPath().isEmpty() ? "/" : requestUri.getRawPath();
        String query = requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery();
        if (publicBaseUrl != null) {
            String base = publicBaseUrl.trim();
            base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            String below = !contextPath.isEmpty() && path.startsWith(contextPath) ? path.substring(contextPath.length()) : path;
            return base + (below.startsWith("/") ? below : "/" + below) + query;
        }
        if (trustedHeaders == null) {
            return requestUri.getScheme() + "://" + requestUri.getRawAuthority() + path + query;
        }
        Forwarded forwarded = Forwarded.of(trustedHeaders);
        String scheme = forwarded.proto != null ? forwarded.proto : requestUri.getScheme().toLowerCase(Locale.ROOT);
        String host = forwarded.host;
        if (host == null) {
            String hostHeader = first(trustedHeaders.apply("Host"));
            host = hostHeader != null && HOST.matcher(hostHeader).matches() ? hostHeader : requestUri.getRawAuthority();
        }
        String port = forwarded.port;
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']')) {
            port = port != null ? port : host.substring(colon + 1);
            host = host.substring(0, colon);
        }
        boolean defaultPort = port == null || (scheme.equals("https") ? port.equals("443") : port.equals("80"));
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + query;
    }

    /** The first element of a comma-separated header value, trimmed; null when empty. */
    private static String first(String value) {
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');
        String first = (comma < 0 ? value : value.substring(0, comma)).trim();
        return first.isEmpty() ? null : first;
    }

    /** The scheme, host and port a trusted proxy forwarded; each null when absent or invalid. */
    private record Forwarded(String proto, String host, String port) {

        static Forwarded of(UnaryOperator<String> headers) {
            String proto = null;
            String host = null;
            String forwarded = first(headers.apply("Forwarded"));
            if (forwarded != null) {
                for (String pair : forwarded.split(";")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0) {
                        String name = pair.substring(0, equals).trim().toLowerCase(Locale.ROOT);
                        String value = unquote(pair.substring(equals + 1).trim());
                        if (name.equals("proto")) {
                            proto = value;
                        } else if (name.equals("host")) {
                            host = value;
                        }
                    }
                }
            }
            proto = proto != null ? proto : first(headers.apply("X-Forwarded-Proto"));
            host = host != null ? host : first(headers.apply("X-Forwarded-Host"));
            String port = first(headers.apply("X-Forwarded-Port"));
            proto = proto == null ? null : proto.toLowerCase(Locale.ROOT);
            return new Forwarded(
                    "http".equals(proto) || "https".equals(proto) ? proto : null,
                    host != null && HOST.matcher(host).matches() ? host : null,
                    port != null && PORT.matcher(port).matches() ? port : null);
        }

        private static String unquote(String value) {
            return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                    ? value.substring(1, value.length() - 1) : value;
        }
    }
}

package io.github.oauthconsumer.benchmarks;

import jakarta.ws.rs.core.MultivaluedMap;
import org.glassfish.jersey.oauth1.signature.OAuth1Request;
import org.glassfish.jersey.uri.UriComponent;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory {@link OAuth1Request} for Jersey's {@code OAuth1Signature}, built as Jersey's own
 * client filter builds its request wrapper: the query is decoded with {@link UriComponent}, the
 * decoded form parameters are added, and headers are kept in a map. No I/O.
 */
final class JerseyRequest implements OAuth1Request {

    private final String method;
    private final URL url;
    private final Map<String, List<String>> parameters = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new HashMap<>(4);

    JerseyRequest(String method, String url, String[][] form) {
        this.method = method;
        try {
            this.url = new URL(url);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        String query = this.url.getQuery();
        if (query != null) {
            MultivaluedMap<String, String> decoded = UriComponent.decodeQuery(query, true);
            decoded.forEach((name, values) -> parameters.computeIfAbsent(name, n -> new ArrayList<>(1)).addAll(values));
        }
        for (String[] pair : form) {
            parameters.computeIfAbsent(pair[0], n -> new ArrayList<>(1)).add(pair[1]);
        }
    }

    @Override
    public String getRequestMethod() {
        return method;
    }

    @Override
    public URL getRequestURL() {
        return url;
    }

    @Override
    public Set<String> getParameterNames() {
        return parameters.keySet();
    }

    @Override
    public List<String> getParameterValues(String name) {
        return parameters.get(name);
    }

    @Override
    public List<String> getHeaderValues(String name) {
        return headers.get(name);
    }

    @Override
    public void addHeaderValue(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    }

    /** The first value of a header, or null. */
    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}

package io.github.oauthconsumer.it.flow;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One user's browser for the integration tests: keeps its cookies, never follows redirects by
 * itself (each step is asserted), and asks for HTML like a browser does.
 */
public final class Browser {

    public static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HttpClient client;
    private final Map<String, String> headers;

    /** A browser that adds these headers to every request. */
    public Browser(Map<String, String> headers) {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.headers = Map.copyOf(headers);
    }

    public Browser() {
        this(Map.of());
    }

    /** A GET that accepts HTML. */
    public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return get(uri, HTML);
    }

    /** A GET with this {@code Accept} header. */
    public HttpResponse<String> get(URI uri, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept", accept);
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST (fields in this order, UTF-8) that accepts HTML. */
    HttpResponse<String> post(URI uri, Map<String, String> form) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept", HTML)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asserts a 303 and returns its {@code Location}, resolved against the request. */
    public static URI seeOther(HttpResponse<String> response) {
        assertEquals(303, response.statusCode(), () -> "expected a redirect from " + response.uri() + ", got "
                + response.statusCode() + ": " + response.body());
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    /** The decoded query parameters of a URI. */
    public static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return parameters;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}

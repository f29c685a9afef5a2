package io.github.oauthconsumer.it;

import io.github.oauthconsumer.testsupport.JerseyOAuth1.Param;
import io.github.oauthconsumer.testsupport.JerseySigner;
import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signed requests for the integration tests that check incoming signatures, signed in the test JVM
 * by Jersey's OAuth 1 implementation ({@link JerseySigner}), and sent over HTTP/1.1 on loopback.
 * Close it when done.
 */
public final class SignedHttp implements AutoCloseable {

    private static final AtomicLong NONCES = new AtomicLong();

    private final JerseySigner jersey = new JerseySigner();
    private final HttpClient http;

    /** Signs, and sends without cookies. */
    public SignedHttp() {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Fresh protocol parameters: this key and method, the current timestamp, a new nonce, version 1.0. */
    public static OAuth1Parameters protocol(String consumerKey, String method) {
        return new OAuth1Parameters().consumerKey(consumerKey).signatureMethod(method)
                .timestamp(Long.toString(now())).nonce("it-" + System.nanoTime() + "-" + NONCES.incrementAndGet()).version();
    }

    /** The current time in seconds. */
    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** Signs; see {@link JerseySigner#sign}. */
    public OAuth1Parameters sign(String method, String url, List<Param> form, OAuth1Parameters protocol, String secret) {
        return jersey.sign(method, url, form, protocol, secret);
    }

    /** A GET with this {@code Authorization} header. */
    public static HttpRequest.Builder get(String url, String authorization) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization);
    }

    /** A POST of a form. */
    public static HttpRequest.Builder formPost(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    /** A signed form POST with the protocol parameters in the body, as an LTI 1.1 launch is sent. */
    public HttpRequest.Builder signedFormPost(String url, List<Param> form, String consumerKey, String secret) {
        OAuth1Parameters protocol = protocol(consumerKey, "HMAC-SHA1");
        protocol.callback("about:blank");
        OAuth1Parameters signed = sign("POST", url, form, protocol, secret);
        return formPost(url, JerseySigner.formEncoded(form) + "&" + JerseySigner.formEncoded(signed));
    }

    /** Sends and reads the answer as text. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form-encoded body as a map of first values. */
    public static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** A body of {@code name=value} lines, as a map. */
    public static Map<String, String> lines(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }

    @Override
    public void close() {
        jersey.close();
    }
}

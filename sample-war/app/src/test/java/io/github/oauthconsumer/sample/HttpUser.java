package io.github.oauthconsumer.sample;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One user's browser without a browser: keeps its cookies, asks for HTML, and never follows a
 * redirect by itself, so that each step of a flow is asserted.
 */
final class HttpUser {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** A GET that accepts HTML. */
    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** A form POST, fields in the order given. */
    HttpResponse<String> post(URI uri, Map<String, String> form) throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        form.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** The value of a cookie this user holds, if any. */
    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    /** The same person in a new browser session: a new user holding only this one of the cookies. */
    HttpUser withOnlyCookie(String name, URI site) {
        HttpUser fresh = new HttpUser();
        cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .forEach(cookie -> fresh.cookies.getCookieStore().add(site, cookie));
        return fresh;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.header("Accept", HTML).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Asserts a 303 and returns its {@code Location}, resolved against the request. */
    static URI seeOther(HttpResponse<String> response) {
        assertEquals(303, response.statusCode(), () -> "expected a redirect from " + response.uri() + ", got "
                + response.statusCode() + ": " + response.body());
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    /** Asserts a 200 and parses the page, with its URL as base for links. */
    static Document page(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), () -> "expected a page at " + response.uri() + ", got "
                + response.statusCode() + ": " + response.body());
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    /** A JSON object shown as text, as the sample's pages show the provider's answers. */
    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}

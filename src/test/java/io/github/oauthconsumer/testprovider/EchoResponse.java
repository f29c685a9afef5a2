package io.github.oauthconsumer.testprovider;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a protected resource of the test provider saw, after Jersey accepted the request.
 *
 * <p>The resources answer with this as an {@code application/x-www-form-urlencoded} body (so any
 * client can read it without a JSON library); {@link #parse(String)} reads it back. Names are
 * {@code endpoint}, {@code method}, {@code consumer_key}, {@code token}, {@code user},
 * {@code content_type}, {@code raw_query}, {@code body}, and prefixed {@code oauth.}, {@code query.},
 * {@code form.} for each parameter (repeated for repeated parameters).
 *
 * @param endpoint {@code echo} (3-legged) or {@code two-legged}
 * @param method the HTTP method
 * @param consumerKey the consumer Jersey authenticated
 * @param token the access token used, {@code null} for a 2-legged call
 * @param user the resource owner who approved the token; the consumer key for a 2-legged call
 * @param oauthParameters the OAuth protocol parameters as Jersey read them (Authorization header,
 *                        then {@code oauth_*} query or form parameters), including {@code oauth_signature}
 * @param query the decoded query parameters
 * @param form the decoded form parameters ({@code application/x-www-form-urlencoded} bodies only)
 * @param contentType the request {@code Content-Type}, or {@code null}
 * @param rawQuery the query string as received, or {@code null}
 * @param body the request body as UTF-8 text when it is not a form ({@code ""} when there is none)
 */
public record EchoResponse(String endpoint, String method, String consumerKey, String token, String user,
        Map<String, String> oauthParameters, Map<String, List<String>> query, Map<String, List<String>> form,
        String contentType, String rawQuery, String body) {

    public EchoResponse {
        oauthParameters = Collections.unmodifiableMap(new LinkedHashMap<>(oauthParameters));
        query = copy(query);
        form = copy(form);
    }

    /** The signature method the consumer used, e.g. {@code HMAC-SHA1}. */
    public String signatureMethod() {
        return oauthParameters.get("oauth_signature_method");
    }

    /** The first value of a query parameter, or {@code null}. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a form parameter, or {@code null}. */
    public String formParam(String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The form-encoded representation the resources send. */
    public String encode() {
        StringJoiner out = new StringJoiner("&");
        add(out, "endpoint", endpoint);
        add(out, "method", method);
        add(out, "consumer_key", consumerKey);
        add(out, "token", token);
        add(out, "user", user);
        add(out, "content_type", contentType);
        add(out, "raw_query", rawQuery);
        add(out, "body", body);
        oauthParameters.forEach((name, value) -> add(out, "oauth." + name, value));
        query.forEach((name, values) -> values.forEach(value -> add(out, "query." + name, value)));
        form.forEach((name, values) -> values.forEach(value -> add(out, "form." + name, value)));
        return out.toString();
    }

    /** Reads a response body of {@code GET/POST api/echo} or {@code api/two-legged}. */
    public static EchoResponse parse(String formEncoded) {
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, String> oauth = new LinkedHashMap<>();
        Map<String, List<String>> query = new LinkedHashMap<>();
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : formEncoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name.startsWith("oauth.")) {
                oauth.put(name.substring(6), value);
            } else if (name.startsWith("query.")) {
                query.computeIfAbsent(name.substring(6), n -> new ArrayList<>()).add(value);
            } else if (name.startsWith("form.")) {
                form.computeIfAbsent(name.substring(5), n -> new ArrayList<>()).add(value);
            } else {
                single.put(name, value);
            }
        }
        return new EchoResponse(single.get("endpoint"), single.get("method"), single.get("consumer_key"),
                single.get("token"), single.get("user"), oauth, query, form, single.get("content_type"),
                single.get("raw_query"), single.getOrDefault("body", ""));
    }

    private static void add(StringJoiner out, String name, String value) {
        if (value != null) {
            out.add(Problems.encode(name) + "=" + Problems.encode(value));
        }
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> map) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}

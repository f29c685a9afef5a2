package io.github.oauthconsumer.testprovider;

/**
 * One request the test provider received and the status it answered with, in arrival order.
 *
 * @param method the HTTP method
 * @param path the path relative to the provider's base URI, without a leading slash
 *             (e.g. {@code api/echo})
 * @param authorization the {@code Authorization} header as received, or {@code null}
 * @param userAgent the {@code User-Agent} header as received, or {@code null}
 * @param status the response status
 * @param wwwAuthenticate the {@code WWW-Authenticate} response header, or {@code null}
 */
public record RecordedExchange(String method, String path, String authorization, String userAgent, int status,
                               String wwwAuthenticate) {
}

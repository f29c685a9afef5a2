package io.github.oauthconsumer.flow;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The origin the flow builds its callback URL on, from what the client sent as {@code Host}. */
class AuthorizationServletTest {

    @ParameterizedTest
    @CsvSource({
            "http, example.com, 80, http://example.com",
            "https, example.com, 443, https://example.com",
            "http, 127.0.0.1, 8080, http://127.0.0.1:8080",
            "http, [::1], 8080, http://[::1]:8080"
    })
    void theOriginIsTheOneTheClientAddressed(String scheme, String host, int port, String origin) {
        assertEquals(origin, AuthorizationServlet.origin(request(scheme, host, port)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[::1", "a b", "exa mple.com", "a/b", "a?b", "a#b", "u@a", "[zz]", "a\u0000b", ""})
    void aHostThatIsNoHostHasNoOrigin(String host) {
        assertNull(AuthorizationServlet.origin(request("http", host, 80)));
    }

    private static HttpServletRequest request(String scheme, String host, int port) {
        return (HttpServletRequest) Proxy.newProxyInstance(AuthorizationServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getScheme" -> scheme;
                    case "getServerName" -> host;
                    case "getServerPort" -> port;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}

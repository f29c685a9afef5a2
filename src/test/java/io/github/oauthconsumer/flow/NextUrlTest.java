package io.github.oauthconsumer.flow;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The next URL never leads off the application: an open redirect through the flow is impossible. */
class NextUrlTest {

    @ParameterizedTest
    @CsvSource({
            "/orders, /orders",
            "'/orders?id=3&sort=desc', '/orders?id=3&sort=desc'",
            "/orders#top, /orders#top",
            "orders/3, /orders/3",
            "'?tab=2', '/?tab=2'",
            "/a/b%20c, /a/b%20c",
            "/https://evil.example/, /https://evil.example/",
            "/caf\u00e9, /caf%C3%A9",
            "/\ud83d\ude00, /%F0%9F%98%80"
    })
    void keepsPathsOnThisApplication(String requested, String expected) {
        assertEquals(expected, NextUrl.sanitize(requested));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example/",
            "http://evil.example",
            "HTTPS://evil.example/x",
            "//evil.example/x",
            "///evil.example/x",
            "/\\evil.example/x",
            "\\\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\nSet-Cookie: x=1",
            " /orders",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "mailto:a@example.com",
            "/../other-app/",
            "/a/../../other-app/",
            "/%2e%2e/other-app/",
            "/./x",
            "/a b",
            "/%zz",
            "/a\ud800",
            "/a\udc00b",
            "/a\ud800\ud800",
            "`"
    })
    void replacesEverythingElseByTheRoot(String requested) {
        assertEquals("/", NextUrl.sanitize(requested));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void defaultsToTheRoot(String requested) {
        assertEquals("/", NextUrl.sanitize(requested));
    }
}

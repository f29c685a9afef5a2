package io.github.oauthconsumer.flow;

import jakarta.ws.rs.core.HttpHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Browsers are sent to the flow with the current URL as next; other clients get a 401 challenge. */
class AccessTokenChallengeTest {

    private static final FlowPaths PATHS = new FlowPaths("/oauth1");
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void redirectsABrowserGetToTheStartWithTheCurrentUrlAsNext() {
        AccessTokenChallenge challenge = AccessTokenChallenge.of("jira", "GET", BROWSER_ACCEPT,
                "http://127.0.0.1:8080", "/shop", "/shop/api/orders/3", "tab=2&x=%C3%A9", PATHS);

        assertEquals(303, challenge.status());
        assertEquals("/shop/oauth1/jira/authorize?next=%2Fapi%2Forders%2F3%3Ftab%3D2%26x%3D%25C3%25A9",
                challenge.location());
        assertNull(challenge.wwwAuthenticate());
    }

    @Test
    void leavesTheQueryOutWhenThereIsNone() {
        AccessTokenChallenge challenge = AccessTokenChallenge.of("jira", "GET", "application/xhtml+xml",
                "http://127.0.0.1:8080", "", "/orders", null, PATHS);

        assertEquals("/oauth1/jira/authorize?next=%2Forders", challenge.location());
    }

    @ParameterizedTest
    @CsvSource(value = {
            "GET, application/json",
            "GET, */*",
            "GET, NULL",
            "POST, text/html",
            "DELETE, text/html"
    }, nullValues = "NULL")
    void answersOtherRequestsWith401AndWhereToAuthorize(String method, String accept) {
        AccessTokenChallenge challenge = AccessTokenChallenge.of("jira", method, accept,
                "http://127.0.0.1:8080", "/shop", "/shop/api/orders", null, PATHS);

        assertEquals(401, challenge.status());
        assertNull(challenge.location());
        assertEquals("OAuth realm=\"jira\"", challenge.wwwAuthenticate());
        assertTrue(challenge.body().contains("http://127.0.0.1:8080/shop/oauth1/jira/authorize?next=%2Fapi%2Forders"),
                challenge.body());
    }

    @Test
    void quotesTheRealm() {
        AccessTokenChallenge challenge = AccessTokenChallenge.of("a\"b\\c", "GET", null, "http://h", "", "/x", null, PATHS);

        assertEquals("OAuth realm=\"a\\\"b\\\\c\"", challenge.wwwAuthenticate());
    }

    @Test
    void jaxRsResponseCarriesTheChallengeAndAnEntity() {
        AccessTokenChallenge challenge = AccessTokenChallenge.of("jira", "GET", null, "http://h", "", "/x", null, PATHS);

        jakarta.ws.rs.core.Response response = challenge.toResponse();

        assertEquals(401, response.getStatus());
        assertEquals("OAuth realm=\"jira\"", response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
        assertEquals("no-store", response.getHeaderString(HttpHeaders.CACHE_CONTROL));
        assertEquals(challenge.body(), response.getEntity());
    }
}

package io.github.oauthconsumer.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authorization URL's placeholders: filled in percent-encoded, and nothing else in braces. */
class AuthorizationUrlTemplateTest {

    @Test
    void etradesUrlGetsTheConsumerKeyAndTheRequestTokenPercentEncoded() {
        AuthorizationUrlTemplate template = AuthorizationUrlTemplate.parse(
                "https://us.etrade.com/e/t/etws/authorize?key={consumer_key}&token={oauth_token}");

        // the request token of E*TRADE's own documented example, and a key with reserved characters
        assertEquals("https://us.etrade.com/e/t/etws/authorize?key=k%2By%20z&token=%2FiQRgQCRGPo7Xdk6G8QDSEzX0Jsy6sKNcULcDavAGgU%3D",
                template.expand("/iQRgQCRGPo7Xdk6G8QDSEzX0Jsy6sKNcULcDavAGgU=", "k+y z"));
        assertTrue(template.hasTokenPlaceholder());
    }

    @Test
    void placeholdersMayStandAnywhereAndMoreThanOnce() {
        AuthorizationUrlTemplate template = AuthorizationUrlTemplate.parse(
                "https://p.example/apps/{consumer_key}/authorize/{oauth_token}?again={oauth_token}#{consumer_key}");

        assertEquals("https://p.example/apps/key~1/authorize/t.1?again=t.1#key~1", template.expand("t.1", "key~1"));
    }

    @Test
    void aUrlWithoutPlaceholdersStaysAsItIs() {
        String trello = "https://trello.com/1/OAuthAuthorizeToken?name=My%20App&scope=read,write&expiration=never";
        AuthorizationUrlTemplate template = AuthorizationUrlTemplate.parse(trello);

        assertEquals(trello, template.expand("t", "k"));
        assertFalse(template.hasTokenPlaceholder());
        assertFalse(AuthorizationUrlTemplate.parse("https://p.example/auth?key={consumer_key}").hasTokenPlaceholder());
    }

    @Test
    void anUnknownPlaceholderOrAStrayBraceIsRefused() {
        assertEquals("has an unknown placeholder {token}; known: {oauth_token}, {consumer_key}",
                assertThrows(IllegalArgumentException.class,
                        () -> AuthorizationUrlTemplate.parse("https://p.example/auth?token={token}")).getMessage());
        assertEquals("has an unknown placeholder {}; known: {oauth_token}, {consumer_key}",
                assertThrows(IllegalArgumentException.class,
                        () -> AuthorizationUrlTemplate.parse("https://p.example/auth?token={}")).getMessage());
        assertEquals("has a '{' that opens no placeholder", assertThrows(IllegalArgumentException.class,
                () -> AuthorizationUrlTemplate.parse("https://p.example/auth?token={oauth_token")).getMessage());
        assertEquals("has a '}' that closes no placeholder", assertThrows(IllegalArgumentException.class,
                () -> AuthorizationUrlTemplate.parse("https://p.example/auth?token=oauth_token}")).getMessage());
    }
}

package io.github.oauthconsumer.flow;

import io.github.oauthconsumer.api.RequestToken;
import io.github.oauthconsumer.spi.PendingAuthorization;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library's own verifier page, and the token that binds its form to one pending authorization. */
class VerifierPageTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void thePageLinksToTheProviderInAnotherTabAndPostsTheCodeWithTheToken() {
        String html = FlowPages.html(new FlowOutcome.VerifierForm("etrade", "https://p.example/auth?key=k&token=t",
                "/shop/oauth1/etrade/verifier", "abc_-1"));

        assertTrue(html.contains("<a id=\"authorize\" href=\"https://p.example/auth?key=k&amp;token=t\" target=\"_blank\""
                + " rel=\"noopener noreferrer\">Open the approval page of etrade</a>"), html);
        assertTrue(html.contains("<form method=\"post\" action=\"/shop/oauth1/etrade/verifier\">"), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"csrf_token\" value=\"abc_-1\">"), html);
        assertTrue(html.contains("<input id=\"verifier\" name=\"oauth_verifier\" required autocomplete=\"off\" maxlength=\"1024\">"),
                html);
    }

    @Test
    void everyValueIsEscaped() {
        String html = FlowPages.html(new FlowOutcome.VerifierForm("<b>\"x\"</b>", "https://p.example/?a=\"><script>",
                "/a\"b", "'t'"));

        assertFalse(html.contains("<b>") || html.contains("<script>") || html.contains("'t'"), html);
        assertTrue(html.contains("&lt;b&gt;&quot;x&quot;&lt;/b&gt;"), html);
        assertTrue(html.contains("action=\"/a&quot;b\""), html);
    }

    @Test
    void theFormsTokenFitsItsOwnPendingAuthorizationOnly() {
        PendingAuthorization pending = pending("token-1", "secret-1");
        String token = VerifierFormToken.of(pending);

        assertTrue(VerifierFormToken.matches(pending, token));
        assertTrue(VerifierFormToken.matches(pending("token-1", "secret-1"), token), "the same authorization, read again");
        assertFalse(VerifierFormToken.matches(pending("token-2", "secret-1"), token));
        assertFalse(VerifierFormToken.matches(pending("token-1", "secret-2"), token));
        assertFalse(VerifierFormToken.matches(new PendingAuthorization("other", pending.requestToken(), "/", NOW), token));
        assertFalse(VerifierFormToken.matches(pending, null));
        assertFalse(VerifierFormToken.matches(pending, "%%%"));
        assertNotEquals(token, VerifierFormToken.of(pending("token-2", "secret-1")));
        assertEquals(43, token.length(), "256 bits, URL-safe Base64 without padding");
    }

    private static PendingAuthorization pending(String token, String secret) {
        return new PendingAuthorization("etrade", new RequestToken(token, secret, true, Map.of()), "/", NOW);
    }
}

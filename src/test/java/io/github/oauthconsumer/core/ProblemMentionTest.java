package io.github.oauthconsumer.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A problem named in a body that is no problem report, such as a servlet container's HTML error page. */
class ProblemMentionTest {

    /** The shape of E*TRADE's answer to a rejected token, as its users report it. */
    private static final String HTML = "<html><head><title> - Error report</title></head><body><h1>HTTP Status 401 -"
            + " oauth_problem=token_rejected</h1><p><b>message</b> <u>oauth_problem=token_rejected</u></p></body></html>";

    @Test
    void theProblemIsFoundWhereverTheBodyNamesIt() {
        assertTrue(ProviderErrors.mentionsProblem(HTML, "token_rejected"));
        assertTrue(ProviderErrors.mentionsProblem("oauth_problem=token_rejected", "token_rejected"));
        assertTrue(ProviderErrors.mentionsProblem("x oauth_problem=token_rejectedness oauth_problem=token_rejected.",
                "token_rejected"));
    }

    @Test
    void aLongerCodeOrAnotherCodeOrNoBodyIsNotIt() {
        assertFalse(ProviderErrors.mentionsProblem("oauth_problem=token_rejected_forever", "token_rejected"));
        assertFalse(ProviderErrors.mentionsProblem("oauth_problem=token_rejected-2", "token_rejected"));
        assertFalse(ProviderErrors.mentionsProblem(HTML, "token_expired"));
        assertFalse(ProviderErrors.mentionsProblem("token_rejected", "token_rejected"));
        assertFalse(ProviderErrors.mentionsProblem(null, "token_rejected"));
    }
}

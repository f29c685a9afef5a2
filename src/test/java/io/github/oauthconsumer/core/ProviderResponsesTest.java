package io.github.oauthconsumer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthException;
import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.api.RequestToken;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What providers answer: token responses (RFC 5849 sections 2.1 and 2.3, OAuth Session) and error responses. */
class ProviderResponsesTest {

    private static final Instant RECEIVED = Instant.parse("2025-01-02T03:04:05Z");

    @Nested
    class Tokens {

        @Test
        void requestTokenWithConfirmedCallbackAndExtraFields() {
            RequestToken token = TokenResponses.requestToken("oauth_token=hdk48Djdsa&oauth_token_secret=xyz4992k83j47x0b"
                    + "&oauth_callback_confirmed=true&xoauth_request_auth_url=https%3A%2F%2Fsp.example%2Fauthorize\r\n");

            assertEquals("hdk48Djdsa", token.token());
            assertEquals("xyz4992k83j47x0b", token.secret());
            assertTrue(token.callbackConfirmed());
            assertEquals(Map.of("xoauth_request_auth_url", List.of("https://sp.example/authorize")), token.additionalParameters());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "&oauth_callback_confirmed=false", "&oauth_callback_confirmed=TRUE", "&oauth_callback_confirmed="})
        void callbackIsConfirmedOnlyByTrue(String suffix) {
            assertFalse(TokenResponses.requestToken("oauth_token=t&oauth_token_secret=s" + suffix).callbackConfirmed());
        }

        @Test
        void accessTokenWithSessionExtensionAndExtraFields() {
            AccessToken token = TokenResponses.accessToken("oauth_token=nnch734d00sl2jdk&oauth_token_secret=pfkkdhi9sl3r4s00"
                    + "&oauth_session_handle=h4ndle&oauth_expires_in=3600&oauth_authorization_expires_in=86400"
                    + "&user_id=42&screen_name=jane+doe&role=a&role=b", RECEIVED);

            assertEquals("nnch734d00sl2jdk", token.token());
            assertEquals("pfkkdhi9sl3r4s00", token.secret());
            assertEquals("h4ndle", token.sessionHandle());
            assertTrue(token.isRenewable());
            assertEquals(RECEIVED.plusSeconds(3600), token.expiresAt());
            assertEquals(RECEIVED.plusSeconds(86400), token.authorizationExpiresAt());
            assertEquals(Map.of("user_id", List.of("42"), "screen_name", List.of("jane doe"), "role", List.of("a", "b")),
                    token.additionalParameters());
            assertEquals("42", token.additionalParameter("user_id").orElseThrow());
            assertFalse(token.isExpiredAt(RECEIVED.plusSeconds(3599)));
            assertTrue(token.isExpiredAt(RECEIVED.plusSeconds(3600)));
        }

        @Test
        void accessTokenWithoutSessionExtension() {
            AccessToken token = TokenResponses.accessToken("oauth_token=t&oauth_token_secret=s&oauth_session_handle=", RECEIVED);

            assertNull(token.sessionHandle());
            assertFalse(token.isRenewable());
            assertNull(token.expiresAt());
            assertNull(token.authorizationExpiresAt());
            assertTrue(token.additionalParameters().isEmpty());
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "",
                "   ",
                "<html><body>Service Unavailable</body></html>",
                "{\"oauth_token\":\"t\",\"oauth_token_secret\":\"s\"}",
                "oauth_token=t",
                "oauth_token_secret=s",
                "oauth_token=&oauth_token_secret=s",
                "oauth_token=t&oauth_token_secret=s%zz"})
        void garbageIsAProviderError(String body) {
            assertThrows(OAuthProviderException.class, () -> TokenResponses.requestToken(body));
            assertThrows(OAuthProviderException.class, () -> TokenResponses.accessToken(body, RECEIVED));
        }

        @Test
        void nullBodyIsAProviderError() {
            assertThrows(OAuthProviderException.class, () -> TokenResponses.requestToken(null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"oauth_expires_in=soon", "oauth_authorization_expires_in=1.5", "oauth_expires_in=99999999999999999999",
                "oauth_expires_in=31556889864403199", "oauth_expires_in=-99999999999999999", "oauth_expires_in=-1",
                "oauth_authorization_expires_in=31556889864403199", "oauth_authorization_expires_in=-99999999999999999"})
        void expiryThatIsNotSecondsIsAProviderError(String field) {
            OAuthProviderException e = assertThrows(OAuthProviderException.class,
                    () -> TokenResponses.accessToken("oauth_token=t&oauth_token_secret=T0P-S3CRET&" + field, RECEIVED));

            assertFalse(e.getMessage().contains("T0P-S3CRET"));
        }

        @Test
        void errorsNameTheFieldsButNotTheirValues() {
            OAuthProviderException e = assertThrows(OAuthProviderException.class,
                    () -> TokenResponses.accessToken("oauth_token_secret=T0P-S3CRET&oauth_session_handle=H4NDLE", RECEIVED));

            assertTrue(e.getMessage().contains("oauth_token"), e.getMessage());
            assertFalse(e.getMessage().contains("T0P-S3CRET"), e.getMessage());
            assertFalse(e.getMessage().contains("H4NDLE"), e.getMessage());
        }
    }

    @Nested
    class Errors {

        @Test
        void problemInTheWwwAuthenticateHeader() {
            OAuthException e = ProviderErrors.fromResponse(401,
                    "OAuth realm=\"http://sp.example.com/\", oauth_problem=\"token_expired\","
                            + " oauth_problem_advice=\"Renew%20the%20token\"",
                    "<html>401</html>");

            OAuthProblemException problem = assertInstanceOf(OAuthProblemException.class, e);
            assertEquals(OAuthProblem.TOKEN_EXPIRED, problem.problem());
            assertEquals(401, problem.status());
            assertTrue(problem.getMessage().contains("Renew the token"), problem.getMessage());
            assertEquals(Map.of("oauth_problem_advice", "Renew the token"), problem.parameters());
        }

        @Test
        void problemInAFormBody() {
            OAuthException e = ProviderErrors.fromResponse(401, null,
                    "oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1700000000-1700000600"
                            + "&oauth_problem_advice=Check+your+clock\n");

            OAuthProblemException problem = assertInstanceOf(OAuthProblemException.class, e);
            assertEquals(OAuthProblem.TIMESTAMP_REFUSED, problem.problem());
            assertEquals("1700000000-1700000600", problem.parameters().get("oauth_acceptable_timestamps"));
            assertEquals("Check your clock", problem.parameters().get("oauth_problem_advice"));
            assertTrue(problem.getMessage().contains("Check your clock"));
        }

        @Test
        void problemWithoutAdviceNamesTheStatus() {
            OAuthProblemException problem = assertInstanceOf(OAuthProblemException.class, ProviderErrors.fromResponse(400, null,
                    "oauth_problem=parameter_absent&oauth_parameters_absent=oauth_verifier"));

            assertEquals(OAuthProblem.PARAMETER_ABSENT, problem.problem());
            assertEquals(400, problem.status());
            assertEquals("oauth_verifier", problem.parameters().get("oauth_parameters_absent"));
            assertTrue(problem.getMessage().contains("400"), problem.getMessage());
        }

        @Test
        void unknownProblemCodeIsKept() {
            OAuthProblemException problem = assertInstanceOf(OAuthProblemException.class,
                    ProviderErrors.fromResponse(403, null, "oauth_problem=account_suspended"));

            assertEquals("account_suspended", problem.problem().code());
            assertEquals(403, problem.status());
        }

        @Test
        void headerWinsOverBody() {
            OAuthProblemException problem = assertInstanceOf(OAuthProblemException.class, ProviderErrors.fromResponse(401,
                    "OAuth oauth_problem=\"nonce_used\"", "oauth_problem=signature_invalid"));

            assertEquals(OAuthProblem.NONCE_USED, problem.problem());
        }

        @Test
        void headerWithoutProblemOrMalformedFallsBackToTheBody() {
            assertEquals(OAuthProblem.SIGNATURE_INVALID, assertInstanceOf(OAuthProblemException.class, ProviderErrors.fromResponse(
                    401, "OAuth realm=\"x\"", "oauth_problem=signature_invalid")).problem());
            assertEquals(OAuthProblem.SIGNATURE_INVALID, assertInstanceOf(OAuthProblemException.class, ProviderErrors.fromResponse(
                    401, "OAuth oauth_problem=unquoted", "oauth_problem=signature_invalid")).problem());
            assertEquals(OAuthProblem.SIGNATURE_INVALID, assertInstanceOf(OAuthProblemException.class, ProviderErrors.fromResponse(
                    401, "Basic realm=\"x\"", "oauth_problem=signature_invalid")).problem());
        }

        @Test
        void htmlBodyIsAProviderErrorWithTheStatus() {
            OAuthException e = ProviderErrors.fromResponse(500, null,
                    "<html>\n  <body>\n    <h1>Internal Server Error</h1>\n  </body>\n</html>");

            OAuthProviderException provider = assertInstanceOf(OAuthProviderException.class, e);
            assertEquals(500, provider.providerStatus());
            assertFalse(provider.isTimedOut());
            assertTrue(provider.getMessage().contains("HTTP 500"), provider.getMessage());
            assertTrue(provider.getMessage().contains("<h1>Internal Server Error</h1>"), provider.getMessage());
        }

        @Test
        void longBodyIsShortenedInTheMessage() {
            OAuthException e = ProviderErrors.fromResponse(502, null, "x".repeat(5000));

            assertTrue(e.getMessage().length() < 300, e.getMessage());
        }

        @Test
        void bodyThatMentionsOAuthProblemButIsNotAFormIsAProviderError() {
            OAuthException e = ProviderErrors.fromResponse(500, null, "<p>oauth_problem=%zz</p>");

            assertInstanceOf(OAuthProviderException.class, e);
        }

        @Test
        void emptyResponseIsAProviderError() {
            OAuthProviderException e = assertInstanceOf(OAuthProviderException.class, ProviderErrors.fromResponse(503, null, null));

            assertEquals(503, e.providerStatus());
            assertInstanceOf(OAuthProviderException.class, ProviderErrors.fromResponse(503, "", "  "));
        }
    }
}

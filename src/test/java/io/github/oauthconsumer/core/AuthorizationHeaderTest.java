package io.github.oauthconsumer.core;

import static io.github.oauthconsumer.core.VectorSupport.clockAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading {@code Authorization: OAuth} headers, and writing the three transports of RFC 5849 section 3.5. */
class AuthorizationHeaderTest {

    private static List<String> pairs(ParameterList list) {
        return IntStream.range(0, list.size()).mapToObj(i -> list.name(i) + "=" + list.value(i)).toList();
    }

    private static AuthorizationHeader parse(String value) {
        return AuthorizationHeader.parse(value).orElseThrow();
    }

    @Nested
    class Parsing {

        @ParameterizedTest
        @ValueSource(strings = {"OAuth", "oauth", "OAUTH", "oAuTh"})
        void schemeIsCaseInsensitive(String scheme) {
            assertEquals(List.of("oauth_token=t"), pairs(parse(scheme + " oauth_token=\"t\"").parameters()));
        }

        @Test
        void whitespaceAroundEverythingIsAllowed() {
            AuthorizationHeader header = parse("  OAuth \t realm = \"r\" ,\r\n oauth_token=\"t\"\t,oauth_nonce =\"n\"  ");

            assertEquals("r", header.realm());
            assertEquals(List.of("oauth_token=t", "oauth_nonce=n"), pairs(header.parameters()));
        }

        @Test
        void valuesArePercentDecodedAndQuotedStringEscapesUndone() {
            AuthorizationHeader header = parse("OAuth oauth_callback=\"http%3A%2F%2Fx.example%2Fcb%3Fa%3D1\","
                    + " oauth_signature=\"a%2Bb%3D\", x_quoted=\"say \\\"hi\\\" \\\\ bye\", oauth_token=\"\"");

            assertEquals(List.of("oauth_callback=http://x.example/cb?a=1", "oauth_signature=a+b=",
                    "x_quoted=say \"hi\" \\ bye", "oauth_token="), pairs(header.parameters()));
        }

        @Test
        void namesArePercentDecodedToo() {
            assertEquals(List.of("c@=1"), pairs(parse("OAuth c%40=\"1\"").parameters()));
        }

        @Test
        void realmIsKeptApartAndNotDecoded() {
            AuthorizationHeader header = parse("OAuth realm=\"http://sp.example.com/a%20b\", oauth_token=\"t\"");

            assertEquals("http://sp.example.com/a%20b", header.realm());
            assertFalse(header.parameters().first("realm").isPresent());
            assertEquals("r", parse("OAuth REALM=\"r\"").realm());
        }

        @Test
        void repeatedParametersAreKeptForTheVerifierToRefuse() {
            AuthorizationHeader header = parse("OAuth oauth_nonce=\"a\", oauth_nonce=\"b\"");

            assertEquals(List.of("oauth_nonce=a", "oauth_nonce=b"), pairs(header.parameters()));
        }

        @Test
        void schemeAloneHasNoParameters() {
            AuthorizationHeader header = parse("OAuth");

            assertNull(header.realm());
            assertTrue(header.parameters().isEmpty());
        }

        @Test
        void parametersAreACopy() {
            AuthorizationHeader header = parse("OAuth oauth_token=\"t\"");
            header.parameters().add("x", "y");

            assertEquals(1, header.parameters().size());
        }

        @ParameterizedTest
        @ValueSource(strings = {"Basic dXNlcjpwYXNzd29yZA==", "Bearer abc", "OAuthx a=\"b\"", "Digest username=\"u\"", "", "   "})
        void otherSchemesAreNotOAuthHeaders(String value) {
            assertTrue(AuthorizationHeader.parse(value).isEmpty());
        }

        @Test
        void absentHeaderIsNotAnOAuthHeader() {
            assertTrue(AuthorizationHeader.parse(null).isEmpty());
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "OAuth oauth_token",
                "OAuth oauth_token=",
                "OAuth oauth_token=t0ken-value",
                "OAuth oauth_token=\"t0ken-value",
                "OAuth oauth_token=\"t0ken-value\" oauth_nonce=\"n\"",
                "OAuth oauth_token=\"t0ken-value\";oauth_nonce=\"n\"",
                "OAuth oauth_token=\"t0ken-value\",",
                "OAuth oauth_token=\"t0ken-value\",,oauth_nonce=\"n\"",
                "OAuth =\"t0ken-value\"",
                "OAuth oauth_token=\"t0ken-value%zz\"",
                "OAuth oauth_token=\"t0ken-value%C3\""})
        void malformedHeadersAreRefusedWithParameterRejected(String value) {
            OAuthProblemException e = assertThrows(OAuthProblemException.class, () -> AuthorizationHeader.parse(value));

            assertEquals(OAuthProblem.PARAMETER_REJECTED, e.problem());
            assertEquals(400, e.status());
            assertFalse(e.getMessage().contains("t0ken-value"), e.getMessage());
        }
    }

    @Nested
    class Writing {

        private SignedParameters sign(OAuthSigner.Builder signer, OAuthRequest request) {
            return signer.clock(clockAt(1_700_000_000L)).nonces(() -> "n0nce").build().sign(request);
        }

        private OAuthSigner.Builder signer() {
            return OAuthSigner.builder("key with space").consumerSecret("cs");
        }

        @Test
        void headerListsEveryParameterEncodedWithTheSignatureLast() {
            OAuthRequest request = OAuthRequest.builder("POST", "https://sp.example.com/initiate")
                    .protocolParameter("oauth_callback", "https://c.example/cb?x=1 2").build();

            SignedParameters signed = sign(signer().realm("Photos"), request);

            String header = signed.authorizationHeader();
            assertEquals("OAuth realm=\"Photos\", oauth_consumer_key=\"key%20with%20space\", oauth_nonce=\"n0nce\","
                    + " oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1700000000\", oauth_version=\"1.0\","
                    + " oauth_callback=\"https%3A%2F%2Fc.example%2Fcb%3Fx%3D1%202\", oauth_signature=\""
                    + PercentEncoding.encode(signed.signature()) + "\"", header);
        }

        @Test
        void headerReadsBackToTheSameParameters() {
            OAuthRequest request = OAuthRequest.builder("GET", "https://sp.example.com/r")
                    .token(AccessToken.of("t/k+n", "ts")).build();

            SignedParameters signed = sign(signer().realm("a \"quoted\\\" realm"), request);
            AuthorizationHeader read = parse(signed.authorizationHeader());

            assertEquals("a \"quoted\\\" realm", read.realm());
            assertEquals(pairs(signed.asParameterList()), pairs(read.parameters()));
            assertEquals("t/k+n", signed.get("oauth_token"));
            assertNull(signed.get("oauth_verifier"));
        }

        @Test
        void headerWithoutRealmStartsWithTheConsumerKey() {
            SignedParameters signed = sign(signer(), OAuthRequest.builder("GET", "https://sp.example.com/r").build());

            assertTrue(signed.authorizationHeader().startsWith("OAuth oauth_consumer_key=\"key%20with%20space\", "));
            assertNull(parse(signed.authorizationHeader()).realm());
        }

        @Test
        void versionCanBeLeftOut() {
            SignedParameters signed = sign(signer().includeVersion(false), OAuthRequest.builder("GET", "https://x/").build());

            assertNull(signed.get("oauth_version"));
            assertFalse(signed.authorizationHeader().contains("oauth_version"));
        }

        @Test
        void appendToUrlChoosesTheSeparatorAndDropsTheFragment() {
            SignedParameters signed = sign(signer(), OAuthRequest.builder("GET", "https://x/p").build());
            String parameters = signed.toFormEncoded();

            assertEquals("https://x/p?" + parameters, signed.appendToUrl("https://x/p"));
            assertEquals("https://x/p?a=1&" + parameters, signed.appendToUrl("https://x/p?a=1"));
            assertEquals("https://x/p?" + parameters, signed.appendToUrl("https://x/p?"));
            assertEquals("https://x/p?a=1&" + parameters, signed.appendToUrl("https://x/p?a=1&"));
            assertEquals("https://x/p?a=1&" + parameters, signed.appendToUrl("https://x/p?a=1#frag"));
        }

        @Test
        void formEncodedParametersArePercentEncoded() {
            SignedParameters signed = sign(signer(), OAuthRequest.builder("GET", "https://x/p").build());

            assertTrue(signed.toFormEncoded().startsWith("oauth_consumer_key=key%20with%20space&"));
            assertEquals(pairs(signed.asParameterList()), pairs(ParameterList.parseFormEncoded(signed.toFormEncoded())));
            assertTrue(signed.toFormEncoded().endsWith("&oauth_signature=" + PercentEncoding.encode(signed.signature())));
        }
    }
}

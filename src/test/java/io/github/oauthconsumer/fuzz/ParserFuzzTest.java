package io.github.oauthconsumer.fuzz;

import io.github.oauthconsumer.api.OAuthException;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.core.AuthorizationHeader;
import io.github.oauthconsumer.core.ParameterList;
import io.github.oauthconsumer.core.PemKeys;
import io.github.oauthconsumer.core.PercentEncoding;
import io.github.oauthconsumer.core.ProviderErrors;
import io.github.oauthconsumer.core.TokenResponses;
import io.github.oauthconsumer.testprovider.TestCertificates;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's parsers of what clients and providers send, fed with mutations of valid inputs and
 * random text: each returns, or throws the exception its javadoc names, and nothing else.
 */
class ParserFuzzTest {

    private static final KeyPair RSA = TestCertificates.newRsaKeyPair(1024);
    private static final String CERTIFICATE = TestCertificates.selfSignedCertificatePem(RSA, "fuzz");
    private static final String PRIVATE_KEY = TestCertificates.privateKeyPem(RSA);
    private static final List<String> HEADERS = List.of(
            "OAuth realm=\"Example\", oauth_consumer_key=\"9djdj82h48djs9d2\", oauth_token=\"kkk9d7dh3k39sjv7\","
                    + " oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"137131201\", oauth_nonce=\"7d8f3e4a\","
                    + " oauth_signature=\"djosJKDKJSD8743243%2Fjdk33klY%3D\"",
            "OAuth oauth_consumer_key=\"a%20b\",oauth_version=\"1.0\"",
            "Basic bGVhcm5lcjpwYXNzd29yZA==");
    private static final List<String> TOKEN_ANSWERS = List.of(
            "oauth_token=hh5s93j4hdidpola&oauth_token_secret=hdhd0244k9j7ao03&oauth_callback_confirmed=true",
            "oauth_token=nnch734d00sl2jdk&oauth_token_secret=pfkkdhi9sl3r4s00&oauth_session_handle=h4&oauth_expires_in=3600"
                    + "&oauth_authorization_expires_in=86400&screen_name=x");

    @Property(seed = "5849")
    void authorizationHeadersParseOrAreRejectedAsParameterRejected(@ForAll("headers") String header) {
        try {
            assertNotNull(AuthorizationHeader.parse(header));
        } catch (OAuthProblemException rejected) {
            assertTrue(rejected.status() == 400, rejected::getMessage);
        }
    }

    @Property(seed = "5849")
    void percentDecodingDecodesOrRefuses(@ForAll("encodedText") String text) {
        try {
            assertNotNull(PercentEncoding.decode(text, true));
        } catch (IllegalArgumentException refused) {
            assertTrue(refused.getMessage() != null);
        }
    }

    @Property(seed = "5849")
    void formsParseInTheirCharsetOrAreRefused(@ForAll("encodedText") String text, @ForAll("charsets") Charset charset) {
        try {
            ParameterList parsed = ParameterList.parseFormEncoded(text, charset);
            for (int i = 0; i < parsed.size(); i++) {
                assertNotNull(parsed.name(i));
                assertNotNull(parsed.value(i));
            }
        } catch (IllegalArgumentException refused) {
            // documented: a malformed escape, or bytes not valid in the charset
        }
    }

    @Property(seed = "5849")
    void tokenAnswersAreReadOrRefusedAsProviderErrors(@ForAll("tokenAnswers") String answer) {
        try {
            assertNotNull(TokenResponses.accessToken(answer, Instant.EPOCH));
        } catch (OAuthProviderException refused) {
            assertTrue(refused.getMessage() != null);
        }
        try {
            assertNotNull(TokenResponses.requestToken(answer));
        } catch (OAuthProviderException refused) {
            assertTrue(refused.getMessage() != null);
        }
    }

    @Property(seed = "5849")
    void problemReportsAlwaysBecomeAnException(@ForAll("headers") String challenge, @ForAll("tokenAnswers") String body,
                                               @ForAll("statuses") int status) {
        OAuthException reported = ProviderErrors.fromResponse(status, challenge, body);
        assertNotNull(reported.getMessage());
    }

    @Property(seed = "5849")
    void pemKeysAreReadOrRefused(@ForAll("pems") String pem) {
        try {
            assertNotNull(PemKeys.publicKey(pem));
        } catch (IllegalArgumentException refused) {
            assertTrue(refused.getMessage() != null);
        }
        try {
            assertNotNull(PemKeys.privateKey(pem));
        } catch (IllegalArgumentException refused) {
            assertTrue(refused.getMessage() != null);
        }
    }

    @Provide
    Arbitrary<String> headers() {
        return Mutations.of(HEADERS);
    }

    @Provide
    Arbitrary<String> encodedText() {
        return Mutations.of(List.of("a=1&b=%C3%A9&c=x+y&oauth_nonce=n%20n", "caf%E9=%FC%DF", "%", "=&&=", "a=%zz"));
    }

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII,
                StandardCharsets.UTF_16, Charset.forName("windows-1252"), Charset.forName("Shift_JIS"));
    }

    @Provide
    Arbitrary<String> tokenAnswers() {
        return Mutations.of(TOKEN_ANSWERS);
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.of(200, 400, 401, 403, 404, 500, 502, 503, 0, -1, 999);
    }

    @Provide
    Arbitrary<String> pems() {
        return Mutations.of(List.of(CERTIFICATE, PRIVATE_KEY));
    }
}

package io.github.oauthconsumer.core;

import static io.github.oauthconsumer.core.VectorSupport.clockAt;
import static io.github.oauthconsumer.core.VectorSupport.resource;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.RequestToken;
import io.github.oauthconsumer.spi.SigningKeys;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** No toString() and no exception message of the engine shows a secret, a token secret or a key. */
class SecretsStayHiddenTest {

    private static final String CONSUMER_SECRET = "C0NSUMER-S3CRET";
    private static final String TOKEN_SECRET = "T0KEN-S3CRET";
    private static final String SESSION_HANDLE = "S3SSION-HANDLE";
    private static final String FORM_PASSWORD = "FORM-PA55WORD";

    private static void assertHides(String text, String... secrets) {
        for (String secret : secrets) {
            assertFalse(text.contains(secret), () -> "'" + text + "' shows " + secret);
            assertFalse(text.contains(PercentEncoding.encode(secret)), () -> "'" + text + "' shows " + secret);
        }
    }

    private static OAuthSigner plaintextSigner() {
        return OAuthSigner.builder("consumer").consumerSecret(CONSUMER_SECRET).signatureMethod("PLAINTEXT")
                .realm("Photos").clock(clockAt(1_700_000_000L)).nonces(() -> "nonce").build();
    }

    private static OAuthRequest requestWithSecrets() {
        return OAuthRequest.builder("POST", "https://sp.example.com/login")
                .formParameter("password", FORM_PASSWORD)
                .token(new AccessToken("token", TOKEN_SECRET, SESSION_HANDLE, null, null, Map.of()))
                .protocolParameter("oauth_session_handle", SESSION_HANDLE)
                .build();
    }

    @Test
    void signerShowsNeitherSecretNorKey() {
        PrivateKey key = PemKeys.privateKey(resource("keys/rsa-2048-pkcs8.pem"));
        String encodedKey = Base64.getEncoder().encodeToString(key.getEncoded()).substring(40, 80);
        OAuthSigner rsa = OAuthSigner.builder("consumer").signatureMethod("RSA-SHA256").privateKey(key).build();

        assertHides(plaintextSigner().toString(), CONSUMER_SECRET);
        assertHides(rsa.toString(), encodedKey);
        assertTrue(rsa.toString().contains("consumer"));
    }

    @Test
    void requestsAndSignedParametersShowNamesOnly() {
        SignedParameters signed = plaintextSigner().sign(requestWithSecrets());

        assertTrue(signed.signature().contains(CONSUMER_SECRET), "PLAINTEXT puts the secrets into the signature");
        assertHides(signed.toString(), CONSUMER_SECRET, TOKEN_SECRET, SESSION_HANDLE);
        assertHides(requestWithSecrets().toString(), TOKEN_SECRET, SESSION_HANDLE, FORM_PASSWORD);
        assertHides(signed.asParameterList().toString(), CONSUMER_SECRET, TOKEN_SECRET, SESSION_HANDLE);
        assertHides(AuthorizationHeader.parse(signed.authorizationHeader()).orElseThrow().toString(),
                CONSUMER_SECRET, TOKEN_SECRET, SESSION_HANDLE);
        assertHides(new ParameterList().add("password", FORM_PASSWORD).toString(), FORM_PASSWORD);
    }

    @Test
    void tokensShowNeitherSecretNorSessionHandle() {
        assertHides(new AccessToken("token", TOKEN_SECRET, SESSION_HANDLE, null, null, Map.of()).toString(),
                TOKEN_SECRET, SESSION_HANDLE);
        assertHides(new RequestToken("token", TOKEN_SECRET, true, Map.of()).toString(), TOKEN_SECRET);
    }

    @Test
    void signingKeysShowNoKeyMaterial() {
        PrivateKey privateKey = PemKeys.privateKey(resource("keys/rsa-2048-pkcs8.pem"));
        PublicKey publicKey = PemKeys.publicKey(resource("keys/rsa-2048-public.pem"));

        assertHides(SigningKeys.ofSecrets(CONSUMER_SECRET, TOKEN_SECRET).toString(), CONSUMER_SECRET, TOKEN_SECRET);
        assertHides(SigningKeys.ofPrivateKey(privateKey).toString(),
                Base64.getEncoder().encodeToString(privateKey.getEncoded()).substring(40, 80));
        assertHides(SigningKeys.ofPublicKey(publicKey).toString(),
                Base64.getEncoder().encodeToString(publicKey.getEncoded()).substring(40, 80));
    }

    @Test
    void verifierRefusalsDoNotRepeatWhatWasSent() {
        SignatureVerifier verifier = SignatureVerifier.builder(key -> Optional.of(SigningKeys.ofSecrets("other", null)))
                .nonceCheck(NonceCheck.NONE).clock(clockAt(1_700_000_000L)).build();
        String header = "OAuth oauth_consumer_key=\"consumer\", oauth_signature_method=\"PLAINTEXT\", oauth_signature=\""
                + PercentEncoding.encode(CONSUMER_SECRET + "&" + TOKEN_SECRET) + "\"";
        IncomingRequest request = IncomingRequest.builder("POST", "https://sp.example.com/launch").authorization(header)
                .formParameters(new ParameterList().add("password", FORM_PASSWORD)).build();

        OAuthProblemException e = assertThrows(OAuthProblemException.class, () -> verifier.verify(request));

        assertHides(e.getMessage(), CONSUMER_SECRET, TOKEN_SECRET, FORM_PASSWORD);
        assertHides(e.parameters().toString(), CONSUMER_SECRET, TOKEN_SECRET, FORM_PASSWORD);
        assertHides(request.toString(), CONSUMER_SECRET, TOKEN_SECRET, FORM_PASSWORD);
    }

    @Test
    void verifiedRequestShowsNoParameterValues() {
        SignedParameters signed = plaintextSigner().sign(OAuthRequest.builder("POST", "https://sp.example.com/launch")
                .formParameter("password", FORM_PASSWORD).build());
        SignatureVerifier verifier = SignatureVerifier.builder(key -> Optional.of(SigningKeys.ofSecrets(CONSUMER_SECRET, null)))
                .nonceCheck(NonceCheck.NONE).clock(clockAt(1_700_000_000L)).build();
        IncomingRequest request = IncomingRequest.builder("POST", "https://sp.example.com/launch")
                .authorization(signed.authorizationHeader())
                .formParameters(new ParameterList().add("password", FORM_PASSWORD)).build();

        VerifiedRequest verified = verifier.verify(request);

        assertHides(verified.toString(), CONSUMER_SECRET, FORM_PASSWORD);
    }

    @Test
    void builderAndParserErrorsDoNotRepeatSecrets() {
        List<Throwable> errors = List.of(
                assertThrows(IllegalArgumentException.class,
                        () -> OAuthSigner.builder("consumer").signatureMethod("RSA-SHA1").consumerSecret(CONSUMER_SECRET).build()),
                assertThrows(IllegalArgumentException.class,
                        () -> OAuthSigner.builder("consumer").consumerSecret(CONSUMER_SECRET).signatureMethod("NO-SUCH")),
                assertThrows(OAuthProblemException.class,
                        () -> AuthorizationHeader.parse("OAuth oauth_signature=\"" + CONSUMER_SECRET + "%zz\"")),
                assertThrows(OAuthProblemException.class,
                        () -> AuthorizationHeader.parse("OAuth oauth_signature=\"" + CONSUMER_SECRET + "\" x")),
                assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decode(CONSUMER_SECRET + "%", false)));

        for (Throwable error : errors) {
            assertHides(error.getMessage(), CONSUMER_SECRET);
        }
    }
}

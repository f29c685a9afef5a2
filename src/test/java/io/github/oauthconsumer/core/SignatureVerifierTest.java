package io.github.oauthconsumer.core;

import static io.github.oauthconsumer.core.VectorSupport.clockAt;
import static io.github.oauthconsumer.core.VectorSupport.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.spi.ConsumerSecretLookup;
import io.github.oauthconsumer.spi.SigningKeys;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Verification of incoming 2-legged requests: every refusal with its Problem Reporting code and status. */
class SignatureVerifierTest {

    private static final long NOW = 1_700_000_000L;
    private static final String URL = "https://tool.example.com/launch";
    private static final String KEY = "lms-key";
    private static final String SECRET = "lms-secret";
    private static final ConsumerSecretLookup CONSUMERS =
            key -> KEY.equals(key) ? Optional.of(SigningKeys.ofSecrets(SECRET, null)) : Optional.empty();

    /** A nonce check that remembers what it was asked, and refuses what it has seen. */
    private static final class RecordingNonceCheck implements NonceCheck {
        final List<String> calls = new ArrayList<>();

        @Override
        public boolean firstUse(String consumerKey, long timestamp, String nonce) {
            String call = consumerKey + "|" + timestamp + "|" + nonce;
            boolean first = !calls.contains(call);
            calls.add(call);
            return first;
        }
    }

    private final RecordingNonceCheck nonces = new RecordingNonceCheck();

    private SignatureVerifier.Builder verifierBuilder() {
        return SignatureVerifier.builder(CONSUMERS).nonceCheck(nonces).clock(clockAt(NOW));
    }

    private SignatureVerifier verifier() {
        return verifierBuilder().build();
    }

    private static OAuthSigner.Builder signerBuilder() {
        return OAuthSigner.builder(KEY).consumerSecret(SECRET).clock(clockAt(NOW)).nonces(() -> "nonce-1");
    }

    private static SignedParameters sign(OAuthRequest request) {
        return signerBuilder().build().sign(request);
    }

    private static OAuthRequest formRequest() {
        return OAuthRequest.builder("POST", URL).formParameter("user_id", "42").formParameter("roles", "Learner").build();
    }

    private static ParameterList form() {
        return new ParameterList().add("user_id", "42").add("roles", "Learner");
    }

    private static IncomingRequest headerRequest(String authorization) {
        return IncomingRequest.builder("POST", URL).authorization(authorization).formParameters(form()).build();
    }

    private OAuthProblemException refusal(IncomingRequest request) {
        return assertThrows(OAuthProblemException.class, () -> verifier().verify(request));
    }

    private static void assertProblem(OAuthProblem problem, int status, OAuthProblemException e) {
        assertEquals(problem, e.problem(), e.getMessage());
        assertEquals(status, e.status(), e.getMessage());
    }

    /** A header with the given parameters; each value is percent-encoded as the transport requires. */
    private static String header(String... namesAndValues) {
        StringBuilder header = new StringBuilder("OAuth ");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            header.append(i > 0 ? ", " : "").append(namesAndValues[i]).append("=\"")
                    .append(PercentEncoding.encode(namesAndValues[i + 1])).append('"');
        }
        return header.toString();
    }

    private static List<String> pairs(ParameterList list) {
        return IntStream.range(0, list.size()).mapToObj(i -> list.name(i) + "=" + list.value(i)).sorted().toList();
    }

    // ---- accepted requests ----

    @Test
    void requestSignedInTheHeaderIsAccepted() {
        SignedParameters signed = sign(formRequest());

        VerifiedRequest verified = verifier().verify(headerRequest(signed.authorizationHeader()));

        assertEquals(KEY, verified.consumerKey());
        assertNull(verified.token());
        assertEquals("HMAC-SHA1", verified.signatureMethod());
        assertEquals(NOW, verified.timestamp());
        assertEquals("nonce-1", verified.nonce());
        List<String> expected = new ArrayList<>(pairs(form()));
        ParameterList protocol = signed.asParameterList();
        for (int i = 0; i < protocol.size(); i++) {
            if (!protocol.name(i).equals("oauth_signature")) {
                expected.add(protocol.name(i) + "=" + protocol.value(i));
            }
        }
        assertEquals(expected.stream().sorted().toList(), pairs(verified.parameters()));
        assertEquals(List.of(KEY + "|" + NOW + "|nonce-1"), nonces.calls);
    }

    @Test
    void requestSignedInTheQueryIsAccepted() {
        OAuthRequest request = OAuthRequest.builder("GET", URL + "?course=7&q=a+b").build();
        SignedParameters signed = sign(request);

        VerifiedRequest verified = verifier().verify(IncomingRequest.builder("GET", signed.appendToUrl(request.url())).build());

        assertEquals(KEY, verified.consumerKey());
        assertEquals(List.of("7"), verified.parameters().values("course"));
        assertEquals(List.of("a b"), verified.parameters().values("q"));
        assertFalse(verified.parameters().first("oauth_signature").isPresent());
    }

    @Test
    void requestSignedInTheFormBodyIsAccepted() {
        SignedParameters signed = sign(formRequest());
        ParameterList body = form().addAll(signed.asParameterList());

        VerifiedRequest verified = verifier().verify(IncomingRequest.builder("POST", URL).formParameters(body).build());

        assertEquals(KEY, verified.consumerKey());
        assertEquals(List.of("42"), verified.parameters().values("user_id"));
        assertEquals(List.of(KEY), verified.parameters().values("oauth_consumer_key"));
    }

    @Test
    void requestWithRepeatedParametersInQueryAndFormIsAccepted() {
        OAuthRequest request = OAuthRequest.builder("POST", URL + "?a=1&a=1").formParameter("a", "1").formParameter("a", "2").build();
        SignedParameters signed = sign(request);
        IncomingRequest incoming = IncomingRequest.builder("POST", request.url()).authorization(signed.authorizationHeader())
                .formParameters(new ParameterList().add("a", "1").add("a", "2")).build();

        assertEquals(List.of("1", "1", "1", "2"), verifier().verify(incoming).parameters().values("a"));
    }

    /**
     * A hand-written header, from Faithlife.OAuth's OAuthHmacSha1Tests (test case "RFC 5849, section
     * 3.4.1.3.1", CreateHmacSha1AuthorizationHeaderWithCallback): the RFC 5849 example request signed
     * 2-legged, with oauth_version and oauth_callback, by client "9djdj82h48djs9d2" / "j49sk3j29djd".
     */
    @Test
    void publishedTwoLeggedHeaderIsAccepted() {
        String header = "OAuth oauth_consumer_key=\"9djdj82h48djs9d2\",oauth_nonce=\"7d8f3e4a\",oauth_signature_method=\"HMAC-SHA1\","
                + "oauth_timestamp=\"137131201\",oauth_version=\"1.0\",oauth_callback=\"http%3A%2F%2Fexample.com%2Fcallback\","
                + "oauth_signature=\"RCEx3aTTfxXndwskapOhauQuLvc%3D\"";
        SignatureVerifier verifier = SignatureVerifier.builder(
                        key -> Optional.of(SigningKeys.ofSecrets("j49sk3j29djd", null)))
                .nonceCheck(NonceCheck.NONE).clock(clockAt(137131201L)).build();
        IncomingRequest request = IncomingRequest.builder("POST", "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b")
                .authorization(header).formParameters(ParameterList.parseFormEncoded("c2&a3=2+q")).build();

        VerifiedRequest verified = verifier.verify(request);

        assertEquals("9djdj82h48djs9d2", verified.consumerKey());
        assertEquals(List.of("http://example.com/callback"), verified.parameters().values("oauth_callback"));
    }

    /** RFC 5849 section 1.2, the temporary-credentials request as printed (2-legged, HTTPS, realm "Photos"). */
    @Test
    void rfcTemporaryCredentialsRequestIsAccepted() {
        String header = """
                OAuth realm="Photos",
                   oauth_consumer_key="dpf43f3p2l4k3l03",
                   oauth_signature_method="HMAC-SHA1",
                   oauth_timestamp="137131200",
                   oauth_nonce="wIjqoS",
                   oauth_callback="http%3A%2F%2Fprinter.example.com%2Fready",
                   oauth_signature="74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D\"""";
        SignatureVerifier verifier = SignatureVerifier.builder(key -> Optional.of(SigningKeys.ofSecrets("kd94hf93k423kf44", null)))
                .nonceCheck(nonces).clock(clockAt(137131200L)).build();

        VerifiedRequest verified = verifier.verify(IncomingRequest.builder("POST", "https://photos.example.net/initiate")
                .authorization(header).build());

        assertEquals("dpf43f3p2l4k3l03", verified.consumerKey());
        assertEquals(List.of("dpf43f3p2l4k3l03|137131200|wIjqoS"), nonces.calls);
    }

    /** RFC 5849 section 2.1: PLAINTEXT may leave out the timestamp and the nonce. */
    @Test
    void rfcPlaintextRequestWithoutTimestampOrNonceIsAccepted() {
        String header = """
                OAuth realm="Example",
                   oauth_consumer_key="jd83jd92dhsh93js",
                   oauth_signature_method="PLAINTEXT",
                   oauth_callback="http%3A%2F%2Fclient.example.net%2Fcb%3Fx%3D1",
                   oauth_signature="ja893SD9%26\"""";
        SignatureVerifier verifier = SignatureVerifier.builder(key -> Optional.of(SigningKeys.ofSecrets("ja893SD9", null)))
                .nonceCheck(nonces).clock(clockAt(NOW)).build();

        VerifiedRequest verified = verifier.verify(IncomingRequest.builder("POST",
                "https://server.example.com/request_temp_credentials").authorization(header).build());

        assertEquals("jd83jd92dhsh93js", verified.consumerKey());
        assertNull(verified.nonce());
        assertEquals(0, verified.timestamp());
        assertTrue(nonces.calls.isEmpty());
    }

    /** OAuth Core 1.0 Appendix A.2: PLAINTEXT in the query of a POST. */
    @Test
    void coreAppendixPlaintextQueryRequestIsAccepted() {
        String url = "https://photos.example.net/request_token?oauth_consumer_key=dpf43f3p2l4k3l03"
                + "&oauth_signature_method=PLAINTEXT&oauth_signature=kd94hf93k423kf44%26&oauth_timestamp=1191242090"
                + "&oauth_nonce=hsu94j3884jdopsl&oauth_version=1.0";
        SignatureVerifier verifier = SignatureVerifier.builder(key -> Optional.of(SigningKeys.ofSecrets("kd94hf93k423kf44", null)))
                .nonceCheck(NonceCheck.NONE).clock(clockAt(1191242090L)).build();

        assertEquals("dpf43f3p2l4k3l03", verifier.verify(IncomingRequest.builder("POST", url).build()).consumerKey());
    }

    @Test
    void rsaSignedRequestIsVerifiedWithThePublicKey() {
        OAuthSigner signer = OAuthSigner.builder("rsa-consumer").signatureMethod("RSA-SHA256")
                .privateKey(PemKeys.privateKey(resource("keys/rsa-2048-pkcs1.pem"))).clock(clockAt(NOW)).nonces(() -> "n").build();
        SignatureVerifier verifier = SignatureVerifier.builder(
                        key -> Optional.of(SigningKeys.ofPublicKey(PemKeys.publicKey(resource("keys/rsa-2048-certificate.pem")))))
                .nonceCheck(NonceCheck.NONE).clock(clockAt(NOW)).build();
        SignedParameters signed = signer.sign(formRequest());

        assertEquals("rsa-consumer", verifier.verify(headerRequest(signed.authorizationHeader())).consumerKey());
        assertProblem(OAuthProblem.SIGNATURE_INVALID, 401, assertThrows(OAuthProblemException.class,
                () -> verifier.verify(IncomingRequest.builder("POST", URL).authorization(signed.authorizationHeader())
                        .formParameters(new ParameterList().add("user_id", "43").add("roles", "Learner")).build())));
    }

    @Test
    void timestampInsideTheWindowIsAccepted() {
        SignedParameters signed = signerBuilder().clock(clockAt(NOW - 299)).build().sign(formRequest());

        assertEquals(KEY, verifier().verify(headerRequest(signed.authorizationHeader())).consumerKey());
    }

    // ---- refusals ----

    @Test
    void missingProtocolParametersAreAbsent() {
        OAuthProblemException e = refusal(IncomingRequest.builder("POST", URL).formParameters(form()).build());

        assertProblem(OAuthProblem.PARAMETER_ABSENT, 400, e);
        assertEquals("oauth_consumer_key&oauth_signature_method&oauth_signature&oauth_timestamp&oauth_nonce",
                e.parameters().get("oauth_parameters_absent"));
    }

    @Test
    void eachMissingParameterIsNamed() {
        OAuthProblemException e = refusal(headerRequest(header("oauth_consumer_key", KEY, "oauth_signature_method", "HMAC-SHA1",
                "oauth_signature", "x")));

        assertProblem(OAuthProblem.PARAMETER_ABSENT, 400, e);
        assertEquals("oauth_timestamp&oauth_nonce", e.parameters().get("oauth_parameters_absent"));
    }

    @Test
    void basicAuthorizationIsNotOAuth() {
        OAuthProblemException e = refusal(headerRequest("Basic bGVhcm5lcjpwYXNzd29yZA=="));

        assertProblem(OAuthProblem.PARAMETER_ABSENT, 400, e);
        assertTrue(e.parameters().get("oauth_parameters_absent").contains("oauth_signature"));
    }

    @Test
    void malformedHeaderIsRejected() {
        assertProblem(OAuthProblem.PARAMETER_REJECTED, 400, refusal(headerRequest("OAuth oauth_consumer_key=unquoted")));
    }

    @Test
    void duplicatedProtocolParameterIsRejected() {
        SignedParameters signed = sign(formRequest());
        String duplicated = signed.authorizationHeader() + ", oauth_nonce=\"nonce-2\"";

        OAuthProblemException e = refusal(headerRequest(duplicated));

        assertProblem(OAuthProblem.PARAMETER_REJECTED, 400, e);
        assertEquals("oauth_nonce", e.parameters().get("oauth_parameters_rejected"));
        assertTrue(nonces.calls.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSignatureInNonCanonicalBase64IsRefused(boolean withoutPadding) {
        SignedParameters signed = sign(formRequest());
        String signature = signed.asParameterList().first("oauth_signature").orElseThrow();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int last = signature.indexOf('=') - 1;
        String other = withoutPadding ? signature.replace("=", "")
                : signature.substring(0, last) + alphabet.charAt(alphabet.indexOf(signature.charAt(last)) + 1)
                        + signature.substring(last + 1);
        assertArrayEquals(Base64.getDecoder().decode(signature), Base64.getDecoder().decode(other), "the same bytes");
        String header = signed.authorizationHeader().replace(PercentEncoding.encode(signature), PercentEncoding.encode(other));
        assertNotEquals(signed.authorizationHeader(), header);

        assertProblem(OAuthProblem.SIGNATURE_INVALID, 401, refusal(headerRequest(header)));
    }

    @Test
    void anExplainedRefusalCarriesTheBaseStringComputedHereAndNoSecret() {
        OAuthRequest request = formRequest();
        SignedParameters signed = OAuthSigner.builder(KEY).consumerSecret("not-" + SECRET).clock(clockAt(NOW))
                .nonces(() -> "nonce-1").build().sign(request);
        IncomingRequest incoming = headerRequest(signed.authorizationHeader());

        OAuthProblemException explained = assertThrows(OAuthProblemException.class,
                () -> verifierBuilder().explainRefusals(true).build().verify(incoming));

        assertProblem(OAuthProblem.SIGNATURE_INVALID, 401, explained);
        assertEquals(signerBuilder().build().baseString(request, signed),
                explained.parameters().get(OAuthParameterNames.SIGNATURE_BASE_STRING));
        assertEquals(URL, explained.parameters().get(OAuthParameterNames.REQUEST_URL));
        String shown = explained.getMessage() + explained.parameters();
        assertFalse(shown.contains(SECRET), shown);
        assertFalse(shown.contains(sign(request).signature()), "never the expected signature");
        assertTrue(nonces.calls.isEmpty(), "a refused signature records no nonce");

        OAuthProblemException plain = refusal(incoming);
        assertProblem(OAuthProblem.SIGNATURE_INVALID, 401, plain);
        assertTrue(plain.parameters().isEmpty(), "off by default: " + plain.parameters());
    }

    @Test
    void aDuplicateAmongManyUnknownProtocolParametersIsRejected() {
        ParameterList form = form();
        for (int i = 0; i < 20_000; i++) {
            form.add("oauth_x" + i, "");
        }
        form.add("oauth_x7", "again");
        IncomingRequest request = IncomingRequest.builder("POST", URL).formParameters(form).build();

        OAuthProblemException e = refusal(request);

        assertProblem(OAuthProblem.PARAMETER_REJECTED, 400, e);
        assertEquals("oauth_x7", e.parameters().get("oauth_parameters_rejected"));
    }

    @Test
    void manyDistinctUnknownProtocolParametersAreNoDuplicate() {
        ParameterList form = form();
        for (int i = 0; i < 20_000; i++) {
            form.add("oauth_x" + i, "");
        }
        IncomingRequest request = IncomingRequest.builder("POST", URL).formParameters(form).build();

        // unsigned: refused for what is missing, not as a duplicate
        assertProblem(OAuthProblem.PARAMETER_ABSENT, 400, refusal(request));
    }

    @Test
    void protocolParametersInTwoPlacesAreRejected() {
        SignedParameters signed = sign(formRequest());
        IncomingRequest request = IncomingRequest.builder("POST", URL + "?oauth_callback=oob")
                .authorization(signed.authorizationHeader()).formParameters(form()).build();

        assertProblem(OAuthProblem.PARAMETER_REJECTED, 400, refusal(request));
    }

    @Test
    void protocolParameterInTheFormBesideTheHeaderIsRejected() {
        SignedParameters signed = sign(formRequest());
        IncomingRequest request = IncomingRequest.builder("POST", URL).authorization(signed.authorizationHeader())
                .formParameters(form().add("oauth_verifier", "v")).build();

        assertProblem(OAuthProblem.PARAMETER_REJECTED, 400, refusal(request));
    }

    @Test
    void unsupportedSignatureMethodIsRejected() {
        OAuthProblemException e = refusal(headerRequest(header("oauth_consumer_key", KEY, "oauth_signature_method", "HMAC-MD5",
                "oauth_signature", "x", "oauth_timestamp", Long.toString(NOW), "oauth_nonce", "n")));

        assertProblem(OAuthProblem.SIGNATURE_METHOD_REJECTED, 400, e);
    }

    @Test
    void methodOutsideTheAllowedOnesIsRejected() {
        SignedParameters signed = sign(formRequest());
        SignatureVerifier verifier = verifierBuilder().allowedSignatureMethods(Set.of("HMAC-SHA256")).build();

        OAuthProblemException e = assertThrows(OAuthProblemException.class,
                () -> verifier.verify(headerRequest(signed.authorizationHeader())));

        assertProblem(OAuthProblem.SIGNATURE_METHOD_REJECTED, 400, e);
    }

    @Test
    void rsaMethodForAConsumerWithASecretIsRejected() {
        OAuthProblemException e = refusal(headerRequest(header("oauth_consumer_key", KEY, "oauth_signature_method", "RSA-SHA1",
                "oauth_signature", "x", "oauth_timestamp", Long.toString(NOW), "oauth_nonce", "n")));

        assertProblem(OAuthProblem.SIGNATURE_METHOD_REJECTED, 400, e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5", "17e8", " 1700000000", "1700000000.5", "1234567890123456789"})
    void malformedTimestampIsRejected(String timestamp) {
        OAuthProblemException e = refusal(headerRequest(header("oauth_consumer_key", KEY, "oauth_signature_method", "HMAC-SHA1",
                "oauth_signature", "x", "oauth_timestamp", timestamp, "oauth_nonce", "n")));

        assertProblem(OAuthProblem.PARAMETER_REJECTED, 400, e);
        assertEquals("oauth_timestamp", e.parameters().get("oauth_parameters_rejected"));
    }

    @ParameterizedTest
    @ValueSource(longs = {NOW - 301, NOW + 301, 0})
    void timestampOutsideTheWindowIsRefused(long timestamp) {
        SignedParameters signed = signerBuilder().clock(clockAt(timestamp)).build().sign(formRequest());

        OAuthProblemException e = refusal(headerRequest(signed.authorizationHeader()));

        assertProblem(OAuthProblem.TIMESTAMP_REFUSED, 401, e);
        assertEquals((NOW - 300) + "-" + (NOW + 300), e.parameters().get("oauth_acceptable_timestamps"));
        assertTrue(nonces.calls.isEmpty());
    }

    @Test
    void windowIsConfigurable() {
        SignedParameters signed = signerBuilder().clock(clockAt(NOW - 30)).build().sign(formRequest());
        SignatureVerifier strict = verifierBuilder().timestampWindow(Duration.ofSeconds(10)).build();

        OAuthProblemException e = assertThrows(OAuthProblemException.class,
                () -> strict.verify(headerRequest(signed.authorizationHeader())));

        assertProblem(OAuthProblem.TIMESTAMP_REFUSED, 401, e);
        assertEquals((NOW - 10) + "-" + (NOW + 10), e.parameters().get("oauth_acceptable_timestamps"));
    }

    @Test
    void wrongSecretGivesSignatureInvalidAndTheNonceIsNotRecorded() {
        SignedParameters signed = signerBuilder().consumerSecret("wrong-secret").build().sign(formRequest());

        OAuthProblemException e = refusal(headerRequest(signed.authorizationHeader()));

        assertProblem(OAuthProblem.SIGNATURE_INVALID, 401, e);
        assertTrue(nonces.calls.isEmpty(), "the nonce check must not see unsigned traffic");
    }

    @Test
    void signatureThatIsNotBase64IsInvalid() {
        OAuthProblemException e = refusal(headerRequest(header("oauth_consumer_key", KEY, "oauth_signature_method", "HMAC-SHA1",
                "oauth_signature", "not base64!", "oauth_timestamp", Long.toString(NOW), "oauth_nonce", "n")));

        assertProblem(OAuthProblem.SIGNATURE_INVALID, 401, e);
    }

    @Test
    void unknownConsumerIsRefused() {
        SignedParameters signed = OAuthSigner.builder("someone-else").consumerSecret(SECRET).clock(clockAt(NOW)).build()
                .sign(formRequest());

        assertProblem(OAuthProblem.CONSUMER_KEY_UNKNOWN, 401, refusal(headerRequest(signed.authorizationHeader())));
    }

    @Test
    void replayedNonceIsRefused() {
        String header = sign(formRequest()).authorizationHeader();
        verifier().verify(headerRequest(header));

        OAuthProblemException e = refusal(headerRequest(header));

        assertProblem(OAuthProblem.NONCE_USED, 401, e);
        assertEquals(2, nonces.calls.size());
    }

    @Test
    void nonceCheckMayRefuseOutright() {
        String header = sign(formRequest()).authorizationHeader();
        SignatureVerifier verifier = verifierBuilder().nonceCheck((key, timestamp, nonce) -> {
            throw new OAuthProblemException(OAuthProblem.NONCE_USED, "store full");
        }).build();

        assertProblem(OAuthProblem.NONCE_USED, 401, assertThrows(OAuthProblemException.class,
                () -> verifier.verify(headerRequest(header))));
    }

    @Test
    void versionOtherThanOnePointZeroIsRejected() {
        OAuthProblemException e = refusal(headerRequest(header("oauth_consumer_key", KEY, "oauth_signature_method", "HMAC-SHA1",
                "oauth_signature", "x", "oauth_timestamp", Long.toString(NOW), "oauth_nonce", "n", "oauth_version", "2.0")));

        assertProblem(OAuthProblem.VERSION_REJECTED, 400, e);
        assertEquals("1.0-1.0", e.parameters().get("oauth_acceptable_versions"));
    }

    @Test
    void nonEmptyTokenIsRejected() {
        SignedParameters signed = signerBuilder().build().sign(OAuthRequest.builder("POST", URL)
                .formParameters(form()).token(AccessToken.of("user-token", "token-secret")).build());

        assertProblem(OAuthProblem.TOKEN_REJECTED, 401, refusal(headerRequest(signed.authorizationHeader())));
    }

    @Test
    void emptyTokenIsAllowed() {
        SignedParameters signed = signerBuilder().build().sign(OAuthRequest.builder("POST", URL)
                .formParameters(form()).token(AccessToken.of("", "")).build());

        assertEquals(KEY, verifier().verify(headerRequest(signed.authorizationHeader())).consumerKey());
    }

    @Test
    void formValueChangedAfterSigningIsInvalid() {
        SignedParameters signed = sign(formRequest());
        IncomingRequest request = IncomingRequest.builder("POST", URL).authorization(signed.authorizationHeader())
                .formParameters(new ParameterList().add("user_id", "1").add("roles", "Learner")).build();

        assertProblem(OAuthProblem.SIGNATURE_INVALID, 401, refusal(request));
    }

    @Test
    void extraUnsignedParameterIsInvalid() {
        SignedParameters signed = sign(formRequest());
        IncomingRequest extraInQuery = IncomingRequest.builder("POST", URL + "?debug=1").authorization(signed.authorizationHeader())
                .formParameters(form()).build();
        IncomingRequest extraInForm = IncomingRequest.builder("POST", URL).authorization(signed.authorizationHeader())
                .formParameters(form().add("roles", "Administrator")).build();

        assertProblem(OAuthProblem.SIGNATURE_INVALID, 401, refusal(extraInQuery));
        assertProblem(OAuthProblem.SIGNATURE_INVALID, 401, refusal(extraInForm));
    }

    @Test
    void otherUrlOrMethodIsInvalid() {
        SignedParameters signed = sign(formRequest());

        assertProblem(OAuthProblem.SIGNATURE_INVALID, 401, refusal(IncomingRequest.builder("POST", URL + "/other")
                .authorization(signed.authorizationHeader()).formParameters(form()).build()));
        assertProblem(OAuthProblem.SIGNATURE_INVALID, 401, refusal(IncomingRequest.builder("PUT", URL)
                .authorization(signed.authorizationHeader()).formParameters(form()).build()));
    }

    @Test
    void urlThatIsNotHttpIsRejected() {
        assertProblem(OAuthProblem.PARAMETER_REJECTED, 400, refusal(IncomingRequest.builder("POST", "urn:x")
                .authorization(sign(formRequest()).authorizationHeader()).build()));
    }

    // ---- body hash ----

    private static final byte[] JSON = "{\"score\":0.9}".getBytes(StandardCharsets.UTF_8);

    private static IncomingRequest jsonRequest(SignedParameters signed, byte[] body) {
        return IncomingRequest.builder("POST", URL).authorization(signed.authorizationHeader()).body(body).build();
    }

    @Test
    void rightBodyHashIsAccepted() {
        SignedParameters signed = sign(OAuthRequest.builder("POST", URL).bodyHashOf(JSON).build());

        VerifiedRequest verified = verifierBuilder().requireBodyHash(true).build().verify(jsonRequest(signed, JSON));

        assertEquals(BodyHash.of(JSON, HmacSignatureMethod.HMAC_SHA1), verified.parameters().first("oauth_body_hash").orElseThrow());
    }

    @Test
    void wrongBodyHashIsInvalidAndTheNonceIsNotRecorded() {
        SignedParameters signed = sign(OAuthRequest.builder("POST", URL).bodyHashOf(JSON).build());

        OAuthProblemException e = refusal(jsonRequest(signed, "{\"score\":1.0}".getBytes(StandardCharsets.UTF_8)));

        assertProblem(OAuthProblem.SIGNATURE_INVALID, 401, e);
        assertTrue(nonces.calls.isEmpty());
    }

    @Test
    void absentBodyHashIsRefusedOnlyWhenRequired() {
        SignedParameters signed = sign(OAuthRequest.builder("POST", URL).build());

        assertEquals(KEY, verifier().verify(jsonRequest(signed, JSON)).consumerKey());
        OAuthProblemException e = assertThrows(OAuthProblemException.class,
                () -> verifierBuilder().requireBodyHash(true).build().verify(jsonRequest(signed, JSON)));
        assertProblem(OAuthProblem.PARAMETER_ABSENT, 400, e);
        assertEquals("oauth_body_hash", e.parameters().get("oauth_parameters_absent"));
    }

    @Test
    void bodyHashOfAnEmptyBodyMatchesNoBody() {
        SignedParameters signed = sign(OAuthRequest.builder("GET", URL).bodyHashOf(new byte[0]).build());

        assertEquals(KEY, verifier().verify(IncomingRequest.builder("GET", URL).authorization(signed.authorizationHeader()).build())
                .consumerKey());
    }

    @Test
    void bodyHashWithAFormBodyIsRejected() {
        String hash = BodyHash.of(new byte[0], HmacSignatureMethod.HMAC_SHA1);
        OAuthProblemException e = refusal(headerRequest(header("oauth_consumer_key", KEY, "oauth_signature_method", "HMAC-SHA1",
                "oauth_signature", "x", "oauth_timestamp", Long.toString(NOW), "oauth_nonce", "n", "oauth_body_hash", hash)));

        assertProblem(OAuthProblem.PARAMETER_REJECTED, 400, e);
        assertEquals("oauth_body_hash", e.parameters().get("oauth_parameters_rejected"));
    }

    @Test
    void bodyHashFollowsTheSignatureMethodFamily() {
        SignedParameters signed = signerBuilder().signatureMethod("HMAC-SHA256").build()
                .sign(OAuthRequest.builder("POST", URL).bodyHashOf(JSON).build());

        assertEquals(BodyHash.of(JSON, HmacSignatureMethod.HMAC_SHA256), signed.get("oauth_body_hash"));
        assertEquals(KEY, verifier().verify(jsonRequest(signed, JSON)).consumerKey());
    }

    // ---- configuration ----

    @Test
    void nonceCheckMustBeChosen() {
        assertThrows(IllegalStateException.class, () -> SignatureVerifier.builder(CONSUMERS).build());
    }

    @Test
    void negativeWindowIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SignatureVerifier.builder(CONSUMERS).timestampWindow(Duration.ofSeconds(-1)));
    }

    @Test
    void signedFormParametersSurviveAsAMap() {
        SignedParameters signed = sign(formRequest());

        VerifiedRequest verified = verifier().verify(headerRequest(signed.authorizationHeader()));

        assertEquals(List.of("Learner"), verified.parameters().asMap().get("roles"));
    }
}

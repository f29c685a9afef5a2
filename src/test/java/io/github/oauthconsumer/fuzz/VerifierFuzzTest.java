package io.github.oauthconsumer.fuzz;

import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.core.IncomingRequest;
import io.github.oauthconsumer.core.NonceCheck;
import io.github.oauthconsumer.core.OAuthRequest;
import io.github.oauthconsumer.core.OAuthSigner;
import io.github.oauthconsumer.core.ParameterList;
import io.github.oauthconsumer.core.SignatureVerifier;
import io.github.oauthconsumer.core.SignedParameters;
import io.github.oauthconsumer.core.VerifiedRequest;
import io.github.oauthconsumer.spi.SigningKeys;
import io.github.oauthconsumer.testsupport.JerseyOAuth1.Param;
import io.github.oauthconsumer.testsupport.JerseySigner;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verifier, fed with signed requests changed in one to three places, in each transport: the
 * header, the form and the query; the header also as Jersey's {@code oauth1-signature} signs it. The oracle is the
 * request as it was signed: a changed request may only be accepted when what is verified is
 * exactly what was signed (a change that means nothing, such as in the realm or in whitespace
 * between parameters); anything else is refused with an {@link OAuthProblemException}, never
 * another exception.
 */
class VerifierFuzzTest {

    private static final String URL = "https://tool.example.com/launch?course=c%201&x=%E2%98%83";
    private static final String KEY = "lms-key";
    private static final String SECRET = "lms-secret";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    private static final SignatureVerifier VERIFIER = SignatureVerifier.builder(
                    key -> KEY.equals(key) ? Optional.of(SigningKeys.ofSecrets(SECRET, null)) : Optional.empty())
            .nonceCheck(NonceCheck.NONE).clock(CLOCK).build();
    private static final ParameterList FORM = new ParameterList().add("user_id", "alice").add("roles", "Instructor")
            .add("resource_link_id", "r&1=2 +");
    private static final SignedParameters SIGNED = OAuthSigner.builder(KEY).consumerSecret(SECRET).realm("LMS")
            .clock(CLOCK).build().sign(OAuthRequest.builder("POST", URL).formParameters(FORM).build());
    private static final String HEADER = SIGNED.authorizationHeader();
    private static final String BODY = FORM.toFormEncoded();
    private static final String BODY_WITH_PROTOCOL = FORM.toFormEncoded() + "&" + SIGNED.toFormEncoded();
    private static final List<String> SIGNED_PAIRS = pairs(VERIFIER.verify(headerRequest(HEADER, BODY)));
    /** The same request signed by an implementation this project did not write: Jersey's oauth1-signature. */
    private static final String JERSEY_HEADER = jerseySignedHeader();
    private static final List<String> JERSEY_PAIRS = pairs(VERIFIER.verify(headerRequest(JERSEY_HEADER, BODY)));

    @Property(seed = "5849")
    void aChangedHeaderIsRefusedUnlessItMeansTheSame(@ForAll("headers") String header) {
        check(headerRequest(header, BODY), SIGNED_PAIRS);
    }

    @Property(seed = "5849")
    void aChangedHeaderSignedByJerseyIsRefusedUnlessItMeansTheSame(@ForAll("jerseyHeaders") String header) {
        check(headerRequest(header, BODY), JERSEY_PAIRS);
    }

    @Property(seed = "5849")
    void aChangedFormIsRefusedUnlessItMeansTheSame(@ForAll("bodies") String body) {
        ParameterList form;
        try {
            form = ParameterList.parseFormEncoded(body);
        } catch (IllegalArgumentException unreadable) {
            return; // the JAX-RS filter answers 400 parameter_rejected for such a body before verifying
        }
        check(IncomingRequest.builder("POST", URL).formParameters(form).build(), SIGNED_PAIRS);
        check(IncomingRequest.builder("POST", URL).authorization(HEADER).formParameters(form).build(), SIGNED_PAIRS);
    }

    @Property(seed = "5849")
    void aChangedQueryIsRefusedUnlessItMeansTheSame(@ForAll("urls") String url) {
        check(IncomingRequest.builder("POST", url).formParameters(FORM).build(), SIGNED_PAIRS);
    }

    @Property(seed = "5849")
    void theOriginalsAreAccepted(@ForAll("originals") IncomingRequest request) {
        assertEquals(SIGNED_PAIRS, pairs(VERIFIER.verify(request)));
    }

    private static void check(IncomingRequest request, List<String> signedPairs) {
        VerifiedRequest verified;
        try {
            verified = VERIFIER.verify(request);
        } catch (OAuthProblemException refused) {
            assertTrue(refused.status() == 400 || refused.status() == 401, refused::getMessage);
            return;
        }
        assertEquals(signedPairs, pairs(verified), "accepted a request that is not the one signed: " + request);
        assertEquals(KEY, verified.consumerKey());
    }

    private static IncomingRequest headerRequest(String header, String body) {
        return IncomingRequest.builder("POST", URL).authorization(header)
                .formParameters(ParameterList.parseFormEncoded(body)).build();
    }

    private static List<String> pairs(VerifiedRequest verified) {
        ParameterList parameters = verified.parameters();
        return IntStream.range(0, parameters.size()).mapToObj(i -> parameters.name(i) + "=" + parameters.value(i))
                .sorted().toList();
    }

    @Provide
    Arbitrary<String> headers() {
        return Mutations.of(List.of(HEADER));
    }

    @Provide
    Arbitrary<String> jerseyHeaders() {
        return Mutations.of(List.of(JERSEY_HEADER));
    }

    private static String jerseySignedHeader() {
        List<Param> form = IntStream.range(0, FORM.size()).mapToObj(i -> new Param(FORM.name(i), FORM.value(i))).toList();
        OAuth1Parameters protocol = new OAuth1Parameters().consumerKey(KEY).signatureMethod("HMAC-SHA1")
                .timestamp(Long.toString(CLOCK.instant().getEpochSecond())).nonce("jersey-nonce").version();
        try (JerseySigner jersey = new JerseySigner()) {
            return JerseySigner.authorizationHeader(jersey.sign("POST", URL, form, protocol, SECRET));
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        return Mutations.of(List.of(BODY_WITH_PROTOCOL));
    }

    @Provide
    Arbitrary<String> urls() {
        return Mutations.of(List.of(SIGNED.appendToUrl(URL)));
    }

    @Provide
    Arbitrary<IncomingRequest> originals() {
        return net.jqwik.api.Arbitraries.of(headerRequest(HEADER, BODY),
                IncomingRequest.builder("POST", URL).formParameters(ParameterList.parseFormEncoded(BODY_WITH_PROTOCOL)).build(),
                IncomingRequest.builder("POST", SIGNED.appendToUrl(URL)).formParameters(FORM).build());
    }
}

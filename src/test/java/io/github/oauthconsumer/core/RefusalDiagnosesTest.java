package io.github.oauthconsumer.core;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.SignatureDiagnosis;
import io.github.oauthconsumer.api.SignatureDiagnosis.Cause;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.github.oauthconsumer.core.VectorSupport.clockAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diagnosis of a provider's refusal, from the base string it printed (in the Problem Reporting
 * parameter or anywhere in its body) or without one; the first difference, and no secret shown.
 */
class RefusalDiagnosesTest {

    private static final String SECRET = "kd94hf93k423kf44";
    private static final String TOKEN_SECRET = "pfkkdhi9sl3r4s00";
    private static final OAuthSigner SIGNER = OAuthSigner.builder("dpf43f3p2l4k3l03").consumerSecret(SECRET)
            .clock(clockAt(1191242096)).nonces(() -> "kllo9940pd9333jh").build();
    private static final OAuthRequest REQUEST = OAuthRequest.builder("GET",
                    "http://photos.example.net/photos?file=vacation.jpg&size=original")
            .token(AccessToken.of("nnch734d00sl2jdk", TOKEN_SECRET)).build();
    private static final SignedParameters SIGNED = SIGNER.sign(REQUEST);
    private static final String OURS = SIGNER.baseString(REQUEST, SIGNED);

    @Test
    void aBaseStringInTheProblemReportIsCompared() {
        String theirs = OURS.replace("photos.example.net", "photos.example.net%3A8080");
        SignatureDiagnosis diagnosis = diagnose(refusal(Map.of(OAuthParameterNames.SIGNATURE_BASE_STRING, theirs)), null);

        assertEquals(Cause.URL, diagnosis.likelyCause());
        assertEquals("GET&http%3A%2F%2Fphotos.example.net%".length(), diagnosis.firstDifference().orElseThrow(),
                "%2F (ours) against %3A (theirs)");
        assertEquals("http://photos.example.net/photos", diagnosis.normalizedUrl());
        String shown = diagnosis.toString();
        assertTrue(shown.contains("first difference at character 36"), shown);
        String[] lines = shown.split("\n");
        String ours = lines[lines.length - 3];
        String caret = lines[lines.length - 1];
        assertEquals(ours.indexOf("2Fphotos&"), caret.indexOf('^'), shown);
        assertFalse(shown.contains(SECRET) || shown.contains(TOKEN_SECRET), shown);
    }

    @Test
    void aBaseStringPrintedInTheBodyIsFound() {
        String theirs = OURS.replace("size%3Doriginal", "size%3Doriginal%26extra%3D1");
        SignatureDiagnosis diagnosis = diagnose(refusal(Map.of()), "<html><p>Invalid signature. Expected base string: "
                + theirs + "</p></html>");

        assertEquals(Cause.PARAMETERS, diagnosis.likelyCause());
        assertEquals(theirs, diagnosis.providerBaseString().orElseThrow());
        assertEquals(Map.of("oauth_consumer_key", "Authorization header", "oauth_nonce", "Authorization header",
                "oauth_signature_method", "Authorization header", "oauth_timestamp", "Authorization header",
                "oauth_token", "Authorization header", "oauth_version", "Authorization header", "file", "query",
                "size", "query"), diagnosis.parameterLocations());
    }

    @Test
    void equalBaseStringsMeanTheKeyDiffers() {
        SignatureDiagnosis diagnosis = diagnose(refusal(Map.of(OAuthParameterNames.SIGNATURE_BASE_STRING, OURS)), null);

        assertEquals(Cause.SECRET, diagnosis.likelyCause());
        assertTrue(diagnosis.firstDifference().isEmpty());
    }

    @Test
    void withoutABaseStringTheCauseIsUnknownOrTheProblemSays() {
        assertEquals(Cause.UNKNOWN, diagnose(refusal(Map.of()), "Unauthorized").likelyCause());
        assertEquals(Cause.TIMESTAMP, diagnose(new OAuthProblemException(OAuthProblem.TIMESTAMP_REFUSED, "no"), null).likelyCause());
        assertEquals(Cause.NONCE, diagnose(new OAuthProblemException(OAuthProblem.NONCE_USED, "no"), null).likelyCause());
        assertEquals(Cause.TOKEN, diagnose(new OAuthProblemException(OAuthProblem.TOKEN_EXPIRED, "no"), null).likelyCause());
    }

    @Test
    void theFirstDifferenceOfTwoTexts() {
        assertEquals(-1, RefusalDiagnoses.firstDifference("abc", "abc"));
        assertEquals(1, RefusalDiagnoses.firstDifference("abc", "axc"));
        assertEquals(3, RefusalDiagnoses.firstDifference("abc", "abcd"));
        assertEquals(0, RefusalDiagnoses.firstDifference("", "a"));
    }

    @Test
    void theStepsGiveTheSignersBaseString() {
        ParameterList protocol = SIGNED.asParameterList();
        ParameterList signed = new ParameterList();
        for (int i = 0; i < protocol.size(); i++) {
            if (!protocol.name(i).equals(OAuthParameterNames.SIGNATURE)) {
                signed.add(protocol.name(i), protocol.value(i));
            }
        }
        SigningSteps steps = SigningSteps.of(REQUEST.method(), REQUEST.url(), new ParameterList(), signed);

        assertEquals(OURS, steps.baseString());
        assertEquals("http://photos.example.net/photos", steps.baseStringUri());
        assertEquals("file=vacation.jpg", steps.sortedParameters().get(0));
        assertEquals("size=original", steps.encodedParameters().get(1));
    }

    private static OAuthProblemException refusal(Map<String, String> parameters) {
        return new OAuthProblemException(OAuthProblem.SIGNATURE_INVALID, 401, "the provider answered HTTP 401", parameters);
    }

    private static SignatureDiagnosis diagnose(OAuthProblemException refusal, String body) {
        return RefusalDiagnoses.diagnose(refusal, body, SIGNER, REQUEST, SIGNED, RefusalDiagnoses.HEADER);
    }
}

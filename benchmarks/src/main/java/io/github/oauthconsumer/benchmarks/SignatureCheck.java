package io.github.oauthconsumer.benchmarks;

import io.github.oauthconsumer.core.AuthorizationHeader;
import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.oauth1.signature.OAuth1Signature;
import org.glassfish.jersey.oauth1.signature.OAuth1SignatureException;

import java.util.List;
import java.util.Map;

/**
 * The checks every benchmark runs once in its trial set-up, so that a benchmark that got faster
 * by signing the wrong thing fails instead of reporting a number: a header is taken apart and
 * its signature recomputed by Jersey's {@code OAuth1Signature}, an independent implementation,
 * with the header's own nonce and timestamp.
 */
final class SignatureCheck {

    private static final OAuth1Signature JERSEY = Jersey.newSignature();

    private SignatureCheck() {
    }

    /**
     * Fails unless {@code header} carries the right consumer key, token (when 3-legged), HMAC-SHA1
     * and an {@code oauth_signature} equal to the one Jersey computes for the same request.
     */
    static void assertCorrect(String who, String header, String method, String url, String[][] form,
                              boolean threeLegged) {
        Map<String, List<String>> received = parse(who, header);
        OAuth1Parameters parameters = new OAuth1Parameters();
        received.forEach((name, values) -> {
            if (values.size() != 1) {
                throw new IllegalStateException(who + ": " + name + " is repeated in " + header);
            }
            if (!name.equals(OAuth1Parameters.SIGNATURE)) {
                parameters.put(name, values.get(0));
            }
        });
        expect(who, "consumer key", Workloads.CONSUMER_KEY, parameters.getConsumerKey());
        expect(who, "token", threeLegged ? Workloads.TOKEN : null, parameters.getToken());
        expect(who, "signature method", "HMAC-SHA1", parameters.getSignatureMethod());
        String expected;
        try {
            expected = JERSEY.generate(new JerseyRequest(method, url, form), parameters, Jersey.secrets(threeLegged));
        } catch (OAuth1SignatureException e) {
            throw new IllegalStateException(who + ": Jersey could not sign the same request", e);
        }
        expect(who, "oauth_signature", expected, received.get(OAuth1Parameters.SIGNATURE).get(0));
    }

    /** Fails unless two headers carry the same parameters with the same values, in any order. */
    static void assertSameParameters(String who, String header, String reference) {
        Map<String, List<String>> ours = parse(who, header);
        Map<String, List<String>> theirs = parse(who, reference);
        if (!ours.equals(theirs)) {
            throw new IllegalStateException(who + ": headers differ\n  ours:   " + header + "\n  Jersey: " + reference);
        }
    }

    private static Map<String, List<String>> parse(String who, String header) {
        if (header == null) {
            throw new IllegalStateException(who + ": no Authorization header");
        }
        return AuthorizationHeader.parse(header)
                .orElseThrow(() -> new IllegalStateException(who + ": not an OAuth header: " + header))
                .parameters().asMap();
    }

    private static void expect(String who, String what, String expected, String actual) {
        if (expected == null ? actual != null : !expected.equals(actual)) {
            throw new IllegalStateException(who + ": " + what + " is " + actual + ", expected " + expected);
        }
    }
}

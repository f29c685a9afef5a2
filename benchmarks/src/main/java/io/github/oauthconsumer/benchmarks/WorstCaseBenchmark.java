package io.github.oauthconsumer.benchmarks;

import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.core.IncomingRequest;
import io.github.oauthconsumer.core.NonceCheck;
import io.github.oauthconsumer.core.OAuthRequest;
import io.github.oauthconsumer.core.OAuthSigner;
import io.github.oauthconsumer.core.ParameterList;
import io.github.oauthconsumer.core.SignatureVerifier;
import io.github.oauthconsumer.core.SignedParameters;
import io.github.oauthconsumer.spi.SigningKeys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What an unauthenticated client can make verification cost: about 1 MB (the default
 * {@code oauth1.validation.max-body-size} is 1 MiB) of made-up {@code oauth_*} names in a form, the
 * same in an {@code Authorization} header, and a 1 MB form of ordinary parameters, against a normal
 * LTI-sized signed request. Each operation parses what a server would have read (the form text, the
 * header) and verifies it; refusals are the expected outcome of the first two. Time per operation;
 * divide by 10 for the time per 100 KB.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WorstCaseBenchmark {

    private static final String URL = "https://tool.example.com/launch";
    private static final String KEY = "lms-key";
    private static final String SECRET = "lms-secret";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    private static final int MEGABYTE = 1_000_000;

    private SignatureVerifier verifier;
    private String normalForm;
    private String unknownNamesForm;
    private String unknownNamesHeader;
    private String bigForm;

    @Setup(Level.Trial)
    public void setUp() {
        Optional<SigningKeys> keys = Optional.of(SigningKeys.ofSecrets(SECRET, null));
        verifier = SignatureVerifier.builder(key -> KEY.equals(key) ? keys : Optional.empty())
                .nonceCheck(NonceCheck.NONE).clock(CLOCK).build();
        OAuthSigner signer = OAuthSigner.builder(KEY).consumerSecret(SECRET).clock(CLOCK).build();

        ParameterList lti = new ParameterList();
        for (int i = 0; i < 25; i++) {
            lti.add("custom_field_" + i, "value number " + i + " with some text & symbols");
        }
        normalForm = signed(signer, lti);

        StringBuilder names = new StringBuilder();
        for (int i = 0; names.length() < MEGABYTE; i++) {
            names.append(i == 0 ? "" : "&").append("oauth_x").append(i).append('=');
        }
        unknownNamesForm = names.toString();

        StringBuilder header = new StringBuilder("OAuth ");
        for (int i = 0; header.length() < MEGABYTE; i++) {
            header.append(i == 0 ? "" : ", ").append("oauth_x").append(i).append("=\"\"");
        }
        unknownNamesHeader = header.toString();

        ParameterList big = new ParameterList();
        StringBuilder size = new StringBuilder();
        for (int i = 0; size.length() < MEGABYTE - 4_000; i++) {
            String value = "value " + i + " of a large signed form";
            big.add("field" + i, value);
            size.append("field").append(i).append('=').append(value).append('&');
        }
        bigForm = signed(signer, big);

        if (normal() == null || bigSignedForm() == null) {
            throw new IllegalStateException("the signed forms must verify");
        }
    }

    private static String signed(OAuthSigner signer, ParameterList form) {
        SignedParameters signed = signer.sign(OAuthRequest.builder("POST", URL).formParameters(form).build());
        return form.toFormEncoded() + "&" + signed.toFormEncoded();
    }

    /** A normal LTI-sized signed form (about 1.5 KB), for comparison. */
    @Benchmark
    public Object normal() {
        return verifier.verify(IncomingRequest.builder("POST", URL)
                .formParameters(ParameterList.parseFormEncoded(normalForm)).build());
    }

    /** About 1 MB of made-up oauth_* names in a form, unsigned: refused. */
    @Benchmark
    public Object unknownProtocolNamesInAForm() {
        return refusal(IncomingRequest.builder("POST", URL)
                .formParameters(ParameterList.parseFormEncoded(unknownNamesForm)).build());
    }

    /** About 1 MB of made-up oauth_* names in the Authorization header: refused. */
    @Benchmark
    public Object unknownProtocolNamesInTheHeader() {
        return refusal(IncomingRequest.builder("GET", URL).authorization(unknownNamesHeader).build());
    }

    /** A 1 MB form of ordinary parameters, validly signed: accepted. */
    @Benchmark
    public Object bigSignedForm() {
        return verifier.verify(IncomingRequest.builder("POST", URL)
                .formParameters(ParameterList.parseFormEncoded(bigForm)).build());
    }

    private Object refusal(IncomingRequest request) {
        try {
            return verifier.verify(request);
        } catch (OAuthProblemException refused) {
            return refused.problem();
        }
    }
}

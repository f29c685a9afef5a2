package io.github.oauthconsumer.benchmarks;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.core.IncomingRequest;
import io.github.oauthconsumer.core.NonceCheck;
import io.github.oauthconsumer.core.OAuthRequest;
import io.github.oauthconsumer.core.OAuthSigner;
import io.github.oauthconsumer.core.ParameterList;
import io.github.oauthconsumer.core.SignatureVerifier;
import io.github.oauthconsumer.core.VerifiedRequest;
import io.github.oauthconsumer.spi.SigningKeys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * This library's engine: {@link OAuthSigner} with its defaults (fresh SecureRandom nonce, system
 * clock) for signing, {@link SignatureVerifier} with {@link NonceCheck#NONE} and a fixed clock
 * for verifying. Each operation builds its request from the workload, as an application would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OursBenchmark {

    private OAuthSigner signer;
    private AccessToken token;
    private SignatureVerifier verifier;
    private String presignedB;
    private ParameterList receivedForm;

    /** Builds the signer and verifier and fails unless every operation gives a correct result. */
    @Setup(Level.Trial)
    public void setUp() {
        signer = OAuthSigner.builder(Workloads.CONSUMER_KEY).consumerSecret(Workloads.CONSUMER_SECRET).build();
        token = AccessToken.of(Workloads.TOKEN, Workloads.TOKEN_SECRET);
        Optional<SigningKeys> keys = Optional.of(SigningKeys.ofSecrets(Workloads.CONSUMER_SECRET, null));
        verifier = SignatureVerifier.builder(key -> Workloads.CONSUMER_KEY.equals(key) ? keys : Optional.empty())
                .nonceCheck(NonceCheck.NONE)
                .clock(Presigned.CLOCK)
                .build();
        presignedB = Presigned.bTwoLeggedHeader();
        receivedForm = Workloads.bForm();

        assertSameAsJersey();
        SignatureCheck.assertCorrect("ours A", signA(), Workloads.A_METHOD, Workloads.A_URL, Workloads.NO_FORM, true);
        SignatureCheck.assertCorrect("ours B", signB(), Workloads.B_METHOD, Workloads.B_URL, Workloads.B_FORM, true);
        VerifiedRequest verified = verifyB();
        if (!Workloads.CONSUMER_KEY.equals(verified.consumerKey()) || !verified.parameters().first("status").isPresent()) {
            throw new IllegalStateException("ours verify B: wrong result " + verified);
        }
        assertTamperedRefused();
    }

    /** Workload A: sign a 3-legged GET, return the {@code Authorization} header. */
    @Benchmark
    public String signA() {
        return signer.sign(OAuthRequest.builder(Workloads.A_METHOD, Workloads.A_URL).token(token).build())
                .authorizationHeader();
    }

    /** Workload B: sign a 3-legged form POST, return the {@code Authorization} header. */
    @Benchmark
    public String signB() {
        OAuthRequest.Builder request = OAuthRequest.builder(Workloads.B_METHOD, Workloads.B_URL).token(token);
        for (String[] pair : Workloads.B_FORM) {
            request.formParameter(pair[0], pair[1]);
        }
        return signer.sign(request.build()).authorizationHeader();
    }

    /** Verifies workload B as received: header, URL and decoded form; throws if refused. */
    @Benchmark
    public VerifiedRequest verifyB() {
        return verifier.verify(IncomingRequest.builder(Workloads.B_METHOD, Workloads.B_URL)
                .authorization(presignedB)
                .formParameters(receivedForm)
                .build());
    }

    /** Our header for A and B with the fixed nonce and timestamp has exactly the parameters Jersey's has. */
    private static void assertSameAsJersey() {
        var jersey = Jersey.newSignature();
        String oursA = Presigned.signer().sign(Presigned.requestA()).authorizationHeader();
        String jerseyA = Jersey.sign(jersey, new JerseyRequest(Workloads.A_METHOD, Workloads.A_URL, Workloads.NO_FORM),
                Jersey.parameters(true).timestamp(Long.toString(Workloads.FIXED_TIMESTAMP)).nonce(Workloads.FIXED_NONCE),
                Jersey.secrets(true));
        SignatureCheck.assertSameParameters("ours A vs Jersey A", oursA, jerseyA);
        String oursB = Presigned.signer().sign(Presigned.requestB(true)).authorizationHeader();
        String jerseyB = Jersey.sign(jersey, new JerseyRequest(Workloads.B_METHOD, Workloads.B_URL, Workloads.B_FORM),
                Jersey.parameters(true).timestamp(Long.toString(Workloads.FIXED_TIMESTAMP)).nonce(Workloads.FIXED_NONCE),
                Jersey.secrets(true));
        SignatureCheck.assertSameParameters("ours B vs Jersey B", oursB, jerseyB);
    }

    private void assertTamperedRefused() {
        String tampered = presignedB.replace("oauth_nonce=\"", "oauth_nonce=\"x");
        try {
            verifier.verify(IncomingRequest.builder(Workloads.B_METHOD, Workloads.B_URL)
                    .authorization(tampered).formParameters(receivedForm).build());
        } catch (OAuthProblemException expected) {
            return;
        }
        throw new IllegalStateException("ours verify B: a tampered request was accepted");
    }
}

package io.github.oauthconsumer.benchmarks;

import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.oauth1.signature.OAuth1Secrets;
import org.glassfish.jersey.oauth1.signature.OAuth1Signature;
import org.glassfish.jersey.oauth1.signature.OAuth1SignatureException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Jersey's {@code oauth1-signature} 3.1.10, used as its client filter uses it: the configured
 * parameters are cloned and given a fresh timestamp and nonce, and {@link OAuth1Signature#sign}
 * writes the header into the request. Verification reads the parameters from the header and
 * calls {@link OAuth1Signature#verify}, as Jersey's server filter does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JerseyBenchmark {

    private OAuth1Signature signature;
    private OAuth1Parameters parameters;
    private OAuth1Secrets secrets;
    private OAuth1Secrets consumerSecrets;
    private JerseyRequest received;

    /** Creates the signature service and fails unless every operation gives a correct result. */
    @Setup(Level.Trial)
    public void setUp() {
        signature = Jersey.newSignature();
        parameters = Jersey.parameters(true);
        secrets = Jersey.secrets(true);
        consumerSecrets = Jersey.secrets(false);
        received = new JerseyRequest(Workloads.B_METHOD, Workloads.B_URL, Workloads.B_FORM);
        received.addHeaderValue("Authorization", Presigned.bTwoLeggedHeader());

        SignatureCheck.assertCorrect("Jersey A", signA(), Workloads.A_METHOD, Workloads.A_URL, Workloads.NO_FORM, true);
        SignatureCheck.assertCorrect("Jersey B", signB(), Workloads.B_METHOD, Workloads.B_URL, Workloads.B_FORM, true);
        verifyB();
        JerseyRequest tampered = new JerseyRequest(Workloads.B_METHOD, Workloads.B_URL, Workloads.B_FORM);
        tampered.addHeaderValue("Authorization", received.header("Authorization").replace("oauth_nonce=\"", "oauth_nonce=\"x"));
        if (verify(tampered)) {
            throw new IllegalStateException("Jersey verify B: a tampered request was accepted");
        }
    }

    /** Workload A: sign a 3-legged GET, return the {@code Authorization} header. */
    @Benchmark
    public String signA() {
        return Jersey.sign(signature, new JerseyRequest(Workloads.A_METHOD, Workloads.A_URL, Workloads.NO_FORM),
                parameters.clone().timestamp().nonce(), secrets);
    }

    /** Workload B: sign a 3-legged form POST, return the {@code Authorization} header. */
    @Benchmark
    public String signB() {
        return Jersey.sign(signature, new JerseyRequest(Workloads.B_METHOD, Workloads.B_URL, Workloads.B_FORM),
                parameters.clone().timestamp().nonce(), secrets);
    }

    /** Verifies workload B as received; throws if the signature does not match. */
    @Benchmark
    public boolean verifyB() {
        if (!verify(received)) {
            throw new IllegalStateException("Jersey verify B: refused a correct signature");
        }
        return true;
    }

    private boolean verify(JerseyRequest request) {
        try {
            return signature.verify(request, new OAuth1Parameters().readRequest(request), consumerSecrets);
        } catch (OAuth1SignatureException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.github.oauthconsumer.benchmarks;

import oauth.signpost.OAuthConsumer;
import oauth.signpost.basic.DefaultOAuthConsumer;
import oauth.signpost.exception.OAuthException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Signpost 2.1.1 ({@code signpost-core}): a {@link DefaultOAuthConsumer} with the access token
 * signs an in-memory {@link SignpostRequest}, reading the form from its body as Signpost does.
 * Signpost only signs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignpostBenchmark {

    private static final String FORM = "application/x-www-form-urlencoded";

    private OAuthConsumer consumer;
    private byte[] body;

    /** Creates the consumer and fails unless every operation gives a correct result. */
    @Setup(Level.Trial)
    public void setUp() {
        consumer = new DefaultOAuthConsumer(Workloads.CONSUMER_KEY, Workloads.CONSUMER_SECRET);
        consumer.setTokenWithSecret(Workloads.TOKEN, Workloads.TOKEN_SECRET);
        body = Workloads.bBody().getBytes(StandardCharsets.US_ASCII);
        SignatureCheck.assertCorrect("Signpost A", signA(), Workloads.A_METHOD, Workloads.A_URL, Workloads.NO_FORM, true);
        SignatureCheck.assertCorrect("Signpost B", signB(), Workloads.B_METHOD, Workloads.B_URL, Workloads.B_FORM, true);
    }

    /** Workload A: sign a 3-legged GET, return the {@code Authorization} header. */
    @Benchmark
    public String signA() {
        return sign(new SignpostRequest(Workloads.A_METHOD, Workloads.A_URL, null, null));
    }

    /** Workload B: sign a 3-legged form POST, return the {@code Authorization} header. */
    @Benchmark
    public String signB() {
        return sign(new SignpostRequest(Workloads.B_METHOD, Workloads.B_URL, FORM, body));
    }

    private String sign(SignpostRequest request) {
        try {
            consumer.sign(request);
        } catch (OAuthException e) {
            throw new IllegalStateException(e);
        }
        return request.getHeader("Authorization");
    }
}

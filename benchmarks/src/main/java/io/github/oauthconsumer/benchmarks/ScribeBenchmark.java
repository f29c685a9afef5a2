package io.github.oauthconsumer.benchmarks;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
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
 * ScribeJava 8.3.3: an {@link OAuth10aService} for {@link ScribeApi} signs a new
 * {@link OAuthRequest} with {@code signRequest(token, request)}; nothing is sent. ScribeJava only
 * signs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScribeBenchmark {

    private OAuth10aService service;
    private OAuth1AccessToken token;

    /** Creates the service and fails unless every operation gives a correct result. */
    @Setup(Level.Trial)
    public void setUp() {
        service = new ServiceBuilder(Workloads.CONSUMER_KEY).apiSecret(Workloads.CONSUMER_SECRET).build(new ScribeApi());
        token = new OAuth1AccessToken(Workloads.TOKEN, Workloads.TOKEN_SECRET);
        SignatureCheck.assertCorrect("ScribeJava A", signA(), Workloads.A_METHOD, Workloads.A_URL, Workloads.NO_FORM, true);
        SignatureCheck.assertCorrect("ScribeJava B", signB(), Workloads.B_METHOD, Workloads.B_URL, Workloads.B_FORM, true);
    }

    /** Workload A: sign a 3-legged GET, return the {@code Authorization} header. */
    @Benchmark
    public String signA() {
        OAuthRequest request = new OAuthRequest(Verb.GET, Workloads.A_URL);
        service.signRequest(token, request);
        return request.getHeaders().get("Authorization");
    }

    /** Workload B: sign a 3-legged form POST, return the {@code Authorization} header. */
    @Benchmark
    public String signB() {
        OAuthRequest request = new OAuthRequest(Verb.POST, Workloads.B_URL);
        for (String[] pair : Workloads.B_FORM) {
            request.addBodyParameter(pair[0], pair[1]);
        }
        service.signRequest(token, request);
        return request.getHeaders().get("Authorization");
    }
}

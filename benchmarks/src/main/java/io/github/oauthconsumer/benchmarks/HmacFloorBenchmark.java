package io.github.oauthconsumer.benchmarks;

import io.github.oauthconsumer.core.PercentEncoding;
import io.github.oauthconsumer.core.SignedParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The floor no OAuth library can beat: HMAC-SHA1 with a {@link Mac} initialised once per thread,
 * over the precomputed base-string bytes of workload A. No encoding, no sorting, no header.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HmacFloorBenchmark {

    private Mac mac;
    private byte[] baseString;

    /** Prepares the MAC and the base string and fails unless the MAC is workload A's signature. */
    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        SignedParameters signed = Presigned.signer().sign(Presigned.requestA());
        SignatureCheck.assertCorrect("floor A", signed.authorizationHeader(), Workloads.A_METHOD, Workloads.A_URL,
                Workloads.NO_FORM, true);
        baseString = Presigned.signer().baseString(Presigned.requestA(), signed).getBytes(StandardCharsets.US_ASCII);
        String key = PercentEncoding.encode(Workloads.CONSUMER_SECRET) + '&' + PercentEncoding.encode(Workloads.TOKEN_SECRET);
        mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(hmacA());
        if (!signature.equals(signed.signature())) {
            throw new IllegalStateException("floor A: HMAC " + signature + " is not the signature " + signed.signature());
        }
    }

    /** Workload A's raw HMAC-SHA1. */
    @Benchmark
    public byte[] hmacA() {
        return mac.doFinal(baseString);
    }
}

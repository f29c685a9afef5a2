package io.github.oauthconsumer.benchmarks;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.core.OAuthRequest;
import io.github.oauthconsumer.core.OAuthSigner;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Requests signed once with {@link Workloads#FIXED_NONCE} and {@link Workloads#FIXED_TIMESTAMP}:
 * the inputs of the sanity checks, of the HMAC floor and of both verification benchmarks.
 */
final class Presigned {

    /** The clock the fixed signer and the verifiers read: the fixed timestamp. */
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(Workloads.FIXED_TIMESTAMP), ZoneOffset.UTC);

    private static final OAuthSigner SIGNER = OAuthSigner.builder(Workloads.CONSUMER_KEY)
            .consumerSecret(Workloads.CONSUMER_SECRET)
            .clock(CLOCK)
            .nonces(() -> Workloads.FIXED_NONCE)
            .build();

    private Presigned() {
    }

    /** The signer with the fixed nonce and clock. */
    static OAuthSigner signer() {
        return SIGNER;
    }

    /** Workload A, 3-legged. */
    static OAuthRequest requestA() {
        return OAuthRequest.builder(Workloads.A_METHOD, Workloads.A_URL)
                .token(AccessToken.of(Workloads.TOKEN, Workloads.TOKEN_SECRET)).build();
    }

    /** Workload B, 3-legged when {@code threeLegged}, else with the consumer's credentials only. */
    static OAuthRequest requestB(boolean threeLegged) {
        OAuthRequest.Builder builder = OAuthRequest.builder(Workloads.B_METHOD, Workloads.B_URL)
                .formParameters(Workloads.bForm());
        if (threeLegged) {
            builder.token(AccessToken.of(Workloads.TOKEN, Workloads.TOKEN_SECRET));
        }
        return builder.build();
    }

    /**
     * The {@code Authorization} header of workload B signed 2-legged, checked against Jersey; the
     * engine's verifier accepts 2-legged requests only, so both verification benchmarks use it.
     */
    static String bTwoLeggedHeader() {
        String header = SIGNER.sign(requestB(false)).authorizationHeader();
        SignatureCheck.assertCorrect("pre-signed B", header, Workloads.B_METHOD, Workloads.B_URL, Workloads.B_FORM, false);
        return header;
    }
}

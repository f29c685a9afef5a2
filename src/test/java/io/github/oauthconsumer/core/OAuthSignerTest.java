package io.github.oauthconsumer.core;

import static io.github.oauthconsumer.core.VectorSupport.clockAt;
import static io.github.oauthconsumer.core.VectorSupport.normalizedParameters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.spi.SignatureMethod;
import io.github.oauthconsumer.spi.SigningKeys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The signer's own rules: which protocol parameters it sets, what it refuses, and that its buffers are safe to reuse. */
class OAuthSignerTest {

    private static OAuthSigner signer() {
        return OAuthSigner.builder("key").consumerSecret("secret").clock(clockAt(1_700_000_000L)).nonces(() -> "n").build();
    }

    @Test
    void timestampIsWholeSecondsOfTheClock() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_999L), ZoneOffset.UTC);
        SignedParameters signed = OAuthSigner.builder("key").consumerSecret("s").clock(clock).build()
                .sign(OAuthRequest.builder("GET", "https://x/").build());

        assertEquals("1700000000", signed.get("oauth_timestamp"));
    }

    @Test
    void defaultNoncesAre128RandomBitsInHex() {
        OAuthSigner signer = OAuthSigner.builder("key").consumerSecret("s").build();
        OAuthRequest request = OAuthRequest.builder("GET", "https://x/").build();

        String first = signer.sign(request).get("oauth_nonce");
        String second = signer.sign(request).get("oauth_nonce");

        assertTrue(first.matches("[0-9a-f]{32}"), first);
        assertNotEquals(first, second);
    }

    @Test
    void emptyConsumerSecretSignsWithTheAmpersandKey() {
        OAuthSigner signer = OAuthSigner.builder("key").consumerSecret("").signatureMethod("PLAINTEXT").build();

        assertEquals("&", signer.sign(OAuthRequest.builder("GET", "https://x/").build()).signature());
        assertEquals("&t%20s", signer.sign(OAuthRequest.builder("GET", "https://x/").token(AccessToken.of("t", "t s")).build())
                .signature());
    }

    @Test
    void realmIsNotSigned() {
        OAuthRequest request = OAuthRequest.builder("GET", "https://x/").build();
        OAuthSigner withRealm = OAuthSigner.builder("key").consumerSecret("secret").clock(clockAt(1_700_000_000L))
                .nonces(() -> "n").realm("Example").build();

        assertEquals(signer().sign(request).signature(), withRealm.sign(request).signature());
    }

    @ParameterizedTest
    @ValueSource(strings = {"oauth_signature", "oauth_nonce", "oauth_timestamp", "oauth_token", "oauth_consumer_key",
            "oauth_signature_method", "oauth_version", "oauth_body_hash", "callback"})
    void requestCannotSetWhatTheSignerSets(String name) {
        OAuthRequest.Builder builder = OAuthRequest.builder("GET", "https://x/");

        assertThrows(IllegalArgumentException.class, () -> builder.protocolParameter(name, "v"));
    }

    @Test
    void bodyHashAndFormBodyExcludeEachOther() {
        OAuthRequest.Builder builder = OAuthRequest.builder("POST", "https://x/").formParameter("a", "1").bodyHashOf(new byte[1]);

        assertThrows(IllegalArgumentException.class, builder::build);
    }

    @Test
    void keyMaterialMustFitTheMethod() {
        assertThrows(IllegalArgumentException.class, () -> OAuthSigner.builder("key").signatureMethod("RSA-SHA256").build());
        assertThrows(IllegalArgumentException.class, () -> OAuthSigner.builder("key").build());
        assertThrows(IllegalArgumentException.class, () -> OAuthSigner.builder("key").signatureMethod("HMAC-SHA3"));
    }

    @Test
    void manyParametersInAnyOrderAreSortedAndBuffersGrow() {
        OAuthRequest.Builder builder = OAuthRequest.builder("POST", "https://x/");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            String name = String.format("p%03d", i);
            expected.append(name).append("=a&").append(name).append("=b").append(i < 149 ? "&" : "");
        }
        for (int i = 149; i >= 0; i--) {
            builder.formParameter(String.format("p%03d", i), "b").formParameter(String.format("p%03d", i), "a");
        }

        assertEquals(expected.toString(), normalizedParameters(VectorSupport.baseString(builder.build())));
    }

    @Test
    void veryLargeRequestDoesNotDisturbTheNextOne() {
        OAuthRequest small = OAuthRequest.builder("GET", "https://x/?a=1").build();
        String before = VectorSupport.baseString(small);
        String big = "x".repeat(200_000);

        String large = VectorSupport.baseString(OAuthRequest.builder("POST", "https://x/").formParameter("big", big).build());

        assertTrue(large.endsWith("big%3D" + big));
        assertEquals(before, VectorSupport.baseString(small));
    }

    @Test
    void signingInsideASignatureMethodUsesItsOwnBuffers() {
        OAuthRequest inner = OAuthRequest.builder("GET", "https://inner.example/?b=2").build();
        String expectedInner = signer().sign(inner).signature();
        List<String> seenInside = new ArrayList<>();
        SignatureMethod nesting = new SignatureMethod() {
            @Override
            public String name() {
                return "X-NESTING";
            }

            @Override
            public String bodyHashAlgorithm() {
                return "SHA-256";
            }

            @Override
            public String sign(ByteBuffer baseString, SigningKeys keys) {
                String before = StandardCharsets.US_ASCII.decode(baseString.duplicate()).toString();
                seenInside.add(signer().sign(inner).signature());
                return StandardCharsets.US_ASCII.decode(baseString.duplicate()).toString().equals(before)
                        ? before : "buffer was overwritten";
            }

            @Override
            public boolean verify(ByteBuffer baseString, String signature, SigningKeys keys) {
                return false;
            }
        };
        OAuthSigner outer = OAuthSigner.builder("key").consumerSecret("s").signatureMethod(nesting)
                .clock(clockAt(1_700_000_000L)).nonces(() -> "n").build();
        OAuthRequest outerRequest = OAuthRequest.builder("GET", "https://outer.example/?a=1").build();

        SignedParameters signed = outer.sign(outerRequest);

        assertEquals(outer.baseString(outerRequest, signed), signed.signature());
        assertEquals(List.of(expectedInner), seenInside);
    }

    @Test
    void concurrentSigningGivesTheSameSignaturesAsSequentialSigning() throws Exception {
        OAuthSigner signer = signer();
        List<OAuthRequest> requests = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            OAuthRequest request = OAuthRequest.builder("POST", "https://x/r" + i + "?q=" + i)
                    .formParameter("v", "value " + i + " " + "y".repeat(i * 50)).build();
            requests.add(request);
            expected.add(signer.sign(request).signature());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                tasks.add(() -> {
                    List<String> signatures = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        for (OAuthRequest request : requests) {
                            signatures.add(signer.sign(request).signature());
                        }
                    }
                    return signatures;
                });
            }
            for (Future<List<String>> result : pool.invokeAll(tasks)) {
                List<String> signatures = result.get();
                for (int i = 0; i < signatures.size(); i++) {
                    assertEquals(expected.get(i % requests.size()), signatures.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package io.github.oauthconsumer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oauthconsumer.spi.SignatureMethod;
import io.github.oauthconsumer.spi.SigningKeys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OAuth Request Body Hash extension: the digest follows the signature method's family (SHA-1
 * for HMAC-SHA1, RSA-SHA1 and PLAINTEXT; SHA-256 and SHA-512 for the newer methods).
 */
class BodyHashTest {

    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

    private static SignatureMethod method(String name) {
        return SignatureMethods.find(name).orElseThrow();
    }

    /**
     * The one-block message "abc" of the SHA test vectors (FIPS 180-2 appendices A.1, B.1 and C.1;
     * RFC 6234 section 8.4, TEST1), written here in hex as published.
     */
    @ParameterizedTest
    @CsvSource({
            "HMAC-SHA1,   a9993e364706816aba3e25717850c26c9cd0d89d",
            "RSA-SHA1,    a9993e364706816aba3e25717850c26c9cd0d89d",
            "PLAINTEXT,   a9993e364706816aba3e25717850c26c9cd0d89d",
            "HMAC-SHA256, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "RSA-SHA256,  ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "HMAC-SHA512, ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                    + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            "RSA-SHA512,  ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                    + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"})
    void digestFollowsTheSignatureMethod(String methodName, String hexDigest) {
        String expected = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hexDigest));

        assertEquals(expected, BodyHash.of(ABC, method(methodName)));
        assertTrue(BodyHash.matches(ABC, expected, method(methodName)));
    }

    /** OAuth Request Body Hash 1.0, Appendix A.1 and A.2 (see PublishedVectorsTest.BodyHashSpecification). */
    @Test
    void specificationExamples() {
        assertEquals("Lve95gjOVATpfV8EL5X4nxwjKHE=", BodyHash.of("Hello World!".getBytes(StandardCharsets.US_ASCII),
                HmacSignatureMethod.HMAC_SHA1));
        assertEquals("2jmj7l5rSw0yVb/vlWAYkK/YBwk=", BodyHash.of(new byte[0], HmacSignatureMethod.HMAC_SHA1));
    }

    @Test
    void anotherBodyOrAnotherFamilyDoesNotMatch() {
        String sha1 = BodyHash.of(ABC, HmacSignatureMethod.HMAC_SHA1);

        assertFalse(BodyHash.matches("abd".getBytes(StandardCharsets.US_ASCII), sha1, HmacSignatureMethod.HMAC_SHA1));
        assertFalse(BodyHash.matches(ABC, sha1, HmacSignatureMethod.HMAC_SHA256));
        assertFalse(BodyHash.matches(ABC, sha1.substring(0, 20), HmacSignatureMethod.HMAC_SHA1));
    }

    @Test
    void theSameDigestInNonCanonicalBase64DoesNotMatch() {
        String sha1 = BodyHash.of(ABC, HmacSignatureMethod.HMAC_SHA1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int last = sha1.indexOf('=') - 1;
        String otherBits = sha1.substring(0, last) + alphabet.charAt(alphabet.indexOf(sha1.charAt(last)) + 1) + "=";

        assertTrue(BodyHash.matches(ABC, sha1, HmacSignatureMethod.HMAC_SHA1));
        assertFalse(BodyHash.matches(ABC, sha1.replace("=", ""), HmacSignatureMethod.HMAC_SHA1));
        assertFalse(BodyHash.matches(ABC, otherBits, HmacSignatureMethod.HMAC_SHA1));
    }

    @Test
    void receivedValueThatIsNotBase64DoesNotMatch() {
        assertFalse(BodyHash.matches(ABC, "not base64!", HmacSignatureMethod.HMAC_SHA1));
        assertFalse(BodyHash.matches(ABC, "", HmacSignatureMethod.HMAC_SHA1));
    }

    @Test
    void methodNamingAnUnknownDigestFailsClearly() {
        SignatureMethod odd = new SignatureMethod() {
            @Override
            public String name() {
                return "X-ODD";
            }

            @Override
            public String bodyHashAlgorithm() {
                return "NO-SUCH-DIGEST";
            }

            @Override
            public String sign(ByteBuffer baseString, SigningKeys keys) {
                return "";
            }

            @Override
            public boolean verify(ByteBuffer baseString, String signature, SigningKeys keys) {
                return false;
            }
        };

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BodyHash.of(ABC, odd));
        assertTrue(e.getMessage().contains("NO-SUCH-DIGEST"));
    }
}

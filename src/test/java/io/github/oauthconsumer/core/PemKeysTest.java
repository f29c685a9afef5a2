package io.github.oauthconsumer.core;

import static io.github.oauthconsumer.core.VectorSupport.ascii;
import static io.github.oauthconsumer.core.VectorSupport.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oauthconsumer.spi.SigningKeys;
import io.github.oauthconsumer.testprovider.TestCertificates;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PEM keys. The files under src/test/resources/keys/ are one 2048-bit test key, made with OpenSSL 3.0:
 * {@code openssl req -x509 -newkey rsa:2048 -nodes -keyout rsa-2048-pkcs8.pem -out rsa-2048-certificate.pem
 * -days 36500 -subj "/CN=oauth1-consumer test key"}, then {@code openssl rsa -traditional} (PKCS#1),
 * {@code openssl rsa -pubout} (public key), {@code openssl pkcs8 -topk8 -v2 aes-256-cbc} and
 * {@code openssl rsa -traditional -aes256} (the two encrypted forms, pass phrase "test-only").
 */
class PemKeysTest {

    private static final String BASE_STRING = "GET&https%3A%2F%2Fx.example%2F&a%3D1";

    private static String sign(PrivateKey key) {
        return RsaSignatureMethod.RSA_SHA256.sign(ascii(BASE_STRING), SigningKeys.ofPrivateKey(key));
    }

    private static boolean verifies(PublicKey key, String signature) {
        return RsaSignatureMethod.RSA_SHA256.verify(ascii(BASE_STRING), signature, SigningKeys.ofPublicKey(key));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Lines of Base64 in a PEM text: none may show up in an error message. */
    private static List<String> keyLines(String pem) {
        return pem.lines().filter(line -> !line.startsWith("-----") && !line.contains(":") && line.length() >= 8).toList();
    }

    private static void assertRefusedWithoutRepeatingTheKey(String pem, Function<String, ?> reader, String expectedWording) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reader.apply(pem));
        assertTrue(e.getMessage().contains(expectedWording), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String line : keyLines(pem)) {
                assertFalse(message.contains(line.substring(0, 8)), "an error message repeats the key: " + message);
            }
        }
    }

    @Test
    void pkcs8AndPkcs1FormsAreTheSameKey() {
        PrivateKey pkcs8 = PemKeys.privateKey(resource("keys/rsa-2048-pkcs8.pem"));
        PrivateKey pkcs1 = PemKeys.privateKey(resource("keys/rsa-2048-pkcs1.pem"));

        assertEquals("RSA", pkcs1.getAlgorithm());
        assertArrayEquals(pkcs8.getEncoded(), pkcs1.getEncoded());
    }

    @Test
    void publicKeyAndCertificateVerifyWhatThePrivateKeySigned() {
        String signature = sign(PemKeys.privateKey(resource("keys/rsa-2048-pkcs1.pem")));
        PublicKey fromPublicKey = PemKeys.publicKey(resource("keys/rsa-2048-public.pem"));
        PublicKey fromCertificate = PemKeys.publicKey(resource("keys/rsa-2048-certificate.pem"));

        assertTrue(verifies(fromPublicKey, signature));
        assertTrue(verifies(fromCertificate, signature));
        assertArrayEquals(fromPublicKey.getEncoded(), fromCertificate.getEncoded());
    }

    @Test
    void aCertificateOfAnotherKindOfKeyIsRefused() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        String certificate = TestCertificates.certificatePem(ec.generateKeyPair().getPublic(),
                TestCertificates.newRsaKeyPair(), "ec-platform");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PemKeys.publicKey(certificate));

        assertTrue(e.getMessage().contains("not an RSA key"), e.getMessage());
    }

    /** {@code openssl rsa -in rsa-2048-pkcs8.pem -RSAPublicKey_out} writes the PKCS#1 {@code RSA PUBLIC KEY} form. */
    @Test
    void pkcs1PublicKeyIsTheSameKeyAsTheX509Form() {
        String signature = sign(PemKeys.privateKey(resource("keys/rsa-2048-pkcs8.pem")));
        PublicKey pkcs1 = PemKeys.publicKey(resource("keys/rsa-2048-pkcs1-public.pem"));

        assertTrue(verifies(pkcs1, signature));
        assertArrayEquals(PemKeys.publicKey(resource("keys/rsa-2048-public.pem")).getEncoded(), pkcs1.getEncoded());
    }

    @Test
    void publishedPkcs1KeyOfOauthlibIsRead() {
        PrivateKey key = PemKeys.privateKey(resource("vectors/oauthlib-private-key-pkcs1.pem"));

        assertEquals("RSA", key.getAlgorithm());
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 3072})
    void pkcs1KeysOfOtherSizesAreRead(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        var pair = generator.generateKeyPair();
        String pkcs1 = pem("RSA PRIVATE KEY", pkcs1Of(pair.getPrivate().getEncoded()));

        PrivateKey read = PemKeys.privateKey(pkcs1);

        assertArrayEquals(pair.getPrivate().getEncoded(), read.getEncoded());
        assertTrue(verifies(PemKeys.publicKey(pem("PUBLIC KEY", pair.getPublic().getEncoded())), sign(read)));
    }

    @Test
    void textAroundTheBlockAndWindowsLineEndingsAreAccepted() {
        String pem = "Bag Attributes\r\n    friendlyName: test\r\n" + resource("keys/rsa-2048-pkcs8.pem").replace("\n", "\r\n")
                + "trailing text\r\n";

        assertArrayEquals(PemKeys.privateKey(resource("keys/rsa-2048-pkcs8.pem")).getEncoded(), PemKeys.privateKey(pem).getEncoded());
    }

    @Test
    void encryptedPkcs8KeyIsRefused() {
        assertRefusedWithoutRepeatingTheKey(resource("keys/rsa-2048-pkcs8-encrypted.pem"), PemKeys::privateKey, "encrypted");
    }

    @Test
    void encryptedPkcs1KeyIsRefused() {
        assertRefusedWithoutRepeatingTheKey(resource("keys/rsa-2048-pkcs1-encrypted.pem"), PemKeys::privateKey, "encrypted");
    }

    @Test
    void truncatedKeyIsRefused() {
        String pem = resource("keys/rsa-2048-pkcs8.pem");
        List<String> lines = pem.lines().toList();
        String truncated = String.join("\n", lines.subList(0, lines.size() / 2)) + "\n" + lines.get(lines.size() - 1) + "\n";

        assertRefusedWithoutRepeatingTheKey(truncated, PemKeys::privateKey, "not a valid RSA private key");
    }

    @Test
    void keyWithoutEndLineIsRefused() {
        String pem = resource("keys/rsa-2048-pkcs1.pem");
        String cut = pem.substring(0, pem.indexOf("-----END"));

        assertRefusedWithoutRepeatingTheKey(cut, PemKeys::privateKey, "END");
    }

    @Test
    void invalidBase64IsRefused() {
        String pem = resource("keys/rsa-2048-pkcs8.pem");
        String broken = pem.replaceFirst("\n", "\n=@=@=@=@\n");

        assertRefusedWithoutRepeatingTheKey(broken, PemKeys::privateKey, "Base64");
    }

    @Test
    void garbageIsRefused() {
        String bare = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCZ";
        assertRefusedWithoutRepeatingTheKey(bare, PemKeys::privateKey, "no '-----BEGIN");
        assertRefusedWithoutRepeatingTheKey(bare, PemKeys::publicKey, "no '-----BEGIN");
        assertRefusedWithoutRepeatingTheKey(pem("PRIVATE KEY", "not a key at all, only text".getBytes()), PemKeys::privateKey,
                "not a valid RSA private key");
        assertRefusedWithoutRepeatingTheKey(pem("RSA PRIVATE KEY", "not a key at all, only text".getBytes()), PemKeys::privateKey,
                "not a valid RSA private key");
        assertRefusedWithoutRepeatingTheKey(pem("PUBLIC KEY", "not a key at all, only text".getBytes()), PemKeys::publicKey,
                "not a valid RSA public key");
        assertRefusedWithoutRepeatingTheKey(pem("CERTIFICATE", "not a certificate, only text".getBytes()), PemKeys::publicKey,
                "not a valid X.509 certificate");
        assertThrows(IllegalArgumentException.class, () -> PemKeys.privateKey(null));
        assertThrows(IllegalArgumentException.class, () -> PemKeys.publicKey(null));
    }

    @Test
    void keyOfAnotherKindIsRefused() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        String ecKey = pem("PRIVATE KEY", ec.generateKeyPair().getPrivate().getEncoded());

        assertRefusedWithoutRepeatingTheKey(ecKey, PemKeys::privateKey, "not a valid RSA private key");
    }

    @Test
    void privateKeyIsNotTakenForAPublicKey() {
        assertRefusedWithoutRepeatingTheKey(resource("keys/rsa-2048-pkcs8.pem"), PemKeys::publicKey, "no '-----BEGIN PUBLIC KEY");
        assertRefusedWithoutRepeatingTheKey(resource("keys/rsa-2048-public.pem"), PemKeys::privateKey, "no '-----BEGIN PRIVATE KEY");
    }

    /**
     * The RSAPrivateKey (PKCS#1) inside a PKCS#8 PrivateKeyInfo: the content of the OCTET STRING that
     * follows the version and the algorithm identifier.
     */
    private static byte[] pkcs1Of(byte[] pkcs8) {
        int[] position = {0};
        readHeader(pkcs8, position);                    // PrivateKeyInfo SEQUENCE: enter it
        int versionLength = readHeader(pkcs8, position); // version INTEGER: skip it
        position[0] += versionLength;
        int algorithmLength = readHeader(pkcs8, position); // AlgorithmIdentifier SEQUENCE: skip it
        position[0] += algorithmLength;
        int length = readHeader(pkcs8, position);       // privateKey OCTET STRING: its content
        byte[] pkcs1 = new byte[length];
        System.arraycopy(pkcs8, position[0], pkcs1, 0, length);
        return pkcs1;
    }

    /** Skips a DER tag and length; returns the length and leaves the position at the content. */
    private static int readHeader(byte[] der, int[] position) {
        position[0]++;
        int first = der[position[0]++] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7F); i++) {
            length = (length << 8) | (der[position[0]++] & 0xFF);
        }
        return length;
    }
}

package io.github.oauthconsumer.testprovider;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * PEM material for RSA-SHA1 consumers. Jersey verifies RSA-SHA1 only when the consumer "secret" is
 * a PEM X.509 certificate, and the JDK has no public API to make one, so this writes a minimal
 * self-signed v1 certificate in DER by hand.
 */
public final class TestCertificates {

    private static final byte[] SHA256_WITH_RSA = {
        0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x0b};
    private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03};

    private TestCertificates() {
    }

    /** A fresh 2048-bit RSA key pair (generating one takes from 0.1 s to over 1 s: share them). */
    public static KeyPair newRsaKeyPair() {
        return newRsaKeyPair(2048);
    }

    /** A fresh RSA key pair of the given size; 1024 bits is much faster to make, enough for a wrong key. */
    public static KeyPair newRsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code -----BEGIN CERTIFICATE-----} PEM of a self-signed certificate for the key pair's public key. */
    public static String selfSignedCertificatePem(KeyPair keyPair, String commonName) {
        return certificatePem(keyPair.getPublic(), keyPair, commonName);
    }

    /** A certificate for {@code subject} (any algorithm), signed with the RSA key pair {@code issuer}. */
    public static String certificatePem(PublicKey subject, KeyPair issuer, String commonName) {
        byte[] algorithm = der(0x30, SHA256_WITH_RSA, new byte[] {0x05, 0x00});
        byte[] name = der(0x30, der(0x31, der(0x30, COMMON_NAME,
                der(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
        byte[] validity = der(0x30, der(0x17, ascii("000101000000Z")), der(0x17, ascii("491231235959Z")));
        byte[] tbs = der(0x30, der(0x02, BigInteger.valueOf(System.nanoTime() & Long.MAX_VALUE).toByteArray()),
                algorithm, name, validity, name, subject.getEncoded());
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(issuer.getPrivate());
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] bitString = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bitString, 1, signature.length);
            return pem("CERTIFICATE", der(0x30, tbs, algorithm, der(0x03, bitString)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code -----BEGIN PRIVATE KEY-----} (PKCS#8) PEM of the key pair's private key. */
    public static String privateKeyPem(KeyPair keyPair) {
        return pem("PRIVATE KEY", keyPair.getPrivate().getEncoded());
    }

    /** The private key as Jersey's client wants it for RSA-SHA1: base64 PKCS#8 without PEM armour. */
    public static String privateKeyBase64(KeyPair keyPair) {
        return Base64.getEncoder().encodeToString(keyPair.getPrivate().getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] der(int tag, byte[]... contents) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] content : contents) {
            body.writeBytes(content);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = body.size();
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] lengthBytes = BigInteger.valueOf(length).toByteArray();
            int skip = lengthBytes[0] == 0 ? 1 : 0;
            out.write(0x80 | (lengthBytes.length - skip));
            out.write(lengthBytes, skip, lengthBytes.length - skip);
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }
}

package io.github.oauthconsumer.core;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads RSA keys from PEM text: private keys in PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}, as OpenSSL and Jira application-link guides produce), public keys
 * as {@code BEGIN PUBLIC KEY} or inside an X.509 certificate. Errors say what is wrong with the text
 * and never repeat it.
 */
public final class PemKeys {

    private static final String PKCS8 = "PRIVATE KEY";
    private static final String PKCS1 = "RSA PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";
    private static final String PKCS1_PUBLIC = "RSA PUBLIC KEY";
    private static final byte[] RSA_ENCRYPTION = {0x30, 0x0D, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final String CERTIFICATE = "CERTIFICATE";

    private PemKeys() {
    }

    /**
     * Reads an RSA private key.
     *
     * @throws IllegalArgumentException naming the problem (no PEM block, an encrypted key, bad Base64,
     *                                  not RSA, a malformed structure), never the key
     */
    public static PrivateKey privateKey(String pem) {
        if (pem != null && pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException("the private key is encrypted; give an unencrypted PKCS#8 or PKCS#1 PEM key");
        }
        String type = blockType(pem, PKCS1, PKCS8);
        if (type == null) {
            throw new IllegalArgumentException(
                    "no '-----BEGIN PRIVATE KEY-----' (PKCS#8) or '-----BEGIN RSA PRIVATE KEY-----' (PKCS#1) block found");
        }
        byte[] der = body(pem, type);
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (type.equals(PKCS8)) {
                return rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            }
            return rsa.generatePrivate(pkcs1(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + describe(type) + " block is not a valid RSA private key", null);
        }
    }

    /**
     * Reads an RSA public key from a {@code PUBLIC KEY} block, a PKCS#1 {@code RSA PUBLIC KEY} block or an
     * X.509 {@code CERTIFICATE}.
     *
     * @throws IllegalArgumentException naming the problem, never the key
     */
    public static PublicKey publicKey(String pem) {
        String type = blockType(pem, CERTIFICATE, PKCS1_PUBLIC, PUBLIC);
        if (type == null) {
            throw new IllegalArgumentException("no '-----BEGIN PUBLIC KEY-----', '-----BEGIN RSA PUBLIC KEY-----'"
                    + " or '-----BEGIN CERTIFICATE-----' block found");
        }
        byte[] der = body(pem, type);
        try {
            if (type.equals(CERTIFICATE)) {
                X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
                PublicKey key = certificate.getPublicKey();
                if (!(key instanceof RSAPublicKey)) {
                    throw new IllegalArgumentException("the CERTIFICATE block holds a " + key.getAlgorithm()
                            + " key, not an RSA key", null);
                }
                return key;
            }
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                    type.equals(PKCS1_PUBLIC) ? subjectPublicKeyInfo(der) : der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the CERTIFICATE block is not a valid X.509 certificate", null);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the " + type + " block is not a valid RSA public key", null);
        }
    }

    private static String blockType(String pem, String... types) {
        if (pem == null) {
            return null;
        }
        for (String type : types) {
            if (pem.contains("-----BEGIN " + type + "-----")) {
                return type;
            }
        }
        return null;
    }

    private static byte[] body(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int start = pem.indexOf(begin) + begin.length();
        int stop = pem.indexOf(end, start);
        if (stop < 0) {
            throw new IllegalArgumentException("the " + describe(type) + " block has no '" + end + "' line");
        }
        String base64 = pem.substring(start, stop);
        if (base64.contains(":")) {
            throw new IllegalArgumentException("the " + describe(type)
                    + " block has PEM headers (Proc-Type/DEK-Info), so it is encrypted; give an unencrypted key");
        }
        try {
            return Base64.getMimeDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + describe(type) + " block is not valid Base64", null);
        }
    }

    private static String describe(String type) {
        return switch (type) {
            case PKCS1 -> "RSA PRIVATE KEY (PKCS#1)";
            case PKCS8 -> "PRIVATE KEY (PKCS#8)";
            default -> type;
        };
    }

    /**
     * Wraps a PKCS#1 {@code RSAPrivateKey} in the PKCS#8 {@code PrivateKeyInfo} envelope
     * (version 0, algorithm rsaEncryption), so that the JCA parses and checks the key itself.
     */
    private static PKCS8EncodedKeySpec pkcs1(byte[] rsaPrivateKey) {
        byte[] version = {0x02, 0x01, 0x00};
        return new PKCS8EncodedKeySpec(der(0x30, concat(version, RSA_ENCRYPTION, der(0x04, rsaPrivateKey))));
    }

    /**
     * Wraps a PKCS#1 {@code RSAPublicKey} in the X.509 {@code SubjectPublicKeyInfo} envelope
     * (algorithm rsaEncryption, the key as a BIT STRING with no unused bits).
     */
    private static byte[] subjectPublicKeyInfo(byte[] rsaPublicKey) {
        return der(0x30, concat(RSA_ENCRYPTION, der(0x03, concat(new byte[] {0x00}, rsaPublicKey))));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int position = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, position, part.length);
            position += part.length;
        }
        return all;
    }

    private static byte[] der(int tag, byte[] content) {
        int length = content.length;
        int lengthBytes = length < 0x80 ? 0 : length < 0x100 ? 1 : length < 0x10000 ? 2 : 3;
        byte[] out = new byte[2 + lengthBytes + length];
        out[0] = (byte) tag;
        if (lengthBytes == 0) {
            out[1] = (byte) length;
        } else {
            out[1] = (byte) (0x80 | lengthBytes);
            for (int i = 0; i < lengthBytes; i++) {
                out[2 + i] = (byte) (length >> (8 * (lengthBytes - 1 - i)));
            }
        }
        System.arraycopy(content, 0, out, 2 + lengthBytes, length);
        return out;
    }
}

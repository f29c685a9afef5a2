package io.github.oauthconsumer.cdi;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;

/**
 * PEM text of a JCA key pair's private key in both formats the library reads. The PKCS#1 form is
 * written here from the key's numbers (RFC 8017 appendix A.1.2), not by unwrapping the PKCS#8
 * form, so that it does not mirror how the library converts one into the other.
 */
final class RsaPem {

    private RsaPem() {
    }

    /** {@code -----BEGIN PRIVATE KEY-----}: the JCA's own PKCS#8 encoding. */
    static String pkcs8(KeyPair keyPair) {
        return pem("PRIVATE KEY", keyPair.getPrivate().getEncoded());
    }

    /** {@code -----BEGIN RSA PRIVATE KEY-----}: {@code RSAPrivateKey ::= SEQUENCE { version, n, e, d, p, q, dP, dQ, qInv }}. */
    static String pkcs1(KeyPair keyPair) {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) keyPair.getPrivate();
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        for (BigInteger value : new BigInteger[] {BigInteger.ZERO, key.getModulus(), key.getPublicExponent(),
                key.getPrivateExponent(), key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(),
                key.getPrimeExponentQ(), key.getCrtCoefficient()}) {
            fields.writeBytes(der(0x02, value.toByteArray()));
        }
        return pem("RSA PRIVATE KEY", der(0x30, fields.toByteArray()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (content.length < 0x80) {
            out.write(content.length);
        } else {
            byte[] length = BigInteger.valueOf(content.length).toByteArray();
            int skip = length[0] == 0 ? 1 : 0;
            out.write(0x80 | (length.length - skip));
            out.write(length, skip, length.length - skip);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}

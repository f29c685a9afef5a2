package io.github.oauthconsumer.core;

import io.github.oauthconsumer.spi.SignatureMethod;
import io.github.oauthconsumer.spi.SigningKeys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * PLAINTEXT (RFC 5849 section 3.4.4): the signature is the HMAC key itself, so it is only safe over
 * TLS. The base string is ignored. The body hash, where used, is SHA-1.
 */
final class PlaintextSignatureMethod implements SignatureMethod {

    static final PlaintextSignatureMethod INSTANCE = new PlaintextSignatureMethod();

    private PlaintextSignatureMethod() {
    }

    @Override
    public String name() {
        return "PLAINTEXT";
    }

    @Override
    public String bodyHashAlgorithm() {
        return "SHA-1";
    }

    @Override
    public String sign(ByteBuffer baseString, SigningKeys keys) {
        return new String(HmacSignatureMethod.key(keys), StandardCharsets.US_ASCII);
    }

    @Override
    public boolean verify(ByteBuffer baseString, String signature, SigningKeys keys) {
        return MessageDigest.isEqual(HmacSignatureMethod.key(keys), signature.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return name();
    }
}

package io.github.oauthconsumer.testsupport;

import io.github.oauthconsumer.testsupport.JerseyOAuth1.Param;
import org.glassfish.jersey.internal.inject.InjectionManager;
import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.oauth1.signature.OAuth1Secrets;
import org.glassfish.jersey.oauth1.signature.OAuth1Signature;
import org.glassfish.jersey.oauth1.signature.OAuth1SignatureException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Signs requests with Jersey's {@code oauth1-signature}, an RFC 5849 implementation this project
 * did not write, so that the server side is tested against someone else's idea of a signature.
 */
public final class JerseySigner implements AutoCloseable {

    private final InjectionManager injectionManager;
    private final OAuth1Signature signature;

    /** A signer with Jersey's signature methods; close it when done. */
    public JerseySigner() {
        injectionManager = JerseyOAuth1.signatureMethods();
        signature = new OAuth1Signature(injectionManager);
    }

    /**
     * Signs a request.
     *
     * @param method   the HTTP method
     * @param url      the URL as the signer sees it, with its query (form-encoded)
     * @param form     the form parameters of the body, or an empty list
     * @param protocol the protocol parameters: consumer key, signature method, timestamp, nonce, ...
     * @param secret   the consumer secret (HMAC, PLAINTEXT) or base64 PKCS#8 private key (RSA-SHA1)
     * @return the protocol parameters with {@code oauth_signature}
     */
    public OAuth1Parameters sign(String method, String url, List<Param> form, OAuth1Parameters protocol, String secret) {
        OAuth1Parameters signed = protocol.clone();
        try {
            signed.signature(signature.generate(new JerseyOAuth1.Request(method, url, form, null), signed,
                    new OAuth1Secrets().consumerSecret(secret)));
        } catch (OAuth1SignatureException e) {
            throw new IllegalStateException("Jersey could not sign", e);
        }
        return signed;
    }

    /** The {@code Authorization} header Jersey writes for these parameters. */
    public static String authorizationHeader(OAuth1Parameters signed) {
        JerseyOAuth1.Request request = new JerseyOAuth1.Request("GET", "http://unused.example/", List.of(), null);
        signed.writeRequest(request);
        return request.authorization();
    }

    /** The parameters as {@code name=value&...}, form-encoded. */
    public static String formEncoded(Map<String, String> parameters) {
        List<Param> params = new ArrayList<>();
        parameters.forEach((name, value) -> params.add(new Param(name, value)));
        return formEncoded(params);
    }

    /** The parameters as {@code name=value&...}, form-encoded. */
    public static String formEncoded(List<Param> parameters) {
        StringBuilder out = new StringBuilder();
        for (Param param : parameters) {
            out.append(out.length() == 0 ? "" : "&").append(URLEncoder.encode(param.name(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(param.value(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    @Override
    public void close() {
        injectionManager.shutdown();
    }
}

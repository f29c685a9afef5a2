package io.github.oauthconsumer.it.validation;

import jakarta.inject.Singleton;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.internal.inject.InjectionManager;
import org.glassfish.jersey.internal.inject.Injections;
import org.glassfish.jersey.oauth1.signature.HmaSha1Method;
import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.oauth1.signature.OAuth1Request;
import org.glassfish.jersey.oauth1.signature.OAuth1Secrets;
import org.glassfish.jersey.oauth1.signature.OAuth1Signature;
import org.glassfish.jersey.oauth1.signature.OAuth1SignatureException;
import org.glassfish.jersey.oauth1.signature.OAuth1SignatureMethod;
import org.glassfish.jersey.oauth1.signature.PlaintextMethod;
import org.glassfish.jersey.oauth1.signature.RsaSha1Method;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signs requests with Jersey's {@code oauth1-signature}, an RFC 5849 implementation this project
 * did not write, so that the server side is tested against someone else's idea of a signature.
 */
final class JerseySigner implements AutoCloseable {

    private final InjectionManager injectionManager;
    private final OAuth1Signature signature;

    JerseySigner() {
        injectionManager = Injections.createInjectionManager(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(HmaSha1Method.class).to(OAuth1SignatureMethod.class).in(Singleton.class);
                bind(PlaintextMethod.class).to(OAuth1SignatureMethod.class).in(Singleton.class);
                bind(RsaSha1Method.class).to(OAuth1SignatureMethod.class).in(Singleton.class);
            }
        });
        injectionManager.completeRegistration();
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
    OAuth1Parameters sign(String method, String url, List<Param> form, OAuth1Parameters protocol, String secret) {
        OAuth1Parameters signed = protocol.clone();
        try {
            signed.signature(signature.generate(new Request(method, url, form), signed,
                    new OAuth1Secrets().consumerSecret(secret)));
        } catch (OAuth1SignatureException e) {
            throw new IllegalStateException("Jersey could not sign", e);
        }
        return signed;
    }

    /** The {@code Authorization} header Jersey writes for these parameters. */
    static String authorizationHeader(OAuth1Parameters signed) {
        Request request = new Request("GET", "http://unused.example/", List.of());
        signed.writeRequest(request);
        return request.authorization.get(0);
    }

    /** The parameters as {@code name=value&...}, form-encoded. */
    static String formEncoded(Map<String, String> parameters) {
        List<Param> params = new ArrayList<>();
        parameters.forEach((name, value) -> params.add(new Param(name, value)));
        return formEncoded(params);
    }

    /** The parameters as {@code name=value&...}, form-encoded. */
    static String formEncoded(List<Param> parameters) {
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

    /** One form or query parameter. */
    record Param(String name, String value) {
    }

    /** Jersey's view of a request: the URL, and the query and form parameters, decoded. */
    private static final class Request implements OAuth1Request {
        private final String method;
        private final URL url;
        private final Map<String, List<String>> parameters = new LinkedHashMap<>();
        private final List<String> authorization = new ArrayList<>();

        Request(String method, String url, List<Param> form) {
            URI uri = URI.create(url);
            this.method = method;
            try {
                this.url = uri.toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(url, e);
            }
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    int equals = pair.indexOf('=');
                    add(decode(equals < 0 ? pair : pair.substring(0, equals)), equals < 0 ? "" : decode(pair.substring(equals + 1)));
                }
            }
            form.forEach(param -> add(param.name(), param.value()));
        }

        private void add(String name, String value) {
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }

        private static String decode(String text) {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }

        @Override
        public String getRequestMethod() {
            return method;
        }

        @Override
        public URL getRequestURL() {
            return url;
        }

        @Override
        public Set<String> getParameterNames() {
            return parameters.keySet();
        }

        @Override
        public List<String> getParameterValues(String name) {
            return parameters.get(name);
        }

        @Override
        public List<String> getHeaderValues(String name) {
            return name.equalsIgnoreCase(OAuth1Parameters.AUTHORIZATION_HEADER) ? authorization : null;
        }

        @Override
        public void addHeaderValue(String name, String value) {
            authorization.add(value);
        }
    }
}

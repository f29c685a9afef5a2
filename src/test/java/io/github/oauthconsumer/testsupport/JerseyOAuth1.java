package io.github.oauthconsumer.testsupport;

import jakarta.inject.Singleton;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.internal.inject.InjectionManager;
import org.glassfish.jersey.internal.inject.Injections;
import org.glassfish.jersey.oauth1.signature.HmaSha1Method;
import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.oauth1.signature.OAuth1Request;
import org.glassfish.jersey.oauth1.signature.OAuth1SignatureMethod;
import org.glassfish.jersey.oauth1.signature.PlaintextMethod;
import org.glassfish.jersey.oauth1.signature.RsaSha1Method;
import org.glassfish.jersey.uri.UriComponent;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the tests need to run Jersey's {@code oauth1-signature}, the RFC 5849 implementation this
 * project did not write, outside a Jersey server: its signature methods bound the way its
 * {@code OAuth1SignatureFeature} binds them, and its view of a request. The engine's cross-check
 * and the integration tests of {@code @ValidateSignature} share them, so that both feed Jersey the
 * same way.
 */
public final class JerseyOAuth1 {

    private JerseyOAuth1() {
    }

    /** An injection manager with Jersey's HMAC-SHA1, PLAINTEXT and RSA-SHA1 methods; shut it down when done. */
    public static InjectionManager signatureMethods() {
        InjectionManager manager = Injections.createInjectionManager(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(HmaSha1Method.class).to(OAuth1SignatureMethod.class).in(Singleton.class);
                bind(PlaintextMethod.class).to(OAuth1SignatureMethod.class).in(Singleton.class);
                bind(RsaSha1Method.class).to(OAuth1SignatureMethod.class).in(Singleton.class);
            }
        });
        manager.completeRegistration();
        return manager;
    }

    /** One form or query parameter, decoded. */
    public record Param(String name, String value) {
    }

    /**
     * Jersey's view of a request: the URL, the query parameters as Jersey's server decodes them
     * ({@link UriComponent#decodeQuery}), the form parameters, and the {@code Authorization} header
     * (read by Jersey when verifying, written by it when signing).
     */
    public static final class Request implements OAuth1Request {

        private final String method;
        private final URL url;
        private final Map<String, List<String>> parameters = new LinkedHashMap<>();
        private final List<String> authorization = new ArrayList<>();

        /**
         * @param url           absolute, with its query as sent
         * @param form          the form parameters of the body, decoded
         * @param authorization the {@code Authorization} header, or null
         */
        public Request(String method, String url, List<Param> form, String authorization) {
            URI uri = URI.create(url);
            this.method = method;
            try {
                this.url = uri.toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(url, e);
            }
            UriComponent.decodeQuery(uri.getRawQuery(), true)
                    .forEach((name, values) -> parameters.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
            form.forEach(p -> parameters.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(p.value()));
            if (authorization != null) {
                this.authorization.add(authorization);
            }
        }

        /** The one {@code Authorization} header Jersey wrote. */
        public String authorization() {
            if (authorization.size() != 1) {
                throw new IllegalStateException("expected one Authorization header, found " + authorization.size());
            }
            return authorization.get(0);
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
            if (!name.equalsIgnoreCase(OAuth1Parameters.AUTHORIZATION_HEADER)) {
                throw new IllegalArgumentException("Jersey wrote an unexpected header " + name);
            }
            authorization.add(value);
        }
    }
}

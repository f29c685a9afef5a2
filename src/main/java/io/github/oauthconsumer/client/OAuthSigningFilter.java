package io.github.oauthconsumer.client;

import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.Token;
import io.github.oauthconsumer.api.Transport;
import io.github.oauthconsumer.config.ConsumerDefinition;
import io.github.oauthconsumer.config.ConsumerDefinitions;
import io.github.oauthconsumer.core.OAuthRequest;
import io.github.oauthconsumer.core.ParameterList;
import io.github.oauthconsumer.core.RefusalDiagnoses;
import io.github.oauthconsumer.core.SignedParameters;
import io.github.oauthconsumer.monitoring.Monitor;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Signs the requests of any JAX-RS client for one consumer (RFC 5849). Register an instance from
 * {@code SignedClient}, {@code new OAuthSigningFilter("name")}, or the class itself on a
 * MicroProfile Rest Client interface annotated {@link OAuthConsumer} (interfaces with that
 * annotation are signed automatically; registering the class is then not needed).
 *
 * <p>Form entities ({@link Form} or a form-typed {@link MultivaluedMap}) have their parameters
 * signed; other entities are covered by {@code oauth_body_hash} when the consumer is configured
 * so, in which case signing waits for the serialized body and the parameters always go in the
 * {@code Authorization} header. A request that already has an
 * {@code Authorization} header is left alone. The property {@link #TOKEN_PROPERTY} (a
 * {@link Token}), set on the request or on its {@code WebTarget} or {@code Client}, makes the
 * request 3-legged; {@link #PROTOCOL_PARAMETERS_PROPERTY} (a {@code Map<String, String>}) adds
 * protocol parameters such as {@code oauth_verifier}.
 *
 * <p>Calls it signs for such clients are reported to the library's monitoring as {@code api_call}s
 * when they are answered, and a provider's refusal of one teaches the consumer's clock and is
 * diagnosed in the log ({@link FilteredCall}); the answer reaches the application unchanged, and
 * the call is not sent again.
 */
@Priority(Priorities.AUTHENTICATION)
public class OAuthSigningFilter implements ClientRequestFilter, ClientResponseFilter, WriterInterceptor {

    /** Request property: the {@link Token} to sign with. */
    public static final String TOKEN_PROPERTY = "io.github.oauthconsumer.token";
    /** Request property: extra protocol parameters, a {@code Map<String, String>}. */
    public static final String PROTOCOL_PARAMETERS_PROPERTY = "io.github.oauthconsumer.protocol-parameters";
    /** Request property: the consumer name, for a filter registered without one. */
    public static final String CONSUMER_PROPERTY = "io.github.oauthconsumer.consumer";

    private static final String INVOKED_METHOD = "org.eclipse.microprofile.rest.client.invokedMethod";
    private static final String DEFERRED = "io.github.oauthconsumer.deferred-signing";
    private static final String DEFERRED_METHOD = DEFERRED + ".method";
    private static final String DEFERRED_URI = DEFERRED + ".uri";

    private final String consumerName;
    /** The consumers this filter has signed for, by name: looked up in CDI once each. */
    private final ConcurrentMap<String, ConsumerDefinition> definitions = new ConcurrentHashMap<>();
    /** Where the calls signed for the application's clients are reported: looked up in CDI when first needed. */
    private volatile Monitor monitor;

    /**
     * A filter that finds its consumer per request: the {@link #CONSUMER_PROPERTY} request property,
     * or the {@link OAuthConsumer} annotation of the invoked MicroProfile Rest Client interface.
     */
    public OAuthSigningFilter() {
        this(null, null, null);
    }

    /** A filter for a named consumer, 2-legged unless a request carries {@link #TOKEN_PROPERTY}. */
    public OAuthSigningFilter(String consumerName) {
        this(consumerName, null, null);
    }

    OAuthSigningFilter(String consumerName, ConsumerDefinition definition, Monitor monitor) {
        this.consumerName = consumerName;
        this.monitor = monitor;
        if (definition != null) {
            definitions.put(consumerName, definition);
        }
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            return;
        }
        ConsumerDefinition consumer = consumer(request);
        if (!(request.getProperty(SignedAttempt.PROPERTY) instanceof SignedAttempt)) {
            URI uri = request.getUri();
            request.setProperty(FilteredCall.PROPERTY, new FilteredCall(consumer, monitor().providerCall(consumer.name(),
                    Monitor.Endpoint.API_CALL, request.getMethod(), uri.getHost(), ProviderCalls.port(uri))));
        }
        adoptConfiguredToken(request);
        Object entity = request.getEntity();
        ParameterList form = formParameters(entity, request.getMediaType());
        boolean hashBody = consumer.config().bodyHash() && form == null;
        if (hashBody && entity != null && !(entity instanceof byte[]) && !(entity instanceof String)) {
            request.setProperty(DEFERRED, consumer);
            request.setProperty(DEFERRED_METHOD, request.getMethod());
            request.setProperty(DEFERRED_URI, request.getUri());
            return;
        }
        byte[] body = !hashBody ? null
                : entity == null ? new byte[0]
                : entity instanceof byte[] bytes ? bytes
                : ((String) entity).getBytes(StandardCharsets.UTF_8);
        OAuthRequest oauthRequest = oauthRequest(request, form, body);
        SignedParameters signed = consumer.signer().sign(oauthRequest);
        String location = apply(request, consumer.config().transport(), signed, form);
        attempt(request::getProperty).signed(consumer, oauthRequest, signed, location);
    }

    /** Reports a call signed for a client of the application, and learns from a refusal ({@link FilteredCall}). */
    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
        if (request.getProperty(FilteredCall.PROPERTY) instanceof FilteredCall call) {
            call.answered(response);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        Object deferred = context.getProperty(DEFERRED);
        if (!(deferred instanceof ConsumerDefinition consumer)) {
            context.proceed();
            return;
        }
        OutputStream original = context.getOutputStream();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        context.setOutputStream(buffer);
        context.proceed();
        byte[] body = buffer.toByteArray();
        String method = (String) context.getProperty(DEFERRED_METHOD);
        URI uri = (URI) context.getProperty(DEFERRED_URI);
        OAuthRequest.Builder builder = OAuthRequest.builder(method, uri.toASCIIString())
                .bodyHashOf(body);
        addTokenAndParameters(builder, context.getProperty(TOKEN_PROPERTY), context.getProperty(PROTOCOL_PARAMETERS_PROPERTY));
        OAuthRequest oauthRequest = builder.build();
        SignedParameters signed = consumer.signer().sign(oauthRequest);
        context.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, signed.authorizationHeader());
        attempt(context::getProperty).signed(consumer, oauthRequest, signed, RefusalDiagnoses.HEADER);
        context.setOutputStream(original);
        original.write(body);
    }

    /** Where a signing is recorded: the library's own exchange's attempt, or the filtered call's. */
    private static SignedAttempt attempt(Function<String, Object> properties) {
        return properties.apply(SignedAttempt.PROPERTY) instanceof SignedAttempt own ? own
                : ((FilteredCall) properties.apply(FilteredCall.PROPERTY)).attempt();
    }

    private OAuthRequest oauthRequest(ClientRequestContext request, ParameterList form, byte[] body) {
        OAuthRequest.Builder builder = OAuthRequest.builder(request.getMethod(), request.getUri().toASCIIString());
        if (form != null) {
            builder.formParameters(form);
        }
        if (body != null) {
            builder.bodyHashOf(body);
        }
        addTokenAndParameters(builder, request.getProperty(TOKEN_PROPERTY), request.getProperty(PROTOCOL_PARAMETERS_PROPERTY));
        return builder.build();
    }

    /**
     * A token set on the request's {@code WebTarget} or {@code Client} signs it, unless the request
     * has its own; a request property, so that the deferred signing sees it too.
     */
    private static void adoptConfiguredToken(ClientRequestContext request) {
        if (request.getProperty(TOKEN_PROPERTY) == null
                && request.getConfiguration().getProperty(TOKEN_PROPERTY) instanceof Token configured) {
            request.setProperty(TOKEN_PROPERTY, configured);
        }
    }

    private static void addTokenAndParameters(OAuthRequest.Builder builder, Object tokenProperty, Object parameters) {
        if (tokenProperty instanceof Token token) {
            builder.token(token);
        }
        if (parameters instanceof Map<?, ?> map) {
            map.forEach((name, value) -> builder.protocolParameter(String.valueOf(name), String.valueOf(value)));
        }
    }

    /** Puts the protocol parameters where the transport says; returns where they went, for a diagnosis. */
    private static String apply(ClientRequestContext request, Transport transport, SignedParameters signed, ParameterList form) {
        if (transport == Transport.QUERY) {
            request.setUri(URI.create(signed.appendToUrl(request.getUri().toASCIIString())));
            return RefusalDiagnoses.QUERY;
        }
        if (transport == Transport.BODY && form != null) {
            Form body = new Form();
            ParameterList all = form.copy().addAll(signed.asParameterList());
            for (int i = 0; i < all.size(); i++) {
                body.param(all.name(i), all.value(i));
            }
            request.setEntity(body, request.getEntityAnnotations(), MediaType.APPLICATION_FORM_URLENCODED_TYPE);
            return RefusalDiagnoses.FORM_BODY;
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, signed.authorizationHeader());
        return RefusalDiagnoses.HEADER;
    }

    /**
     * The decoded form parameters when the request sends a form: a {@link Form} or a
     * {@link MultivaluedMap} with no media type or {@code application/x-www-form-urlencoded}
     * (RFC 5849 signs body parameters only with that content type), or an already encoded
     * {@code String} or {@code byte[]} (UTF-8) body declared with that type; null otherwise.
     */
    private static ParameterList formParameters(Object entity, MediaType mediaType) {
        boolean formType = mediaType == null || mediaType.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        if (!formType) {
            return null;
        }
        if (entity instanceof Form form) {
            return ParameterList.of(form.asMap());
        }
        if (entity instanceof MultivaluedMap<?, ?> map) {
            ParameterList list = new ParameterList();
            map.forEach((name, values) -> ((List<?>) values).forEach(value -> list.add(String.valueOf(name), String.valueOf(value))));
            return list;
        }
        if (mediaType != null && (entity instanceof String || entity instanceof byte[])) {
            return ParameterList.parseFormEncoded(entity instanceof byte[] bytes
                    ? new String(bytes, StandardCharsets.UTF_8) : (String) entity);
        }
        return null;
    }

    private ConsumerDefinition consumer(ClientRequestContext request) {
        String name = consumerName;
        if (name == null && request.getProperty(CONSUMER_PROPERTY) instanceof String property) {
            name = property;
        }
        if (name == null && request.getProperty(INVOKED_METHOD) instanceof Method method) {
            OAuthConsumer annotation = method.getDeclaringClass().getAnnotation(OAuthConsumer.class);
            name = annotation != null ? annotation.value() : null;
        }
        if (name == null) {
            throw new IllegalStateException("OAuthSigningFilter does not know which consumer to sign for: construct it with"
                    + " a name, set the request property " + CONSUMER_PROPERTY + ", or annotate the rest client interface"
                    + " with @OAuthConsumer");
        }
        return definitions.computeIfAbsent(name, key -> CDI.current().select(ConsumerDefinitions.class).get().definition(key));
    }

    private Monitor monitor() {
        Monitor known = monitor;
        if (known == null) {
            known = serverMonitor();
            monitor = known;
        }
        return known;
    }

    /** The application's {@link Monitor} bean; none where the filter runs outside CDI. */
    private static Monitor serverMonitor() {
        try {
            Instance<Monitor> beans = CDI.current().select(Monitor.class);
            return beans.isResolvable() ? beans.get() : Monitor.NONE;
        } catch (IllegalStateException noContainer) {
            return Monitor.NONE;
        }
    }
}

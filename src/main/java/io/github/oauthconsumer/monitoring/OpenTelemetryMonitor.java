package io.github.oauthconsumer.monitoring;

import io.github.oauthconsumer.spi.NonceStore;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link Monitor} over the server's OpenTelemetry (the {@code OpenTelemetry} bean of
 * MicroProfile Telemetry): counters of validated requests, flow events and renewals, a histogram
 * of provider calls, a client span per provider call, gauges of the nonce store. Where the server
 * has the API but no such bean, or telemetry is switched off, OpenTelemetry's own no-op instruments
 * make every report nearly free. The extension adds this bean only where the OpenTelemetry API is
 * present. Names and attributes: docs/monitoring.md.
 */
@ApplicationScoped
public class OpenTelemetryMonitor implements Monitor {

    /** The instrumentation scope of the library's meters and tracers. */
    static final String SCOPE = "io.github.oauthconsumer";

    private static final Logger LOG = Logger.getLogger(OpenTelemetryMonitor.class.getName());
    private static final AttributeKey<String> FLOW_EVENT = AttributeKey.stringKey("oauth1.flow.event");
    private static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    private static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    private static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final String[] FLOW_EVENT_LABELS = flowEventLabels();
    private static final String[] SPAN_NAMES = spanNames();

    private final AttributeSets validations = new AttributeSets(AttributeSets.OUTCOME);
    private final AttributeSets flowEvents = new AttributeSets(FLOW_EVENT);
    private final AttributeSets renewals = new AttributeSets(AttributeSets.OUTCOME);
    private final ProviderCallAttributes calls = new ProviderCallAttributes();
    private final List<ObservableLongGauge> gauges = new ArrayList<>();

    @Inject
    Instance<NonceStore> nonceStores;

    private LongCounter validated;
    private LongCounter flow;
    private LongCounter renewed;
    private DoubleHistogram callDuration;
    private Tracer tracer;

    @PostConstruct
    void createInstruments() {
        createInstruments(serverOpenTelemetry(), NonceStoreFill.ofStoreInUse(nonceStores));
    }

    /** Creates the instruments on this OpenTelemetry, with the gauges of the nonce store when it tells its fill. */
    void createInstruments(OpenTelemetry telemetry, Optional<NonceStoreFill> fill) {
        Meter meter = telemetry.getMeter(SCOPE);
        validated = meter.counterBuilder("oauth1.validation.requests").setUnit("{request}")
                .setDescription("Incoming signed requests checked, by consumer and outcome (accepted or the oauth_problem)")
                .build();
        flow = meter.counterBuilder("oauth1.flow.events").setUnit("{event}")
                .setDescription("Steps of the access-token flow: started, completed, refused by the user, failed at the provider")
                .build();
        renewed = meter.counterBuilder("oauth1.token.renewals").setUnit("{renewal}")
                .setDescription("Renewals of expired tokens with their session handle: done or failed")
                .build();
        callDuration = meter.histogramBuilder("oauth1.provider.call.duration").setUnit("ms")
                .setDescription("Duration of calls to providers, by consumer, endpoint and outcome")
                .build();
        fill.ifPresent(store -> {
            gauges.add(meter.gaugeBuilder("oauth1.nonce_store.usage").ofLongs().setUnit("{nonce}")
                    .setDescription("Nonces held by the in-memory nonce store")
                    .buildWithCallback(measurement -> measurement.record(store.usage())));
            gauges.add(meter.gaugeBuilder("oauth1.nonce_store.limit").ofLongs().setUnit("{nonce}")
                    .setDescription("Capacity of the in-memory nonce store (oauth1.nonce-store.capacity)")
                    .buildWithCallback(measurement -> measurement.record(store.limit())));
        });
        tracer = telemetry.getTracer(SCOPE);
    }

    @PreDestroy
    void closeGauges() {
        gauges.forEach(ObservableLongGauge::close);
    }

    @Override
    public void validated(String consumer, String outcome) {
        validated.add(1, validations.of(consumer, outcome));
    }

    @Override
    public void flow(String consumer, FlowEvent event) {
        flow.add(1, flowEvents.of(consumer, FLOW_EVENT_LABELS[event.ordinal()]));
    }

    @Override
    public void renewal(String consumer, boolean succeeded) {
        renewed.add(1, renewals.of(consumer, succeeded ? "done" : "failed"));
    }

    @Override
    public ProviderCall providerCall(String consumer, Endpoint endpoint, String method, String host, int port) {
        Span span = tracer.spanBuilder(SPAN_NAMES[endpoint.ordinal()])
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(AttributeSets.CONSUMER, consumer)
                .setAttribute(ProviderCallAttributes.ENDPOINT, ProviderCallAttributes.label(endpoint))
                .setAttribute(HTTP_METHOD, method)
                .setAttribute(SERVER_ADDRESS, host)
                .setAttribute(SERVER_PORT, (long) port)
                .startSpan();
        return new WatchedCall(consumer, endpoint, span, System.nanoTime());
    }

    private static String[] flowEventLabels() {
        FlowEvent[] events = FlowEvent.values();
        String[] labels = new String[events.length];
        for (FlowEvent event : events) {
            labels[event.ordinal()] = event.name().toLowerCase(Locale.ROOT);
        }
        return labels;
    }

    private static String[] spanNames() {
        Endpoint[] endpoints = Endpoint.values();
        String[] names = new String[endpoints.length];
        for (Endpoint endpoint : endpoints) {
            names[endpoint.ordinal()] = "oauth1 " + ProviderCallAttributes.label(endpoint);
        }
        return names;
    }

    /**
     * The server's {@code OpenTelemetry} bean (MicroProfile Telemetry), or the no-op one where there
     * is none or it cannot be had (Payara gives none to an application while telemetry is off).
     */
    private static OpenTelemetry serverOpenTelemetry() {
        try {
            Instance<OpenTelemetry> beans = CDI.current().select(OpenTelemetry.class);
            if (beans.isResolvable()) {
                return beans.get();
            }
        } catch (RuntimeException unavailable) {
            LOG.log(Level.FINE, "no OpenTelemetry for this application; the library reports no metrics", unavailable);
        }
        return OpenTelemetry.noop();
    }

    @Override
    public String toString() {
        return "OpenTelemetryMonitor";
    }

    /** One provider call: its span, and its duration recorded when it ends. */
    private final class WatchedCall implements ProviderCall {
        private final String consumer;
        private final Endpoint endpoint;
        private final Span span;
        private final long started;

        WatchedCall(String consumer, Endpoint endpoint, Span span, long started) {
            this.consumer = consumer;
            this.endpoint = endpoint;
            this.span = span;
            this.started = started;
        }

        @Override
        public void answered(int status) {
            span.setAttribute(HTTP_STATUS, (long) status);
            if (status >= 400) {
                span.setAttribute(ERROR_TYPE, Integer.toString(status));
                span.setStatus(StatusCode.ERROR);
            }
            end(ProviderCallAttributes.statusClass(status));
        }

        @Override
        public void failed(boolean timedOut) {
            span.setAttribute(ERROR_TYPE, timedOut ? "timeout" : "unreachable");
            span.setStatus(StatusCode.ERROR);
            end(timedOut ? ProviderCallAttributes.TIMEOUT : ProviderCallAttributes.UNREACHABLE);
        }

        private void end(int outcome) {
            Attributes attributes = calls.of(consumer, endpoint, outcome);
            callDuration.record((System.nanoTime() - started) / 1_000_000.0, attributes);
            span.end();
        }
    }
}

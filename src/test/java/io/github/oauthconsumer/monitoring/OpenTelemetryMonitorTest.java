package io.github.oauthconsumer.monitoring;

import io.github.oauthconsumer.monitoring.Monitor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenTelemetry monitor against the OpenTelemetry SDK with in-memory readers: each report
 * becomes the documented measurement with the documented attributes, provider calls become client
 * spans, and the attribute sets are built once.
 */
class OpenTelemetryMonitorTest {

    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private OpenTelemetrySdk sdk;
    private OpenTelemetryMonitor monitor;

    @BeforeEach
    void createMonitor() {
        sdk = OpenTelemetrySdk.builder()
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .build();
        monitor = new OpenTelemetryMonitor();
        monitor.createInstruments(sdk, Optional.empty());
    }

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void validatedRequestsAreCountedByConsumerAndOutcome() {
        monitor.validated("lms", Monitor.ACCEPTED);
        monitor.validated("lms", Monitor.ACCEPTED);
        monitor.validated("lms", "timestamp_refused");
        monitor.validated("webhooks", "signature_invalid");

        assertEquals(Map.of(
                        Map.of("oauth1.consumer.name", "lms", "oauth1.outcome", "accepted"), 2L,
                        Map.of("oauth1.consumer.name", "lms", "oauth1.outcome", "timestamp_refused"), 1L,
                        Map.of("oauth1.consumer.name", "webhooks", "oauth1.outcome", "signature_invalid"), 1L),
                counts("oauth1.validation.requests"));
        assertEquals("{request}", metric("oauth1.validation.requests").getUnit());
    }

    @Test
    void flowEventsAndRenewalsAreCounted() {
        monitor.flow("jira", Monitor.FlowEvent.STARTED);
        monitor.flow("jira", Monitor.FlowEvent.STARTED);
        monitor.flow("jira", Monitor.FlowEvent.COMPLETED);
        monitor.flow("jira", Monitor.FlowEvent.REFUSED);
        monitor.flow("etrade", Monitor.FlowEvent.FAILED);
        monitor.renewal("etrade", true);
        monitor.renewal("etrade", false);
        monitor.renewal("etrade", true);

        assertEquals(Map.of(
                        Map.of("oauth1.consumer.name", "jira", "oauth1.flow.event", "started"), 2L,
                        Map.of("oauth1.consumer.name", "jira", "oauth1.flow.event", "completed"), 1L,
                        Map.of("oauth1.consumer.name", "jira", "oauth1.flow.event", "refused"), 1L,
                        Map.of("oauth1.consumer.name", "etrade", "oauth1.flow.event", "failed"), 1L),
                counts("oauth1.flow.events"));
        assertEquals(Map.of(
                        Map.of("oauth1.consumer.name", "etrade", "oauth1.outcome", "done"), 2L,
                        Map.of("oauth1.consumer.name", "etrade", "oauth1.outcome", "failed"), 1L),
                counts("oauth1.token.renewals"));
    }

    @Test
    void providerCallsAreTimedByEndpointAndOutcomeAndAreClientSpans() {
        monitor.providerCall("x", Monitor.Endpoint.REQUEST_TOKEN, "POST", "api.x.com", 443).answered(200);
        monitor.providerCall("x", Monitor.Endpoint.API_CALL, "GET", "api.x.com", 443).answered(503);
        monitor.providerCall("x", Monitor.Endpoint.API_CALL, "GET", "api.x.com", 443).failed(true);
        monitor.providerCall("x", Monitor.Endpoint.RENEWAL, "POST", "api.x.com", 443).failed(false);

        Map<Map<String, String>, Long> calls = metric("oauth1.provider.call.duration").getHistogramData().getPoints().stream()
                .collect(Collectors.toMap(point -> strings(point.getAttributes()), HistogramPointData::getCount));
        assertEquals(Map.of(
                call("request_token", "2xx"), 1L,
                call("api_call", "5xx"), 1L,
                call("api_call", "timeout"), 1L,
                call("renewal", "unreachable"), 1L), calls);
        assertEquals("ms", metric("oauth1.provider.call.duration").getUnit());

        List<SpanData> exported = spans.getFinishedSpanItems();
        assertEquals(List.of("oauth1 request_token", "oauth1 api_call", "oauth1 api_call", "oauth1 renewal"),
                exported.stream().map(SpanData::getName).toList());
        SpanData requestToken = exported.get(0);
        assertEquals(SpanKind.CLIENT, requestToken.getKind());
        assertEquals(StatusCode.UNSET, requestToken.getStatus().getStatusCode());
        assertEquals(Map.of("oauth1.consumer.name", "x", "oauth1.endpoint", "request_token", "http.request.method", "POST",
                "server.address", "api.x.com", "server.port", "443", "http.response.status_code", "200"),
                strings(requestToken.getAttributes()));
        assertEquals(StatusCode.ERROR, exported.get(1).getStatus().getStatusCode());
        assertEquals("503", exported.get(1).getAttributes().get(AttributeKey.stringKey("error.type")));
        assertEquals("timeout", exported.get(2).getAttributes().get(AttributeKey.stringKey("error.type")));
        assertEquals("unreachable", exported.get(3).getAttributes().get(AttributeKey.stringKey("error.type")));
    }

    @Test
    void attributeSetsAreBuiltOncePerConsumerAndValue() {
        AttributeSets sets = new AttributeSets(AttributeSets.OUTCOME);
        assertSame(sets.of("lms", "accepted"), sets.of("lms", "accepted"));
        ProviderCallAttributes calls = new ProviderCallAttributes();
        assertSame(calls.of("x", Monitor.Endpoint.API_CALL, ProviderCallAttributes.TIMEOUT),
                calls.of("x", Monitor.Endpoint.API_CALL, ProviderCallAttributes.TIMEOUT));
        assertEquals(call("api_call", "timeout"),
                strings(calls.of("x", Monitor.Endpoint.API_CALL, ProviderCallAttributes.TIMEOUT)));
    }

    @Test
    void statusesOutsideTheKnownClassesCountAsTheNearestClass() {
        assertEquals(0, ProviderCallAttributes.statusClass(99));
        assertEquals(1, ProviderCallAttributes.statusClass(204));
        assertEquals(3, ProviderCallAttributes.statusClass(401));
        assertEquals(4, ProviderCallAttributes.statusClass(599));
        assertEquals(4, ProviderCallAttributes.statusClass(999));
    }

    private MetricData metric(String name) {
        return metrics.collectAllMetrics().stream().filter(metric -> metric.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }

    private Map<Map<String, String>, Long> counts(String name) {
        MetricData metric = metric(name);
        assertTrue(metric.getLongSumData().isMonotonic(), name + " is a counter");
        return metric.getLongSumData().getPoints().stream()
                .collect(Collectors.toMap(point -> strings(point.getAttributes()), LongPointData::getValue));
    }

    private static Map<String, String> call(String endpoint, String outcome) {
        return Map.of("oauth1.consumer.name", "x", "oauth1.endpoint", endpoint, "oauth1.outcome", outcome);
    }

    private static Map<String, String> strings(Attributes attributes) {
        return attributes.asMap().entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().getKey(), entry -> String.valueOf(entry.getValue())));
    }
}

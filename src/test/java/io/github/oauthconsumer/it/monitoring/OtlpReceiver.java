package io.github.oauthconsumer.it.monitoring;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver (protobuf, {@code /v1/metrics} and {@code /v1/traces}) on 127.0.0.1, the
 * collector a server under test exports its OpenTelemetry data to, so that a test reads back what
 * the server really exported. Keeps the library's metrics of the latest export and every span.
 */
final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition exported = lock.newCondition();
    /** The library's metrics of the latest export, by name. */
    private final Map<String, Metric> metrics = new TreeMap<>();
    private final List<Span> spans = new ArrayList<>();
    /** The instrumentation scopes of every metric received, for the message when the library's are missing. */
    private final java.util.Set<String> metricScopes = new java.util.TreeSet<>();
    private long latestCollection;

    private OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/v1/metrics", exchange -> receive(exchange, this::metrics));
        server.createContext("/v1/traces", exchange -> receive(exchange, this::traces));
        server.createContext("/v1/logs", exchange -> receive(exchange, body -> { }));
        server.start();
    }

    static OtlpReceiver start() throws IOException {
        return new OtlpReceiver();
    }

    /** {@code http://127.0.0.1:<port>}, for {@code otel.exporter.otlp.endpoint}. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Waits for an export of metrics (any scope) collected at or after {@code epochNanos} (the
     * server collects them periodically), and returns the library's metrics by name.
     */
    Map<String, Metric> metricsCollectedAfter(long epochNanos, Duration timeout) throws InterruptedException {
        return await(() -> latestCollection >= epochNanos, timeout, "metrics collected after " + epochNanos,
                () -> new TreeMap<>(metrics));
    }

    /** Waits for an exported span that matches. */
    Span span(Predicate<Span> wanted, Duration timeout) throws InterruptedException {
        return await(() -> spans.stream().anyMatch(wanted), timeout, "the span",
                () -> spans.stream().filter(wanted).findFirst().orElseThrow());
    }

    /** Every span exported so far. */
    List<Span> spans() {
        lock.lock();
        try {
            return List.copyOf(spans);
        } finally {
            lock.unlock();
        }
    }

    /** The instrumentation scopes and metric names of every metric export so far. */
    java.util.Set<String> metricScopes() {
        lock.lock();
        try {
            return java.util.Set.copyOf(metricScopes);
        } finally {
            lock.unlock();
        }
    }

    /** The value of a counter's data point with these attributes, 0 when there is none. */
    static long count(Map<String, Metric> metrics, String name, Map<String, String> attributes) {
        Metric metric = metrics.get(name);
        if (metric == null) {
            return 0;
        }
        return metric.getSum().getDataPointsList().stream()
                .filter(point -> attributes(point.getAttributesList()).equals(attributes))
                .mapToLong(NumberDataPoint::getAsInt).sum();
    }

    /** The number of measurements of a histogram's data point with these attributes, 0 when there is none. */
    static long histogramCount(Map<String, Metric> metrics, String name, Map<String, String> attributes) {
        Metric metric = metrics.get(name);
        if (metric == null) {
            return 0;
        }
        return metric.getHistogram().getDataPointsList().stream()
                .filter(point -> attributes(point.getAttributesList()).equals(attributes))
                .mapToLong(HistogramDataPoint::getCount).sum();
    }

    /** Every attribute set of a metric's data points. */
    static List<Map<String, String>> attributeSets(Metric metric) {
        List<Map<String, String>> sets = new ArrayList<>();
        metric.getSum().getDataPointsList().forEach(point -> sets.add(attributes(point.getAttributesList())));
        metric.getHistogram().getDataPointsList().forEach(point -> sets.add(attributes(point.getAttributesList())));
        metric.getGauge().getDataPointsList().forEach(point -> sets.add(attributes(point.getAttributesList())));
        return sets;
    }

    /** Attributes as strings. */
    static Map<String, String> attributes(List<KeyValue> attributes) {
        Map<String, String> values = new TreeMap<>();
        for (KeyValue attribute : attributes) {
            var value = attribute.getValue();
            values.put(attribute.getKey(), value.hasIntValue() ? Long.toString(value.getIntValue()) : value.getStringValue());
        }
        return values;
    }

    private void metrics(byte[] body) throws IOException {
        ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(body);
        request.getResourceMetricsList().forEach(resource -> {
            for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                metricScopes.add(scope.getScope().getName() + scope.getMetricsList().stream().map(Metric::getName).toList());
                for (Metric metric : scope.getMetricsList()) {
                    latestCollection = Math.max(latestCollection, collectionTime(metric));
                    if (scope.getScope().getName().equals("io.github.oauthconsumer")) {
                        metrics.put(metric.getName(), metric);
                    }
                }
            }
        });
    }

    private static long collectionTime(Metric metric) {
        return switch (metric.getDataCase()) {
            case SUM -> metric.getSum().getDataPointsList().stream().mapToLong(NumberDataPoint::getTimeUnixNano).max().orElse(0);
            case GAUGE -> metric.getGauge().getDataPointsList().stream().mapToLong(NumberDataPoint::getTimeUnixNano).max().orElse(0);
            case HISTOGRAM -> metric.getHistogram().getDataPointsList().stream().mapToLong(HistogramDataPoint::getTimeUnixNano).max().orElse(0);
            default -> 0;
        };
    }

    private void traces(byte[] body) throws IOException {
        ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
        request.getResourceSpansList().forEach(resource -> resource.getScopeSpansList()
                .forEach(scope -> spans.addAll(scope.getSpansList())));
    }

    private interface Body {
        void accept(byte[] body) throws IOException;
    }

    private void receive(HttpExchange exchange, Body handler) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            lock.lock();
            try {
                handler.accept(body);
                exported.signalAll();
            } finally {
                lock.unlock();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private interface Check {
        boolean done();
    }

    private interface Result<T> {
        T get();
    }

    private <T> T await(Check check, Duration timeout, String what, Result<T> result) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!check.done()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the server exported no " + what + " within " + timeout
                            + "; metrics received: " + metrics.keySet() + " (all scopes: " + metricScopes + "), spans: "
                            + spans.stream().map(Span::getName).toList());
                }
                exported.await(left, TimeUnit.NANOSECONDS);
            }
            return result.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

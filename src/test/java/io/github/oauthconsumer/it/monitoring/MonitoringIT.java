package io.github.oauthconsumer.it.monitoring;

import io.github.oauthconsumer.it.ItSupport;
import io.github.oauthconsumer.it.SignedHttp;
import io.github.oauthconsumer.it.flow.Browser;
import io.github.oauthconsumer.testprovider.IssuedToken;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import io.github.oauthconsumer.testsupport.JerseySigner;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.oauthconsumer.it.monitoring.OtlpReceiver.count;
import static io.github.oauthconsumer.it.monitoring.OtlpReceiver.histogramCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator sees, on a real server with MicroProfile Telemetry switched on for the
 * application: after a scripted set of requests (a signed launch accepted, replayed and tampered
 * with; a flow approved and one refused; a call whose token the library renews; a call through a
 * MicroProfile Rest Client), the counters the
 * server exports over OTLP (to {@link OtlpReceiver}, in this JVM) have exactly the expected values,
 * provider calls are client spans with the consumer name, and the readiness check reports the
 * consumers. (On Open Liberty the application's class loader is allowed the OpenTelemetry API,
 * which Liberty counts as third-party: arquillian.xml.)
 */
@ExtendWith(ArquillianExtension.class)
class MonitoringIT {

    private static final String PLATFORM_KEY = "monitoring-it-platform";
    private static final String PLATFORM_SECRET = "platform secret of the monitoring test";
    private static final String PROVIDER_KEY = "monitoring-it-consumer";
    private static final String PROVIDER_SECRET = "consumer secret of the monitoring test";
    private static final Duration EXPORT_WAIT = Duration.ofSeconds(60);

    private static JerseyOAuthProvider provider;
    private static OtlpReceiver receiver;

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        provider = JerseyOAuthProvider.start().registerConsumer(PROVIDER_KEY, PROVIDER_SECRET);
        receiver = OtlpReceiver.start();
        List<String> config = new ArrayList<>(provider.flowConsumerConfig("provider", PROVIDER_KEY, PROVIDER_SECRET, "dora"));
        config.add("provider.echo-url=" + provider.echoUri());
        config.add("monitored-api/mp-rest/url=" + provider.baseUri());
        config.add("oauth1.platform.consumer-key=" + PLATFORM_KEY);
        config.add("oauth1.platform.consumer-secret=" + PLATFORM_SECRET);
        // MicroProfile Telemetry for this application, exported to the receiver in this JVM
        config.add("otel.sdk.disabled=false");
        config.add("otel.service.name=monitoring-it");
        config.add("otel.metrics.exporter=otlp");
        config.add("otel.traces.exporter=otlp");
        config.add("otel.logs.exporter=none");
        config.add("otel.exporter.otlp.protocol=http/protobuf");
        config.add("otel.exporter.otlp.endpoint=" + receiver.endpoint());
        config.add("otel.metric.export.interval=500");
        config.add("otel.bsp.schedule.delay=200");
        return ItSupport.war("monitoring.war", config, MonitoredApplication.class, MonitoredResource.class,
                MonitoredApi.class);
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void scriptedRequestsAreCountedExactlyAndProviderCallsAreClientSpans() throws Exception {
        String launch = app("api/launch").toString();
        try (SignedHttp http = new SignedHttp()) {
            // accepted, then the very same request again (replayed), then a signature for another URL (tampered)
            OAuth1Parameters signed = http.sign("GET", launch, List.of(), SignedHttp.protocol(PLATFORM_KEY, "HMAC-SHA1"), PLATFORM_SECRET);
            String authorization = JerseySigner.authorizationHeader(signed);
            assertEquals(200, http.send(SignedHttp.get(launch, authorization)).statusCode(), this::serverLog);
            HttpResponse<String> replayed = http.send(SignedHttp.get(launch, authorization));
            assertEquals(401, replayed.statusCode());
            assertTrue(replayed.body().contains("oauth_problem=nonce_used"), replayed.body());
            OAuth1Parameters other = http.sign("GET", launch + "?role=admin", List.of(),
                    SignedHttp.protocol(PLATFORM_KEY, "HMAC-SHA1"), PLATFORM_SECRET);
            HttpResponse<String> tampered = http.send(SignedHttp.get(launch, JerseySigner.authorizationHeader(other)));
            assertEquals(401, tampered.statusCode());
            assertTrue(tampered.body().contains("oauth_problem=signature_invalid"), tampered.body());
        }

        // a flow the user approves, and one the user refuses
        Browser approving = new Browser();
        URI authorization = Browser.seeOther(approving.get(app("oauth1/provider/authorize?next=%2Fapi%2Fdone")));
        URI callback = Browser.seeOther(approving.get(authorization));
        assertEquals(app("api/done"), Browser.seeOther(approving.get(callback)));
        Browser refusing = new Browser();
        String requestToken = Browser.query(Browser.seeOther(refusing.get(app("oauth1/provider/authorize?next=%2Fapi%2Fdone"))))
                .get("oauth_token");
        assertEquals(403, refusing.get(app("oauth1/provider/callback?oauth_token=" + requestToken
                + "&oauth_problem=user_refused")).statusCode());

        // a call with an expired token: 401 token_expired, renewal, the call again
        IssuedToken token = provider.issueAccessToken(PROVIDER_KEY);
        provider.expire(token.token());
        HttpResponse<String> call = new Browser().get(app("api/call?token=" + token.token() + "&secret="
                + token.secret() + "&handle=" + token.sessionHandle()));
        assertEquals(200, call.statusCode(), call.body());
        assertEquals(1, provider.renewalCount());

        // a 2-legged call through a MicroProfile Rest Client interface, signed by the library's filter
        HttpResponse<String> restClientCall = new Browser().get(app("api/rest-client"));
        assertEquals(200, restClientCall.statusCode(), restClientCall.body());

        long scriptDone = System.currentTimeMillis() * 1_000_000L;
        Map<String, Metric> metrics = receiver.metricsCollectedAfter(scriptDone, EXPORT_WAIT);

        assertEquals(1, count(metrics, "oauth1.validation.requests", outcome("platform", "accepted")));
        assertEquals(1, count(metrics, "oauth1.validation.requests", outcome("platform", "nonce_used")));
        assertEquals(1, count(metrics, "oauth1.validation.requests", outcome("platform", "signature_invalid")));
        assertEquals(3, metrics.get("oauth1.validation.requests").getSum().getDataPointsCount());

        assertEquals(2, count(metrics, "oauth1.flow.events", flowEvent("started")));
        assertEquals(1, count(metrics, "oauth1.flow.events", flowEvent("completed")));
        assertEquals(1, count(metrics, "oauth1.flow.events", flowEvent("refused")));
        assertEquals(3, metrics.get("oauth1.flow.events").getSum().getDataPointsCount(), "no failed flow");

        assertEquals(1, count(metrics, "oauth1.token.renewals", outcome("provider", "done")));
        assertEquals(1, metrics.get("oauth1.token.renewals").getSum().getDataPointsCount());

        String duration = "oauth1.provider.call.duration";
        assertEquals(2, histogramCount(metrics, duration, call("request_token", "2xx")));
        assertEquals(1, histogramCount(metrics, duration, call("access_token", "2xx")));
        assertEquals(1, histogramCount(metrics, duration, call("renewal", "2xx")));
        assertEquals(1, histogramCount(metrics, duration, call("api_call", "4xx")), "the call with the expired token");
        assertEquals(2, histogramCount(metrics, duration, call("api_call", "2xx")),
                "the call after the renewal, and the rest client's call");
        assertEquals(5, metrics.get(duration).getHistogram().getDataPointsCount());

        assertEquals(1, metrics.get("oauth1.nonce_store.usage").getGauge().getDataPoints(0).getAsInt(),
                "the accepted launch's nonce; the tampered one was refused before its nonce was kept");
        assertEquals(100_000, metrics.get("oauth1.nonce_store.limit").getGauge().getDataPoints(0).getAsInt());

        for (Metric metric : metrics.values()) {
            for (Map<String, String> attributes : OtlpReceiver.attributeSets(metric)) {
                for (String value : attributes.values()) {
                    for (String secret : List.of(PLATFORM_SECRET, PROVIDER_SECRET, token.token(), token.secret(),
                            token.sessionHandle(), "dora")) {
                        assertFalse(value.contains(secret), metric.getName() + " has " + attributes);
                    }
                }
            }
        }

        Span requestTokenCall = receiver.span(span -> span.getName().equals("oauth1 request_token"), EXPORT_WAIT);
        assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, requestTokenCall.getKind());
        Map<String, String> attributes = OtlpReceiver.attributes(requestTokenCall.getAttributesList());
        assertEquals("provider", attributes.get("oauth1.consumer.name"));
        assertEquals("request_token", attributes.get("oauth1.endpoint"));
        assertEquals("POST", attributes.get("http.request.method"));
        assertEquals("127.0.0.1", attributes.get("server.address"));
        assertEquals("200", attributes.get("http.response.status_code"));
        Span renewalCall = receiver.span(span -> span.getName().equals("oauth1 renewal"), EXPORT_WAIT);
        assertEquals("provider", OtlpReceiver.attributes(renewalCall.getAttributesList()).get("oauth1.consumer.name"));
    }

    @Test
    void theReadinessCheckReportsTheConsumers() throws Exception {
        HttpResponse<String> ready = new Browser().get(healthReady(), "application/json");

        assertEquals(200, ready.statusCode(), ready.body());
        String body = ready.body().replaceAll("\\s", "");
        assertTrue(body.contains("\"name\":\"oauth1\""), body);
        assertTrue(body.contains("\"consumer.platform\":\"ready(signing,verifying)\""), body);
        assertTrue(body.contains("\"consumer.provider\":\"ready(signing,verifying)\""), body);
        assertTrue(body.contains("\"nonce-store\":\"ready\""), body);
        assertFalse(body.contains(PLATFORM_SECRET.replaceAll("\\s", "")), body);
    }

    /** {@code /health/ready}: on WildFly on the management interface, elsewhere beside the applications. */
    private URI healthReady() {
        if (ItSupport.Server.current() == ItSupport.Server.WILDFLY) {
            return URI.create("http://127.0.0.1:" + System.getProperty("it.wildfly.management.port") + "/health/ready");
        }
        return ItSupport.loopback(deploymentUrl).resolve("/health/ready");
    }

    private static Map<String, String> outcome(String consumer, String outcome) {
        return Map.of("oauth1.consumer.name", consumer, "oauth1.outcome", outcome);
    }

    private static Map<String, String> flowEvent(String event) {
        return Map.of("oauth1.consumer.name", "provider", "oauth1.flow.event", event);
    }

    private static Map<String, String> call(String endpoint, String outcome) {
        return Map.of("oauth1.consumer.name", "provider", "oauth1.endpoint", endpoint, "oauth1.outcome", outcome);
    }

    private URI app(String path) {
        return ItSupport.loopback(deploymentUrl).resolve(path);
    }

    private String serverLog() {
        return ItSupport.seeServerLog(MonitoringIT.class);
    }
}

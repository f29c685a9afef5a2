package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.ValidateSignature;
import io.github.oauthconsumer.monitoring.Monitor;
import io.github.oauthconsumer.monitoring.OpenTelemetryMonitor;
import io.github.oauthconsumer.spi.NonceStore;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The monitoring beans as the extension adds them where the OpenTelemetry and MicroProfile Health
 * APIs are present (both are on this class path): the {@link Monitor} over OpenTelemetry (with no
 * {@code OpenTelemetry} bean here, OpenTelemetry's no-op), and the readiness check with the
 * consumers' keys and the nonce store's fill, degraded above 90 % and down when full.
 */
class MonitoringWiringTest {

    @Test
    void theMonitorIsTheOpenTelemetryOneAndReportsWithoutAnOpenTelemetryBean() {
        try (WeldContainer container = OAuthWeld.start(new ConfigProperties().hmac("lti", "lms", "own secret"),
                LaunchResource.class)) {
            Monitor monitor = container.select(Monitor.class).get();
            assertInstanceOf(OpenTelemetryMonitor.class, monitor);
            monitor.validated("lti", Monitor.ACCEPTED);
            monitor.providerCall("lti", Monitor.Endpoint.API_CALL, "GET", "127.0.0.1", 80).answered(200);
        }
    }

    @Test
    void theReadinessCheckReportsTheConsumersAndTheNonceStoresFill() {
        ConfigProperties config = new ConfigProperties().hmac("lti", "lms", "own secret")
                .set("nonce-store", "capacity", "20");
        try (WeldContainer container = OAuthWeld.start(config, LaunchResource.class)) {
            HealthCheck check = container.select(HealthCheck.class, Readiness.Literal.INSTANCE).get();
            NonceStore nonces = container.select(NonceStore.class).get();
            Instant expiry = Instant.now().plusSeconds(300);

            HealthCheckResponse empty = check.call();
            assertEquals("oauth1", empty.getName());
            assertEquals(HealthCheckResponse.Status.UP, empty.getStatus());
            Map<String, Object> data = empty.getData().orElseThrow();
            assertEquals("ready (signing, verifying)", data.get("consumer.lti"));
            assertEquals("ready", data.get("nonce-store"));
            assertEquals(0L, data.get("nonce-store.usage"));
            assertEquals(20L, data.get("nonce-store.limit"));

            for (int i = 0; i < 19; i++) {
                nonces.register("lms", 1, "n" + i, expiry);
            }
            HealthCheckResponse degraded = check.call();
            assertEquals(HealthCheckResponse.Status.UP, degraded.getStatus());
            assertEquals("degraded", degraded.getData().orElseThrow().get("nonce-store"));
            assertEquals("0.950", degraded.getData().orElseThrow().get("nonce-store.fill"));

            nonces.register("lms", 1, "n19", expiry);
            HealthCheckResponse full = check.call();
            assertEquals(HealthCheckResponse.Status.DOWN, full.getStatus());
            assertEquals("full", full.getData().orElseThrow().get("nonce-store"));
        }
    }

    /** A bean with a validated method, so that the name validates. */
    @Dependent
    static class LaunchResource {
        @ValidateSignature("lti")
        public String launch() {
            return "launched";
        }
    }
}

package io.github.oauthconsumer.monitoring;

import io.github.oauthconsumer.config.ConsumerDefinition;
import io.github.oauthconsumer.config.ConsumerDefinitions;
import io.github.oauthconsumer.config.ValidationConfig;
import io.github.oauthconsumer.spi.NonceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Locale;
import java.util.Optional;

/**
 * The MicroProfile Health readiness check {@code oauth1}: every deployed consumer's configuration
 * is valid and its keys load (the signing key built at deployment; the keys that verify incoming
 * requests read again, so that a key file removed or replaced by a broken one shows here before
 * requests are refused), and the in-memory nonce store is below its capacity ({@code degraded}
 * above 90%, down when full, since it then refuses signed requests with 503). It calls no provider:
 * a provider that is down is not a reason to take this application out of a load balancer. The
 * extension adds it only where the MicroProfile Health API is present.
 */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {

    /** The name of the check in the health report. */
    static final String NAME = "oauth1";

    @Inject
    ConsumerDefinitions definitions;

    @Inject
    Instance<NonceStore> nonceStores;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        boolean up = true;
        for (ConsumerDefinition definition : definitions.deployed()) {
            String state = keysState(definition);
            response.withData("consumer." + definition.name(), state);
            up &= state.startsWith("ready");
        }
        Optional<NonceStoreFill> fill = NonceStoreFill.ofStoreInUse(nonceStores);
        if (fill.isPresent()) {
            int usage = fill.get().usage();
            int limit = fill.get().limit();
            String state = usage >= limit ? "full" : usage > NonceStoreFill.DEGRADED * limit ? "degraded" : "ready";
            response.withData("nonce-store", state)
                    .withData("nonce-store.usage", usage)
                    .withData("nonce-store.limit", limit)
                    .withData("nonce-store.fill", String.format(Locale.ROOT, "%.3f", (double) usage / limit));
            up &= !state.equals("full");
        }
        return response.status(up).build();
    }

    /**
     * {@code ready (signing, verifying)}, {@code ready (signing)}, {@code ready (verifying)}, or the
     * problem that leaves the consumer with no usable key (never a key itself).
     */
    private static String keysState(ConsumerDefinition definition) {
        boolean signs;
        try {
            definition.signer();
            signs = true;
        } catch (IllegalStateException noKey) {
            signs = false;
        }
        ValidationConfig.Result verifying = ValidationConfig.keys(
                ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader()),
                Thread.currentThread().getContextClassLoader(), definition);
        boolean verifies = verifying.isValid() && !verifying.keys().isEmpty();
        if (signs || verifies) {
            return "ready (" + (signs && verifies ? "signing, verifying" : signs ? "signing" : "verifying") + ")";
        }
        return verifying.problems().isEmpty() ? "no key to sign or verify with" : String.join("; ", verifying.problems());
    }
}

package io.github.oauthconsumer.monitoring;

/**
 * Whether the server gives the application the APIs this package needs: the extension asks before
 * it adds {@link OpenTelemetryMonitor} or {@link ConsumersReadiness}, so that a server without them
 * never loads either. Names the APIs only as strings, and loads no class of them.
 */
public final class ServerApis {

    private ServerApis() {
    }

    /** Whether the OpenTelemetry API (MicroProfile Telemetry) is visible. */
    public static boolean hasOpenTelemetry() {
        return isVisible("io.opentelemetry.api.OpenTelemetry");
    }

    /** Whether the MicroProfile Health API is visible. */
    public static boolean hasHealth() {
        return isVisible("org.eclipse.microprofile.health.HealthCheck");
    }

    private static boolean isVisible(String className) {
        try {
            Class.forName(className, false, ServerApis.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}

package io.github.oauthconsumer.cdi;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A CDI extension that makes a fixed set of properties the MicroProfile Config of the thread's
 * class loader while one Weld container runs: registered before bean discovery (so the library's
 * extension reads it at deployment validation), released at shutdown. Only these properties are
 * visible: no system properties, environment or {@code microprofile-config.properties}, so a test
 * sees exactly what it set.
 */
final class TestConfig implements Extension {

    private final Map<String, String> properties;
    private Config registered;

    TestConfig(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
    }

    /** Before any other extension's observer, so that the library's extension can read settings there too. */
    void register(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) BeforeBeanDiscovery event) {
        registered = install(properties);
    }

    void release(@Observes BeforeShutdown event) {
        close();
    }

    /** Releases the properties now; for a container that failed to start and so never shuts down. */
    void close() {
        uninstall(registered);
        registered = null;
    }

    /** Makes these properties the config of the context class loader, replacing any config it had. */
    static Config install(Map<String, String> properties) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.releaseConfig(resolver.getConfig(loader));
        Config config = resolver.getBuilder().withSources(new Source(properties)).build();
        resolver.registerConfig(config, loader);
        return config;
    }

    /** Releases a config {@link #install}ed before; null is ignored. */
    static void uninstall(Config config) {
        if (config != null) {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }

    /** The properties of one test: the only source of the config. */
    private record Source(Map<String, String> values) implements ConfigSource {

        Source {
            values = new TreeMap<>(values);
        }

        @Override
        public Set<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public String getValue(String propertyName) {
            return values.get(propertyName);
        }

        @Override
        public String getName() {
            return "oauth1-test-properties";
        }

        @Override
        public int getOrdinal() {
            return 1000;
        }
    }
}

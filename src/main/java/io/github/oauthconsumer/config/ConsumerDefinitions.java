package io.github.oauthconsumer.config;

import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consumers of the application, by name: those checked when the application was deployed
 * (the extension fills them in once, calling the application's {@code OAuthConsumerConfig}
 * producers then, so that producers are found even where the library's beans cannot see the
 * application's beans), and those only named at run time, read from MicroProfile Config on first
 * use. Thread-safe.
 */
public final class ConsumerDefinitions {

    private final Map<String, ConsumerDefinition> deployed = new ConcurrentHashMap<>();
    private final Map<String, ConsumerDefinition> resolvedLater = new ConcurrentHashMap<>();

    /** Records a consumer checked at deployment. */
    public void add(ConsumerDefinition definition) {
        deployed.put(definition.name(), definition);
    }

    /** The consumer with this name, if it was checked at deployment. */
    public Optional<ConsumerDefinition> find(String name) {
        return Optional.ofNullable(deployed.get(name));
    }

    /** The consumers checked at deployment. */
    public Collection<ConsumerDefinition> deployed() {
        return Collections.unmodifiableCollection(deployed.values());
    }

    /**
     * The consumer with this name: the one checked at deployment, or else one read from
     * MicroProfile Config now (and kept).
     *
     * @throws IllegalStateException listing every configuration problem, when it is not usable
     */
    public ConsumerDefinition definition(String name) {
        ConsumerDefinition checked = deployed.get(name);
        return checked != null ? checked : resolvedLater.computeIfAbsent(name, ConsumerDefinitions::resolve);
    }

    private static ConsumerDefinition resolve(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConsumerConfigResolver.Result result = new ConsumerConfigResolver(ConfigProvider.getConfig(loader), loader)
                .resolve(name, null, EnumSet.noneOf(Usage.class));
        if (!result.isValid()) {
            throw new IllegalStateException("OAuth consumer '" + name + "' is not usable: " + String.join("; ", result.problems()));
        }
        return result.definition();
    }

    @Override
    public String toString() {
        return "ConsumerDefinitions" + deployed.keySet();
    }
}

package io.github.oauthconsumer.config;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consumers checked when the application was deployed, by name. The extension fills it once
 * (calling the application's {@code OAuthConsumerConfig} producers then) and the run time reads it,
 * so that producers are found even where the library's beans cannot see the application's beans.
 * Thread-safe.
 */
public final class ConsumerDefinitions {

    private final Map<String, ConsumerDefinition> definitions = new ConcurrentHashMap<>();

    /** Records a checked consumer. */
    public void add(ConsumerDefinition definition) {
        definitions.put(definition.name(), definition);
    }

    /** The consumer with this name, if it was checked at deployment. */
    public Optional<ConsumerDefinition> find(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    @Override
    public String toString() {
        return "ConsumerDefinitions" + definitions.keySet();
    }
}

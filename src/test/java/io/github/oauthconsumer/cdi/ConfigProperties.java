package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.config.ConfigKeys;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the {@code oauth1.<name>.<key>} properties of a test, one consumer at a time. */
final class ConfigProperties {

    private final Map<String, String> properties = new LinkedHashMap<>();

    /** Sets keys of one consumer: {@code set("x", ConfigKeys.CONSUMER_KEY, "key", ConfigKeys.REALM, "r")}. */
    ConfigProperties set(String name, String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(ConfigKeys.key(name, keysAndValues[i]), keysAndValues[i + 1]);
        }
        return this;
    }

    /** Sets a key that belongs to no consumer, such as {@code oauth1.store}. */
    ConfigProperties global(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /** A consumer signing with HMAC-SHA1 (the default method) and this key and secret. */
    ConfigProperties hmac(String name, String consumerKey, String consumerSecret) {
        return set(name, ConfigKeys.CONSUMER_KEY, consumerKey, ConfigKeys.CONSUMER_SECRET, consumerSecret);
    }

    /** The properties, a copy. */
    Map<String, String> asMap() {
        return new LinkedHashMap<>(properties);
    }
}

package io.github.oauthconsumer.monitoring;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The attribute sets of one instrument, {@code oauth1.consumer.name} and one more attribute, built
 * once per pair and reused, so that recording a measurement allocates nothing. Both values come
 * from a bounded set (configured names, the library's own outcome codes). Thread-safe.
 */
final class AttributeSets {

    /** The consumer name, as in {@code oauth1.<name>.*}. */
    static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("oauth1.consumer.name");
    /** What came of it: {@code accepted} or an {@code oauth_problem}, {@code done} or {@code failed}, a status class... */
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("oauth1.outcome");

    private final AttributeKey<String> second;
    private final ConcurrentMap<String, ConcurrentMap<String, Attributes>> byConsumer = new ConcurrentHashMap<>();

    AttributeSets(AttributeKey<String> second) {
        this.second = second;
    }

    /** The set of this consumer and value. */
    Attributes of(String consumer, String value) {
        ConcurrentMap<String, Attributes> sets = byConsumer.get(consumer);
        if (sets == null) {
            sets = byConsumer.computeIfAbsent(consumer, name -> new ConcurrentHashMap<>());
        }
        Attributes set = sets.get(value);
        if (set == null) {
            set = sets.computeIfAbsent(value, outcome -> Attributes.of(CONSUMER, consumer, second, outcome));
        }
        return set;
    }
}

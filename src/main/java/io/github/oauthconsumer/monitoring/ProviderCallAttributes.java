package io.github.oauthconsumer.monitoring;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The attribute sets of {@code oauth1.provider.call.duration}: consumer name, endpoint kind and
 * outcome (the HTTP status class, {@code timeout} or {@code unreachable}), built once per consumer
 * and reused. Thread-safe.
 */
final class ProviderCallAttributes {

    /** Which of the provider's endpoints: {@code request_token}, {@code access_token}, {@code renewal}, ... */
    static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("oauth1.endpoint");
    static final int TIMEOUT = 5;
    static final int UNREACHABLE = 6;
    private static final String[] OUTCOMES = {"1xx", "2xx", "3xx", "4xx", "5xx", "timeout", "unreachable"};

    private final ConcurrentMap<String, Attributes[][]> byConsumer = new ConcurrentHashMap<>();

    /** The set of this consumer, endpoint and outcome (an index: a status class, {@link #TIMEOUT}, {@link #UNREACHABLE}). */
    Attributes of(String consumer, Monitor.Endpoint endpoint, int outcome) {
        Attributes[][] sets = byConsumer.get(consumer);
        if (sets == null) {
            sets = byConsumer.computeIfAbsent(consumer, ProviderCallAttributes::build);
        }
        return sets[endpoint.ordinal()][outcome];
    }

    /** The outcome index of an HTTP status: its class; a status outside 100-599 counts as the nearest class. */
    static int statusClass(int status) {
        return Math.max(0, Math.min(4, status / 100 - 1));
    }

    /** The endpoint kind as an attribute value and in span names: {@code request_token}, ... */
    static String label(Monitor.Endpoint endpoint) {
        return endpoint.name().toLowerCase(Locale.ROOT);
    }

    private static Attributes[][] build(String consumer) {
        Monitor.Endpoint[] endpoints = Monitor.Endpoint.values();
        Attributes[][] sets = new Attributes[endpoints.length][OUTCOMES.length];
        for (Monitor.Endpoint endpoint : endpoints) {
            for (int outcome = 0; outcome < OUTCOMES.length; outcome++) {
                sets[endpoint.ordinal()][outcome] = Attributes.of(AttributeSets.CONSUMER, consumer,
                        ENDPOINT, label(endpoint), AttributeSets.OUTCOME, OUTCOMES[outcome]);
            }
        }
        return sets;
    }
}

package io.github.oauthconsumer.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies of the extra fields of token responses, kept in order and unmodifiable. */
final class Parameters {

    private Parameters() {
    }

    static Map<String, List<String>> copy(Map<String, List<String>> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        source.forEach((name, values) -> copy.put(name, List.copyOf(new ArrayList<>(values))));
        return Collections.unmodifiableMap(copy);
    }
}

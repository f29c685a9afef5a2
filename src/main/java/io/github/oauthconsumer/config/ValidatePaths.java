package io.github.oauthconsumer.config;

import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The servlet url-patterns whose requests must carry a valid signature, per consumer name:
 * {@code oauth1.<name>.validate-paths=/lti/*,/hooks/grade,*.launch}. Each entry is a servlet
 * url-pattern: an exact path, a path prefix ending in {@code /*}, or an extension {@code *.ext}.
 * A request is checked for one name only, so the patterns of two names must not both match any
 * path. The names are found among the configuration's property names; a name set only through an
 * environment variable ({@code OAUTH1_LTI_VALIDATE_PATHS}) cannot be found that way and needs the
 * key in {@code microprofile-config.properties} (any value, which the variable then overrides).
 */
public final class ValidatePaths {

    private static final Pattern PROPERTY = Pattern.compile(Pattern.quote(ConfigKeys.PREFIX) + "(.+)\\."
            + Pattern.quote(ConfigKeys.VALIDATE_PATHS));
    private static final Pattern EXACT = Pattern.compile("/[^*]*");
    private static final Pattern PREFIX = Pattern.compile("(/[^*]*)?/\\*");
    private static final Pattern EXTENSION = Pattern.compile("\\*\\.[^/*]+");

    private ValidatePaths() {
    }

    /**
     * Reads every name's patterns and checks them.
     *
     * @return the valid patterns by name (sorted by name), and the problems found, each naming its key
     */
    public static Result read(Config config) {
        Map<String, List<String>> patterns = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String property : config.getPropertyNames()) {
            Matcher key = PROPERTY.matcher(property);
            if (!key.matches()) {
                continue;
            }
            List<String> valid = new ArrayList<>();
            for (String entry : config.getOptionalValue(property, String.class).orElse("").split(",")) {
                String pattern = entry.strip();
                if (pattern.isEmpty()) {
                    continue;
                }
                if (kind(pattern) == null) {
                    problems.add(property + " has '" + pattern + "', which is no servlet url-pattern for a filter:"
                            + " use an exact path (/lti/launch), a prefix (/lti/*) or an extension (*.launch)");
                } else if (!valid.contains(pattern)) {
                    valid.add(pattern);
                }
            }
            if (!valid.isEmpty()) {
                patterns.put(key.group(1), List.copyOf(valid));
            }
        }
        problems.addAll(overlaps(patterns));
        return new Result(Collections.unmodifiableMap(patterns), List.copyOf(problems));
    }

    private static List<String> overlaps(Map<String, List<String>> patterns) {
        List<String> problems = new ArrayList<>();
        List<String> names = new ArrayList<>(patterns.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                for (String a : patterns.get(names.get(i))) {
                    for (String b : patterns.get(names.get(j))) {
                        if (overlap(a, b)) {
                            problems.add(ConfigKeys.key(names.get(i), ConfigKeys.VALIDATE_PATHS) + " ('" + a + "') and "
                                    + ConfigKeys.key(names.get(j), ConfigKeys.VALIDATE_PATHS) + " ('" + b + "')"
                                    + " match the same requests, which can be checked for one name only: make them disjoint");
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** The kind of a pattern a filter can be mapped to, or null. */
    private static Kind kind(String pattern) {
        if (PREFIX.matcher(pattern).matches()) {
            return Kind.PREFIX;
        }
        if (EXTENSION.matcher(pattern).matches()) {
            return Kind.EXTENSION;
        }
        // "/" alone is the default servlet's pattern, which matches only what no other servlet does
        return EXACT.matcher(pattern).matches() && !pattern.equals("/") ? Kind.EXACT : null;
    }

    /** Whether some request path matches both patterns. */
    static boolean overlap(String a, String b) {
        Kind kindA = kind(a);
        Kind kindB = kind(b);
        if (kindA == Kind.PREFIX && kindB == Kind.PREFIX) {
            String prefixA = a.substring(0, a.length() - 2);
            String prefixB = b.substring(0, b.length() - 2);
            return within(prefixA, prefixB) || within(prefixB, prefixA);
        }
        if (kindA == Kind.PREFIX || kindB == Kind.PREFIX) {
            String prefix = kindA == Kind.PREFIX ? a : b;
            String other = kindA == Kind.PREFIX ? b : a;
            // an extension pattern matches some file under any prefix
            return kind(other) == Kind.EXTENSION || within(other, prefix.substring(0, prefix.length() - 2));
        }
        if (kindA == Kind.EXTENSION && kindB == Kind.EXTENSION) {
            return a.equals(b);
        }
        if (kindA == Kind.EXTENSION || kindB == Kind.EXTENSION) {
            String extension = (kindA == Kind.EXTENSION ? a : b).substring(1);
            String path = kindA == Kind.EXTENSION ? b : a;
            return path.substring(path.lastIndexOf('/') + 1).endsWith(extension);
        }
        return a.equals(b);
    }

    /** Whether a path is the prefix's path or below it; the empty prefix ({@code /*}) holds every path. */
    private static boolean within(String path, String prefix) {
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private enum Kind {
        EXACT, PREFIX, EXTENSION
    }

    /**
     * The patterns of every name, and what is wrong with them.
     *
     * @param patterns the valid patterns by consumer name; not to be mapped when there are problems
     * @param problems every problem found, each naming its key
     */
    public record Result(Map<String, List<String>> patterns, List<String> problems) {

        /** Whether the patterns were read without problems. */
        public boolean isValid() {
            return problems.isEmpty();
        }
    }
}

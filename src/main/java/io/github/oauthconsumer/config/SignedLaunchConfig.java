package io.github.oauthconsumer.config;

import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The settings of the signed-launch login: the application's
 * {@code @SignedLaunchAuthenticationMechanismDefinition} values, each replaced by its
 * {@code oauth1.signed-launch.*} key when that is set; the keys alone also switch the login on.
 */
public final class SignedLaunchConfig {

    /** The prefix of the login's keys. */
    public static final String PREFIX = "oauth1.signed-launch.";
    public static final String CONSUMER = PREFIX + "consumer";
    public static final String LAUNCH_PATH = PREFIX + "launch-path";
    public static final String USER_PARAMETER = PREFIX + "user-parameter";
    public static final String ROLES_PARAMETER = PREFIX + "roles-parameter";
    public static final String LANDING_PAGE = PREFIX + "landing-page";

    private static final Pattern PATH = Pattern.compile("/[^*?#\\s]*");

    private SignedLaunchConfig() {
    }

    /**
     * The login's settings.
     *
     * @param annotated the application's annotation values, or null when it has none
     * @return the settings, empty when the login is not switched on, or the problems found, each
     *         naming its key
     */
    public static Result read(Config config, Settings annotated) {
        Optional<String> consumer = value(config, CONSUMER).or(() -> annotated == null ? Optional.empty()
                : Optional.of(annotated.consumer()));
        if (consumer.isEmpty()) {
            if (annotated == null && value(config, LAUNCH_PATH).isPresent()) {
                return new Result(Optional.empty(), List.of(LAUNCH_PATH + " is set but " + CONSUMER
                        + " is missing: the login needs the consumer name whose signatures it accepts"));
            }
            return new Result(Optional.empty(), List.of());
        }
        List<String> problems = new ArrayList<>();
        String launchPath = setting(config, LAUNCH_PATH, annotated, Settings::launchPath, null);
        if (launchPath == null) {
            problems.add(LAUNCH_PATH + " is missing: the path launches are posted to, such as /lti/launch");
        } else if (!PATH.matcher(launchPath).matches()) {
            problems.add(LAUNCH_PATH + " must be a path inside the application starting with '/', without"
                    + " wildcard, query or fragment, not '" + launchPath + "'");
        }
        String user = setting(config, USER_PARAMETER, annotated, Settings::userParameter, "user_id");
        String roles = setting(config, ROLES_PARAMETER, annotated, Settings::rolesParameter, "roles");
        for (String[] parameter : new String[][] {{USER_PARAMETER, user}, {ROLES_PARAMETER, roles}}) {
            if (parameter[1] == null || parameter[1].isBlank()) {
                problems.add(parameter[0] + " must name a form parameter");
            }
        }
        String landing = setting(config, LANDING_PAGE, annotated, Settings::landingPage, null);
        landing = landing == null || landing.isBlank() || landing.strip().equalsIgnoreCase(ConfigKeys.NONE) ? null : landing;
        if (landing != null && !PATH.matcher(landing).matches()) {
            problems.add(LANDING_PAGE + " must be a path inside the application starting with '/', not '" + landing + "'");
        }
        String name = consumer.get().strip();
        if (name.isEmpty()) {
            problems.add(CONSUMER + " must name a consumer");
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), List.copyOf(problems));
        }
        return new Result(Optional.of(new Settings(name, launchPath, user.strip(), roles.strip(), landing)), List.of());
    }

    private static String setting(Config config, String key, Settings annotated, Function<Settings, String> value,
                                  String fallback) {
        return value(config, key).orElseGet(() -> annotated == null || value.apply(annotated) == null
                ? fallback : value.apply(annotated).strip());
    }

    private static Optional<String> value(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::strip);
    }

    /**
     * The login's settings.
     *
     * @param consumer       the consumer name whose signatures log in
     * @param launchPath     the path launches are posted to
     * @param userParameter  the parameter naming the user
     * @param rolesParameter the parameter listing the roles
     * @param landingPage    where a successful launch is redirected to, or null to serve the launch path
     */
    public record Settings(String consumer, String launchPath, String userParameter, String rolesParameter,
                           String landingPage) {
    }

    /**
     * The settings, or what prevents them.
     *
     * @param settings the settings; empty when the login is off or has problems
     * @param problems every problem found, each naming its key
     */
    public record Result(Optional<Settings> settings, List<String> problems) {
    }
}

package io.github.oauthconsumer.flow;

import io.github.oauthconsumer.core.PercentEncoding;
import org.eclipse.microprofile.config.Config;

import java.util.regex.Pattern;

/**
 * Where the access-token flow answers: {@code <context path><base path>/<name>/authorize},
 * {@code .../callback} and, for out-of-band consumers, {@code .../verifier}. The base path is {@value #DEFAULT_BASE_PATH} unless MicroProfile Config
 * sets {@value #BASE_PATH_KEY}; it is read once, when the application starts.
 */
final class FlowPaths {

    /** The MicroProfile Config key of the base path, such as {@code /connect}. */
    public static final String BASE_PATH_KEY = "oauth1.flow.base-path";
    /** The base path when none is configured. */
    public static final String DEFAULT_BASE_PATH = "/oauth1";

    static final String AUTHORIZE = "authorize";
    static final String CALLBACK = "callback";
    static final String VERIFIER = "verifier";
    /** The form field of the verifier page that carries its {@link VerifierFormToken}. */
    static final String CSRF_PARAMETER = "csrf_token";
    static final String NEXT_PARAMETER = "next";

    private static final Pattern VALID = Pattern.compile("(/[A-Za-z0-9._~!$&'()+,;=:@-]+)+");

    private final String basePath;

    FlowPaths(String basePath) {
        if (!VALID.matcher(basePath).matches()) {
            throw new IllegalArgumentException(BASE_PATH_KEY + " must be a path such as " + DEFAULT_BASE_PATH
                    + " (starting with '/', no trailing '/', no wildcard), not '" + basePath + "'");
        }
        this.basePath = basePath;
    }

    /**
     * The paths configured in {@code config}.
     *
     * @throws IllegalArgumentException naming the key, when the configured base path is not a usable path
     */
    static FlowPaths from(Config config) {
        return new FlowPaths(config.getOptionalValue(BASE_PATH_KEY, String.class).map(String::strip)
                .orElse(DEFAULT_BASE_PATH));
    }

    /** The servlet mapping that covers every consumer's resources. */
    String servletMapping() {
        return basePath + "/*";
    }

    /** The start resource of a consumer, with {@code next} when it is not null. */
    String authorizePath(String contextPath, String consumerName, String next) {
        return contextPath + basePath + "/" + PercentEncoding.encode(consumerName) + "/" + AUTHORIZE
                + (next == null ? "" : "?" + NEXT_PARAMETER + "=" + PercentEncoding.encode(next));
    }

    /** The callback resource of a consumer. */
    String callbackPath(String contextPath, String consumerName) {
        return contextPath + basePath + "/" + PercentEncoding.encode(consumerName) + "/" + CALLBACK;
    }

    /** The verifier page of an out-of-band consumer, where the user pastes the code the provider showed. */
    String verifierPath(String contextPath, String consumerName) {
        return contextPath + basePath + "/" + PercentEncoding.encode(consumerName) + "/" + VERIFIER;
    }

    @Override
    public String toString() {
        return "FlowPaths[" + basePath + "]";
    }
}

package io.github.oauthconsumer.demo.provider;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.Config;

/**
 * The demo provider's settings, read once at start from MicroProfile Config (defaults in
 * {@code META-INF/microprofile-config.properties}, overridable by environment variables such as
 * {@code DEMO_TOKEN_LIFETIME}). The last four switch it into the ways of providers that depart from
 * RFC 5849, as E*TRADE does in all four; by default it follows the RFC.
 *
 * @param consumerKey           {@code demo.consumer-key}: the one registered consumer
 * @param consumerSecret        {@code demo.consumer-secret}: its shared secret
 * @param tokenLifetime         {@code demo.token-lifetime} (seconds): how long an access token lives
 * @param authorizationLifetime {@code demo.authorization-lifetime} (seconds): how long its session
 *                              handle can renew it
 * @param outOfBandOnly         {@code demo.callback=oob} (not {@code any}): request tokens only for
 *                              {@code oauth_callback=oob}; the approval page shows a code to copy
 * @param tokenRequestMethod    {@code demo.token-request-method}: {@code POST}, or {@code GET} for
 *                              token endpoints that answer GETs only
 * @param keyAndToken           {@code demo.authorize-parameters=key-token} (not {@code oauth_token}):
 *                              the approval page takes {@code ?key=<consumer key>&token=<request token>}
 * @param idleTimeout           {@code demo.idle-timeout} (seconds, 0 for never): how long an access
 *                              token may go unused before it is idle and must be reactivated
 */
public record DemoSettings(String consumerKey, String consumerSecret, Duration tokenLifetime,
        Duration authorizationLifetime, boolean outOfBandOnly, String tokenRequestMethod, boolean keyAndToken,
        Duration idleTimeout) {

    static DemoSettings from(Config config) {
        return new DemoSettings(config.getValue("demo.consumer-key", String.class),
                config.getValue("demo.consumer-secret", String.class),
                seconds(config, "demo.token-lifetime"),
                seconds(config, "demo.authorization-lifetime"),
                choice(config, "demo.callback", List.of("any", "oob")).equals("oob"),
                choice(config, "demo.token-request-method", List.of("POST", "GET")),
                choice(config, "demo.authorize-parameters", List.of("oauth_token", "key-token")).equals("key-token"),
                idleTimeout(config));
    }

    private static Duration idleTimeout(Config config) {
        long seconds = config.getOptionalValue("demo.idle-timeout", Long.class).orElse(0L);
        if (seconds < 0) {
            throw new IllegalStateException("demo.idle-timeout must be a number of seconds, 0 for never, not " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    private static Duration seconds(Config config, String key) {
        long seconds = config.getValue(key, Long.class);
        if (seconds <= 0) {
            throw new IllegalStateException(key + " must be a positive number of seconds, not " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /** The allowed value (as written there) that the setting names in any case; the first one by default. */
    private static String choice(Config config, String key, List<String> allowed) {
        String value = config.getOptionalValue(key, String.class).map(String::strip).orElse(allowed.get(0));
        return allowed.stream().filter(value::equalsIgnoreCase).findFirst().orElseThrow(
                () -> new IllegalStateException(key + " must be one of " + allowed + ", not " + value));
    }

    /** Whether access tokens fall idle. */
    boolean idleTokens() {
        return !idleTimeout.isZero();
    }

    /** Leaves the secret out. */
    @Override
    public String toString() {
        return "consumer key " + consumerKey + ", token lifetime " + tokenLifetime.toSeconds()
                + " s, authorization lifetime " + authorizationLifetime.toSeconds() + " s, callback "
                + (outOfBandOnly ? "oob only" : "any") + ", token requests " + tokenRequestMethod
                + ", approval page with " + (keyAndToken ? "key and token" : "oauth_token")
                + ", idle tokens " + (idleTokens() ? "after " + idleTimeout.toSeconds() + " s" : "never");
    }
}

package io.github.oauthconsumer.demo.provider;

import java.time.Duration;

import org.eclipse.microprofile.config.Config;

/**
 * The demo provider's settings, read once at start from MicroProfile Config (defaults in
 * {@code META-INF/microprofile-config.properties}, overridable by environment variables such as
 * {@code DEMO_TOKEN_LIFETIME}).
 *
 * @param consumerKey           {@code demo.consumer-key}: the one registered consumer
 * @param consumerSecret        {@code demo.consumer-secret}: its shared secret
 * @param tokenLifetime         {@code demo.token-lifetime} (seconds): how long an access token lives
 * @param authorizationLifetime {@code demo.authorization-lifetime} (seconds): how long its session
 *                              handle can renew it
 */
public record DemoSettings(String consumerKey, String consumerSecret, Duration tokenLifetime,
        Duration authorizationLifetime) {

    static DemoSettings from(Config config) {
        return new DemoSettings(config.getValue("demo.consumer-key", String.class),
                config.getValue("demo.consumer-secret", String.class),
                seconds(config, "demo.token-lifetime"),
                seconds(config, "demo.authorization-lifetime"));
    }

    private static Duration seconds(Config config, String key) {
        long seconds = config.getValue(key, Long.class);
        if (seconds <= 0) {
            throw new IllegalStateException(key + " must be a positive number of seconds, not " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /** Leaves the secret out. */
    @Override
    public String toString() {
        return "consumer key " + consumerKey + ", token lifetime " + tokenLifetime.toSeconds()
                + " s, authorization lifetime " + authorizationLifetime.toSeconds() + " s";
    }
}

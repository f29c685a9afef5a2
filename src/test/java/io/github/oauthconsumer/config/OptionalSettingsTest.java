package io.github.oauthconsumer.config;

import io.github.oauthconsumer.api.OAuthConsumerConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code none} switches an optional page or URL off from a higher config source, such as the environment. */
class OptionalSettingsTest {

    private static final Map<String, String> FILE = Map.of(
            "oauth1.demo.consumer-key", "key",
            "oauth1.demo.consumer-secret", "secret",
            "oauth1.demo.page.authorize", "/WEB-INF/pages/authorize.jsp",
            "oauth1.demo.page.success", "/WEB-INF/pages/success.jsp",
            "oauth1.demo.page.invalid-signature", "/WEB-INF/pages/invalid-signature.jsp",
            "oauth1.demo.callback-url", "https://app.example/oauth1/demo/callback",
            "oauth1.demo.user-agent", "app/1.0");

    @Test
    void noneFromAHigherSourceSwitchesTheSettingOff() {
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(FILE, "microprofile-config.properties", 100))
                .withSources(new PropertiesConfigSource(Map.of(
                        "oauth1.demo.page.authorize", "none",
                        "oauth1.demo.page.invalid-signature", "NONE",
                        "oauth1.demo.callback-url", " none ",
                        "oauth1.demo.user-agent", "none"), "environment", 300))
                .build();

        OAuthConsumerConfig resolved = resolve(config, null);

        assertNull(resolved.authorizePage());
        assertNull(resolved.invalidSignaturePage());
        assertNull(resolved.callbackUrl());
        assertNull(resolved.userAgent());
        assertEquals("/WEB-INF/pages/success.jsp", resolved.successPage());
    }

    @Test
    void noneAlsoSwitchesOffWhatAProducerSet() {
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("oauth1.demo.page.refused", "none"), "environment", 300))
                .build();
        OAuthConsumerConfig produced = OAuthConsumerConfig.builder().consumerKey("key").consumerSecret("secret")
                .refusedPage("/refused.jsp").successPage("/success.jsp").build();

        OAuthConsumerConfig resolved = resolve(config, produced);

        assertNull(resolved.refusedPage());
        assertEquals("/success.jsp", resolved.successPage());
    }

    private static OAuthConsumerConfig resolve(Config config, OAuthConsumerConfig produced) {
        ConsumerConfigResolver.Result result = new ConsumerConfigResolver(config, OptionalSettingsTest.class.getClassLoader())
                .resolve("demo", produced, EnumSet.noneOf(Usage.class));
        assertTrue(result.isValid(), result.problems()::toString);
        return result.definition().config();
    }
}

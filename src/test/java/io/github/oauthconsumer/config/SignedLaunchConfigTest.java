package io.github.oauthconsumer.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignedLaunchConfigTest {

    private static final SignedLaunchConfig.Settings ANNOTATED =
            new SignedLaunchConfig.Settings("lti", "/lti/launch", "user_id", "roles", "");

    @Test
    void withoutAnnotationOrKeysTheLoginIsOff() {
        SignedLaunchConfig.Result result = SignedLaunchConfig.read(config(Map.of()), null);

        assertEquals(Optional.empty(), result.settings());
        assertEquals(List.of(), result.problems());
    }

    @Test
    void theAnnotationsValuesAreTheSettingsAnEmptyLandingPageIsNone() {
        assertEquals(Optional.of(new SignedLaunchConfig.Settings("lti", "/lti/launch", "user_id", "roles", null)),
                SignedLaunchConfig.read(config(Map.of()), ANNOTATED).settings());
    }

    @Test
    void keysReplaceTheAnnotationsValues() {
        SignedLaunchConfig.Result result = SignedLaunchConfig.read(config(Map.of(
                "oauth1.signed-launch.consumer", "platforms",
                "oauth1.signed-launch.launch-path", "/launch",
                "oauth1.signed-launch.user-parameter", "lis_person_sourcedid",
                "oauth1.signed-launch.roles-parameter", "ext_roles",
                "oauth1.signed-launch.landing-page", "/tool/")), ANNOTATED);

        assertEquals(Optional.of(new SignedLaunchConfig.Settings("platforms", "/launch", "lis_person_sourcedid", "ext_roles",
                "/tool/")), result.settings());
    }

    @Test
    void keysAloneSwitchTheLoginOnWithTheDefaults() {
        SignedLaunchConfig.Result result = SignedLaunchConfig.read(config(Map.of(
                "oauth1.signed-launch.consumer", "lti", "oauth1.signed-launch.launch-path", "/lti/launch")), null);

        assertEquals(Optional.of(new SignedLaunchConfig.Settings("lti", "/lti/launch", "user_id", "roles", null)),
                result.settings());
    }

    @Test
    void noneSwitchesTheAnnotationsLandingPageOff() {
        SignedLaunchConfig.Settings annotated = new SignedLaunchConfig.Settings("lti", "/lti/launch", "user_id", "roles", "/home");

        assertEquals(null, SignedLaunchConfig.read(config(Map.of("oauth1.signed-launch.landing-page", "none")), annotated)
                .settings().orElseThrow().landingPage());
    }

    @Test
    void everyProblemNamesItsKey() {
        assertEquals(List.of("oauth1.signed-launch.launch-path is missing: the path launches are posted to, such as /lti/launch"),
                SignedLaunchConfig.read(config(Map.of("oauth1.signed-launch.consumer", "lti")), null).problems());
        assertEquals(List.of("oauth1.signed-launch.launch-path is set but oauth1.signed-launch.consumer is missing: the login"
                        + " needs the consumer name whose signatures it accepts"),
                SignedLaunchConfig.read(config(Map.of("oauth1.signed-launch.launch-path", "/x")), null).problems());
        assertEquals(List.of(
                        "oauth1.signed-launch.launch-path must be a path inside the application starting with '/', without"
                                + " wildcard, query or fragment, not 'lti/*'",
                        "oauth1.signed-launch.user-parameter must name a form parameter",
                        "oauth1.signed-launch.landing-page must be a path inside the application starting with '/', not"
                                + " 'https://elsewhere.example/'"),
                SignedLaunchConfig.read(config(Map.of(
                        "oauth1.signed-launch.launch-path", "lti/*",
                        "oauth1.signed-launch.user-parameter", " ",
                        "oauth1.signed-launch.landing-page", "https://elsewhere.example/")), ANNOTATED).problems());
    }

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }
}

package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.SignedLaunchAuthenticationMechanismDefinition;
import io.github.oauthconsumer.login.SignedLaunchMechanism;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The signed-launch login's wiring on Weld: its mechanism is a bean only where the application
 * switches the login on, and every problem with it stops the deployment naming what to fix.
 */
class SignedLaunchWiringTest {

    private final ConfigProperties lti = new ConfigProperties().hmac("lti", "lms.example.edu", "lti secret");

    @Test
    void theAnnotationAddsTheMechanism() {
        try (WeldContainer container = OAuthWeld.start(lti, Security.class)) {
            HttpAuthenticationMechanism mechanism = container.select(HttpAuthenticationMechanism.class).get();

            assertInstanceOf(SignedLaunchMechanism.class, mechanism, "the bean's client proxy");
        }
    }

    @Test
    void withoutTheAnnotationOrKeysThereIsNoMechanism() {
        try (WeldContainer container = OAuthWeld.start(lti, Unrelated.class)) {
            assertTrue(container.select(HttpAuthenticationMechanism.class).isUnsatisfied(),
                    "a mechanism would put every request through Jakarta Security");
        }
    }

    @Test
    void theKeysAloneAddTheMechanism() {
        ConfigProperties config = new ConfigProperties().hmac("lti", "lms.example.edu", "lti secret")
                .set("signed-launch", "consumer", "lti", "launch-path", "/launch");

        try (WeldContainer container = OAuthWeld.start(config, Unrelated.class)) {
            assertFalse(container.select(HttpAuthenticationMechanism.class).isUnsatisfied());
        }
    }

    @Test
    void anUnconfiguredConsumerStopsTheDeployment() {
        DeploymentException failure = assertThrows(DeploymentException.class,
                () -> OAuthWeld.start(new ConfigProperties(), Security.class).close());

        assertTrue(failure.getMessage().contains("oauth1.lti.consumer-key is missing"), failure.getMessage());
        assertTrue(failure.getMessage().contains("oauth1.lti.consumer-secret or oauth1.lti.public-key is missing"),
                failure.getMessage());
    }

    @Test
    void twoDefinitionsStopTheDeployment() {
        DeploymentException failure = assertThrows(DeploymentException.class,
                () -> OAuthWeld.start(lti, Security.class, OtherSecurity.class).close());

        assertTrue(failure.getMessage().contains("@SignedLaunchAuthenticationMechanismDefinition is on 2 classes, one is allowed"),
                failure.getMessage());
    }

    @Test
    void aBadLaunchPathStopsTheDeploymentNamingTheKey() {
        ConfigProperties config = new ConfigProperties().hmac("lti", "lms.example.edu", "lti secret")
                .set("signed-launch", "launch-path", "lti/launch");

        DeploymentException failure = assertThrows(DeploymentException.class,
                () -> OAuthWeld.start(config, Security.class).close());

        assertTrue(failure.getMessage().contains("oauth1.signed-launch.launch-path must be a path inside the application"),
                failure.getMessage());
        assertEquals(1, failure.getMessage().split("\n  - ").length - 1, failure.getMessage());
    }

    @ApplicationScoped
    @SignedLaunchAuthenticationMechanismDefinition(consumer = "lti", launchPath = "/lti/launch")
    static class Security {
    }

    @ApplicationScoped
    @SignedLaunchAuthenticationMechanismDefinition(consumer = "lti", launchPath = "/other")
    static class OtherSecurity {
    }

    /** An application bean without the annotation. */
    @ApplicationScoped
    static class Unrelated {
    }
}

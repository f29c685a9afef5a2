package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.SignatureValidation;
import io.github.oauthconsumer.api.ValidateSignature;
import io.github.oauthconsumer.api.ValidatedRequest;
import io.github.oauthconsumer.config.ConfigKeys;
import io.github.oauthconsumer.spi.NonceStore;
import io.github.oauthconsumer.spi.NonceStoreFullException;
import io.github.oauthconsumer.store.DefaultNonceStore;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CDI side of {@code @ValidateSignature}: its configuration beyond the consumer's own keys is
 * checked at deployment, and its beans (the default nonce store, the request-scoped
 * {@link ValidatedRequest}) are there without a beans.xml.
 */
class ValidationWiringTest {

    private static final String SECRET = "accepted-secret-never-shown";

    @Test
    void acceptedConsumersAndGlobalSettingsAreCheckedAtDeployment() {
        ConfigProperties config = new ConfigProperties().hmac("lti", "lms", "own secret")
                .set("lti", "accepted-consumers", "moodle,bad.alias,twin")
                .set("lti", "accepted-consumer.moodle.consumer-key", "moodle")
                .set("lti", "accepted-consumer.twin.consumer-key", "lms")
                .set("lti", "accepted-consumer.twin.consumer-secret", SECRET)
                .set("nonce-store", "capacity", "lots")
                .set("validation", "max-body-size", "-1");

        DeploymentException failure = assertThrows(DeploymentException.class,
                () -> OAuthWeld.start(config, LaunchResource.class).close());

        String message = failure.getMessage();
        assertTrue(message.contains("oauth1.lti.accepted-consumer.moodle.consumer-secret or "
                + "oauth1.lti.accepted-consumer.moodle.public-key is missing"), message);
        assertTrue(message.contains("oauth1.lti.accepted-consumers lists 'bad.alias'"), message);
        assertTrue(message.contains("oauth1.lti.accepted-consumer.twin.consumer-key repeats a consumer key"), message);
        assertTrue(message.contains("oauth1.nonce-store.capacity must be a positive whole number, not 'lots'"), message);
        assertTrue(message.contains("oauth1.validation.max-body-size must be a positive whole number, not '-1'"), message);
        assertFalse(message.contains(SECRET), message);
    }

    @Test
    void aValidationOnlyConsumerNeedsASecretOrAPublicKey() {
        ConfigProperties config = new ConfigProperties().set("lti", ConfigKeys.CONSUMER_KEY, "lms");

        DeploymentException failure = assertThrows(DeploymentException.class,
                () -> OAuthWeld.start(config, LaunchResource.class).close());

        assertTrue(failure.getMessage().contains("oauth1.lti.consumer-secret or oauth1.lti.public-key is missing"),
                failure.getMessage());
    }

    @Test
    void theLibrarysValidationBeansAreThereWithoutBeansXml() {
        ConfigProperties config = new ConfigProperties().hmac("lti", "lms", "own secret")
                .set("nonce-store", "capacity", "2");

        try (WeldContainer container = OAuthWeld.start(config, LaunchResource.class)) {
            NonceStore nonces = container.select(NonceStore.class).get();
            assertInstanceOf(DefaultNonceStore.class, nonces, "the default, a proxy of it");
            Instant expiry = Instant.now().plusSeconds(300);
            assertTrue(nonces.register("lms", 1, "a", expiry));
            assertFalse(nonces.register("lms", 1, "a", expiry));
            assertTrue(nonces.register("lms", 1, "b", expiry));
            assertThrows(NonceStoreFullException.class,
                    () -> nonces.register("lms", 1, "c", expiry), "the configured capacity of 2 is used");

            RequestContextController request = container.select(RequestContextController.class).get();
            request.activate();
            try {
                ValidatedRequest validated = container.select(ValidatedRequest.class).get();
                assertFalse(validated.isValidated());
                IllegalStateException outside = assertThrows(IllegalStateException.class, validated::consumerKey);
                assertEquals("the current request's signature was not checked: annotate the resource method or class"
                        + " @ValidateSignature, list its path in oauth1.<name>.validate-paths, or call"
                        + " SignatureValidation.validate first", outside.getMessage());
                IllegalStateException noHttpRequest = assertThrows(IllegalStateException.class,
                        () -> container.select(SignatureValidation.class).get().validate("lti"));
                assertEquals("SignatureValidation.validate needs a current HTTP request", noHttpRequest.getMessage());
            } finally {
                request.deactivate();
            }
        }
    }

    @Test
    void namesWithValidatePathsAreCheckedAtDeploymentAndTheirPatternsMustNotOverlap() {
        ConfigProperties config = new ConfigProperties().hmac("lti", "lms", "own secret")
                .set("lti", ConfigKeys.VALIDATE_PATHS, "/lti/*")
                .set("hooks", ConfigKeys.CONSUMER_KEY, "hooks", ConfigKeys.VALIDATE_PATHS, "/lti/grades, hooks");

        DeploymentException failure = assertThrows(DeploymentException.class,
                () -> OAuthWeld.start(config, LaunchResource.class).close());

        String message = failure.getMessage();
        assertTrue(message.contains("oauth1.hooks.validate-paths has 'hooks', which is no servlet url-pattern"), message);
        assertTrue(message.contains("oauth1.hooks.validate-paths ('/lti/grades') and oauth1.lti.validate-paths ('/lti/*')"
                + " match the same requests"), message);
        assertTrue(message.contains("oauth1.hooks.consumer-secret or oauth1.hooks.public-key is missing"),
                "a name known only from validate-paths is checked as a validating consumer: " + message);
    }

    /** A bean with a validated method, as a JAX-RS resource would be. */
    @Dependent
    static class LaunchResource {
        @ValidateSignature("lti")
        public String launch() {
            return "launched";
        }
    }
}

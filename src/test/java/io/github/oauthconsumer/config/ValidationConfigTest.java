package io.github.oauthconsumer.config;

import io.github.oauthconsumer.spi.SigningKeys;
import io.github.oauthconsumer.testprovider.TestCertificates;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidationConfigTest {

    private static final KeyPair RSA = TestCertificates.newRsaKeyPair(1024);

    private final Map<String, String> properties = new HashMap<>(Map.of(
            "oauth1.lti.consumer-key", "own-key",
            "oauth1.lti.consumer-secret", "own secret"));

    @Test
    void acceptsTheOwnKeyAndTheListedConsumersEachWithItsKeyMaterial() {
        properties.putAll(Map.of(
                "oauth1.lti.accepted-consumers", " moodle , canvas_2,",
                "oauth1.lti.accepted-consumer.moodle.consumer-key", "moodle.example.edu:tool/1",
                "oauth1.lti.accepted-consumer.moodle.consumer-secret", "moodle secret",
                "oauth1.lti.accepted-consumer.canvas_2.consumer-key", "canvas",
                "oauth1.lti.accepted-consumer.canvas_2.public-key",
                TestCertificates.selfSignedCertificatePem(RSA, "canvas")));

        ValidationConfig.Result result = keys();

        assertTrue(result.isValid(), () -> result.problems().toString());
        assertEquals(List.of("own-key", "moodle.example.edu:tool/1", "canvas"), List.copyOf(result.keys().keySet()));
        assertEquals("own secret", result.keys().get("own-key").consumerSecret());
        assertEquals("moodle secret", result.keys().get("moodle.example.edu:tool/1").consumerSecret());
        SigningKeys canvas = result.keys().get("canvas");
        assertNull(canvas.consumerSecret());
        assertEquals(RSA.getPublic(), canvas.publicKey());
    }

    @Test
    void withBothSecretAndPublicKeyTheSignatureMethodChooses() {
        properties.putAll(Map.of(
                "oauth1.lti.accepted-consumers", "hmac,rsa",
                "oauth1.lti.accepted-consumer.hmac.consumer-key", "hmac",
                "oauth1.lti.accepted-consumer.hmac.consumer-secret", "s",
                "oauth1.lti.accepted-consumer.hmac.public-key", TestCertificates.selfSignedCertificatePem(RSA, "x"),
                "oauth1.lti.accepted-consumer.rsa.consumer-key", "rsa",
                "oauth1.lti.accepted-consumer.rsa.consumer-secret", "s",
                "oauth1.lti.accepted-consumer.rsa.signature-method", "RSA-SHA256",
                "oauth1.lti.accepted-consumer.rsa.public-key", TestCertificates.selfSignedCertificatePem(RSA, "x")));

        Map<String, SigningKeys> keys = keys().keys();

        assertEquals("s", keys.get("hmac").consumerSecret());
        assertNotNull(keys.get("rsa").publicKey());
    }

    @Test
    void everyProblemNamesTheKeyToFix() {
        properties.putAll(Map.of(
                "oauth1.lti.accepted-consumers", "no-secret,moodle.edu,twin",
                "oauth1.lti.accepted-consumer.no-secret.consumer-key", "k1",
                "oauth1.lti.accepted-consumer.twin.consumer-key", "own-key",
                "oauth1.lti.accepted-consumer.twin.consumer-secret", "other secret"));

        ValidationConfig.Result result = keys();

        assertFalse(result.isValid());
        assertTrue(result.keys().isEmpty(), "nothing is accepted from a configuration with problems");
        String problems = String.join("\n", result.problems());
        assertEquals(3, result.problems().size(), problems);
        assertTrue(problems.contains("oauth1.lti.accepted-consumer.no-secret.consumer-secret or "
                + "oauth1.lti.accepted-consumer.no-secret.public-key is missing"), problems);
        assertTrue(problems.contains("oauth1.lti.accepted-consumers lists 'moodle.edu', which is not an alias"), problems);
        assertTrue(problems.contains("oauth1.lti.accepted-consumer.twin.consumer-key repeats a consumer key"), problems);
        assertFalse(problems.contains("other secret"), "secrets are never quoted");
    }

    @Test
    void withoutAcceptedConsumersOnlyTheOwnKeyIsAccepted() {
        assertEquals(List.of("own-key"), List.copyOf(keys().keys().keySet()));
    }

    @Test
    void globalSettingsHaveDefaultsAndMustBePositiveWholeNumbers() {
        Config defaults = config();
        assertEquals(100, ValidationConfig.nonceStoreCapacity(defaults, 100));
        assertEquals(1 << 20, ValidationConfig.maxBodySize(defaults));
        assertTrue(ValidationConfig.globalProblems(defaults).isEmpty());

        properties.put(ValidationConfig.NONCE_STORE_CAPACITY, " 2500 ");
        properties.put(ValidationConfig.MAX_BODY_SIZE, "4096");
        assertEquals(2500, ValidationConfig.nonceStoreCapacity(config(), 100));
        assertEquals(4096, ValidationConfig.maxBodySize(config()));

        properties.put(ValidationConfig.NONCE_STORE_CAPACITY, "0");
        properties.put(ValidationConfig.MAX_BODY_SIZE, "1MB");
        assertEquals(List.of("oauth1.nonce-store.capacity must be a positive whole number, not '0'",
                "oauth1.validation.max-body-size must be a positive whole number, not '1MB'"),
                ValidationConfig.globalProblems(config()));
        assertThrows(IllegalArgumentException.class, () -> ValidationConfig.maxBodySize(config()));
    }

    @Test
    void nonceStoreCapacityHasAnUpperBoundNamedWithItsKey() {
        properties.put(ValidationConfig.NONCE_STORE_CAPACITY, "2000000000");

        assertEquals(List.of("oauth1.nonce-store.capacity must be at most 268435456, not 2000000000"),
                ValidationConfig.globalProblems(config()));
    }

    private ValidationConfig.Result keys() {
        Config config = config();
        ClassLoader loader = getClass().getClassLoader();
        ConsumerConfigResolver.Result own = new ConsumerConfigResolver(config, loader)
                .resolve("lti", null, EnumSet.of(Usage.VALIDATION));
        assertTrue(own.isValid(), () -> own.problems().toString());
        return ValidationConfig.keys(config, loader, own.definition());
    }

    private Config config() {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.copyOf(properties), "test", 500))
                .build();
    }
}

package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.OAuthConsumerConfig;
import io.github.oauthconsumer.api.RequireAccessToken;
import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.api.ValidateSignature;
import io.github.oauthconsumer.config.ConfigKeys;
import io.github.oauthconsumer.testprovider.TestCertificates;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every misconfiguration of a consumer stops the deployment with a {@link DeploymentException}
 * naming the key to fix, all problems together, without ever quoting a secret or a key.
 */
class DeploymentProblemsTest {

    private static final String SECRET = "s3cr3t-value-never-shown";
    /** Valid Base64 that is no key: the message must not repeat it either. */
    private static final String NOT_A_KEY_BASE64 = Base64.getEncoder().encodeToString(
            "these bytes are no DER-encoded RSA private key at all".getBytes(StandardCharsets.US_ASCII));

    @Test
    void completeConfigurationDeploys() {
        ConfigProperties config = new ConfigProperties().hmac("x", "key", SECRET);

        try (WeldContainer container = OAuthWeld.start(config, XClient.class)) {
            assertEquals("x", container.select(XClient.class).get().client.name());
        }
    }

    @Test
    void missingConsumerKey() {
        String message = deploymentProblem(new ConfigProperties().set("x", ConfigKeys.CONSUMER_SECRET, SECRET),
                XClient.class);

        assertTrue(message.contains("oauth1.x.consumer-key is missing"), message);
    }

    @Test
    void missingConsumerSecret() {
        String message = deploymentProblem(new ConfigProperties().set("x", ConfigKeys.CONSUMER_KEY, "key"),
                XClient.class);

        assertTrue(message.contains("oauth1.x.consumer-secret is missing"), message);
    }

    @Test
    void lazyInjectionPointsAreCheckedToo() {
        String message = deploymentProblem(new ConfigProperties().set("x", ConfigKeys.CONSUMER_KEY, "key")
                .set("y", ConfigKeys.CONSUMER_KEY, "key"), LazyClients.class);

        assertTrue(message.contains("oauth1.x.consumer-secret is missing"), message);
        assertTrue(message.contains("oauth1.y.consumer-secret is missing"), message);
    }

    @Test
    void malformedUrls() {
        ConfigProperties config = new ConfigProperties().hmac("x", "key", SECRET)
                .set("x", ConfigKeys.ACCESS_TOKEN_URL, "http://exa mple.com/token",
                        ConfigKeys.REQUEST_TOKEN_URL, "ftp://example.com/request",
                        ConfigKeys.CALLBACK_URL, "/relative/callback");

        String message = deploymentProblem(config, XClient.class);

        assertTrue(message.contains("oauth1.x.access-token-url is not a valid URL"), message);
        assertTrue(message.contains("oauth1.x.request-token-url must be an absolute http or https URL"), message);
        assertTrue(message.contains("oauth1.x.callback-url must be an absolute http or https URL"), message);
    }

    @Test
    void unknownSignatureMethod() {
        ConfigProperties config = new ConfigProperties().hmac("x", "key", SECRET)
                .set("x", ConfigKeys.SIGNATURE_METHOD, "HMAC-MD5");

        String message = deploymentProblem(config, XClient.class);

        assertTrue(message.contains("oauth1.x.signature-method names an unknown signature method 'HMAC-MD5'"), message);
    }

    @Test
    void garbagePemPrivateKey() {
        String garbage = "-----BEGIN PRIVATE KEY-----\n" + NOT_A_KEY_BASE64 + "\n-----END PRIVATE KEY-----\n";
        ConfigProperties config = new ConfigProperties().set("x", ConfigKeys.CONSUMER_KEY, "key",
                ConfigKeys.SIGNATURE_METHOD, "RSA-SHA1", ConfigKeys.PRIVATE_KEY, garbage);

        String message = deploymentProblem(config, XClient.class);

        assertTrue(message.contains("oauth1.x.private-key is not a usable PEM private key"), message);
        assertFalse(message.contains(NOT_A_KEY_BASE64), message);
    }

    @Test
    void truncatedRealKeyIsNotQuoted() {
        String pem = RsaPem.pkcs1(TestCertificates.newRsaKeyPair(1024));
        String[] lines = pem.split("\n");
        String truncated = String.join("\n", Arrays.copyOf(lines, lines.length / 2)) + "\n-----END RSA PRIVATE KEY-----\n";
        ConfigProperties config = new ConfigProperties().set("x", ConfigKeys.CONSUMER_KEY, "key",
                ConfigKeys.SIGNATURE_METHOD, "RSA-SHA1", ConfigKeys.PRIVATE_KEY, truncated);

        String message = deploymentProblem(config, XClient.class);

        assertTrue(message.contains("oauth1.x.private-key is not a usable PEM private key"), message);
        for (int i = 1; i < lines.length / 2; i++) {
            assertFalse(message.contains(lines[i].substring(0, 16)), message);
        }
    }

    @Test
    void textThatIsNoPemAtAll() {
        ConfigProperties config = new ConfigProperties().set("x", ConfigKeys.CONSUMER_KEY, "key",
                ConfigKeys.SIGNATURE_METHOD, "RSA-SHA256", ConfigKeys.PRIVATE_KEY, SECRET);

        String message = deploymentProblem(config, XClient.class);

        assertTrue(message.contains("oauth1.x.private-key is not a usable PEM private key"), message);
    }

    @Test
    void missingPrivateKeyFile(@TempDir Path directory) {
        String location = directory.resolve("no-such-key.pem").toString();
        ConfigProperties config = new ConfigProperties().set("x", ConfigKeys.CONSUMER_KEY, "key",
                ConfigKeys.SIGNATURE_METHOD, "RSA-SHA1", ConfigKeys.PRIVATE_KEY_LOCATION, location);

        String message = deploymentProblem(config, XClient.class);

        assertTrue(message.contains("oauth1.x.private-key-location '" + location + "'"), message);
    }

    @Test
    void missingRsaPrivateKey() {
        ConfigProperties config = new ConfigProperties().set("x", ConfigKeys.CONSUMER_KEY, "key",
                ConfigKeys.SIGNATURE_METHOD, "RSA-SHA1");

        String message = deploymentProblem(config, XClient.class);

        assertTrue(message.contains("oauth1.x.private-key or oauth1.x.private-key-location is missing"), message);
    }

    @Test
    void twoProducersForOneName() {
        String message = deploymentProblem(new ConfigProperties(), XClient.class, FirstProducer.class,
                SecondProducer.class);

        assertTrue(message.contains("@OAuthConsumer(\"x\") has 2 OAuthConsumerConfig producers"), message);
        assertTrue(message.contains(FirstProducer.class.getName() + ".first()"), message);
        assertTrue(message.contains(SecondProducer.class.getName() + ".second"), message);
    }

    @Test
    void requireAccessTokenNeedsTheFlowUrls() {
        String message = deploymentProblem(new ConfigProperties().hmac("x", "key", SECRET), FlowResource.class);

        for (String key : List.of(ConfigKeys.REQUEST_TOKEN_URL, ConfigKeys.AUTHORIZATION_URL, ConfigKeys.ACCESS_TOKEN_URL)) {
            assertTrue(message.contains("oauth1.x." + key + " is missing (needed by @RequireAccessToken(\"x\"))"), message);
        }
    }

    @Test
    void validateSignatureNeedsASecretOrPublicKey() {
        String message = deploymentProblem(new ConfigProperties().set("v", ConfigKeys.CONSUMER_KEY, "key"),
                ValidatedResource.class);

        assertTrue(message.contains("oauth1.v.consumer-secret or oauth1.v.public-key is missing"), message);
    }

    @Test
    void invalidValuesOfOtherKeys() {
        ConfigProperties config = new ConfigProperties().hmac("x", "key", SECRET)
                .set("x", ConfigKeys.READ_TIMEOUT, "soon", ConfigKeys.TRANSPORT, "pigeon",
                        ConfigKeys.BODY_HASH, "yes", ConfigKeys.PAGE_SUCCESS, "done.xhtml");

        String message = deploymentProblem(config, XClient.class);

        assertTrue(message.contains("oauth1.x.read-timeout must be a duration"), message);
        assertTrue(message.contains("oauth1.x.transport must be header, query or body"), message);
        assertTrue(message.contains("oauth1.x.body-hash must be true or false"), message);
        assertTrue(message.contains("oauth1.x.page.success must be a path"), message);
    }

    @Test
    void invalidDiagnosticsAndClockSettingsNameTheirKeys() {
        ConfigProperties config = new ConfigProperties().hmac("x", "key", SECRET)
                .set("x", ConfigKeys.EXPLAIN_REFUSALS, "maybe", ConfigKeys.CLOCK_SKEW_CORRECTION, "yes",
                        ConfigKeys.CLOCK_SKEW_MAX_OFFSET, "0s");

        String message = deploymentProblem(config, XClient.class);

        assertTrue(message.contains("oauth1.x.validation.explain-refusals must be true or false"), message);
        assertTrue(message.contains("oauth1.x.clock-skew-correction must be true or false"), message);
        assertTrue(message.contains("oauth1.x.clock-skew-correction.max-offset must be longer than zero"), message);
    }

    @Test
    void everyProblemOfEveryNameIsReportedInOneDeploymentException() {
        String garbage = "-----BEGIN RSA PRIVATE KEY-----\n" + NOT_A_KEY_BASE64 + "\n-----END RSA PRIVATE KEY-----";
        ConfigProperties config = new ConfigProperties()
                .set("x", ConfigKeys.CONSUMER_KEY, "key")
                .set("y", ConfigKeys.CONSUMER_SECRET, SECRET, ConfigKeys.SIGNATURE_METHOD, "HMAC-MD5",
                        ConfigKeys.ACCESS_TOKEN_URL, "not a url")
                .set("z", ConfigKeys.CONSUMER_KEY, "key", ConfigKeys.SIGNATURE_METHOD, "RSA-SHA1",
                        ConfigKeys.PRIVATE_KEY, garbage);

        DeploymentException failure = assertThrows(DeploymentException.class,
                () -> OAuthWeld.start(config, XClient.class, YZClients.class).close());
        String message = failure.getMessage();

        assertTrue(message.contains("OAuth 1.0a consumer configuration has 5 problem(s)"), message);
        assertEquals(1, occurrences(message, "OAuth 1.0a consumer configuration has"), message);
        assertTrue(message.contains("oauth1.x.consumer-secret is missing"), message);
        assertTrue(message.contains("oauth1.y.consumer-key is missing"), message);
        assertTrue(message.contains("oauth1.y.signature-method names an unknown signature method"), message);
        assertTrue(message.contains("oauth1.y.access-token-url"), message);
        assertTrue(message.contains("oauth1.z.private-key is not a usable PEM private key"), message);
        String everything = stackTrace(failure);
        assertFalse(everything.contains(SECRET), everything);
        assertFalse(everything.contains(NOT_A_KEY_BASE64), everything);
    }

    private static String deploymentProblem(ConfigProperties config, Class<?>... beans) {
        DeploymentException failure = assertThrows(DeploymentException.class,
                () -> OAuthWeld.start(config, beans).close());
        String everything = stackTrace(failure);
        assertFalse(everything.contains(SECRET), everything);
        return failure.getMessage();
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    @Dependent
    static class XClient {
        @Inject
        @OAuthConsumer("x")
        SignedClient client;
    }

    @Dependent
    static class LazyClients {
        @Inject
        @OAuthConsumer("x")
        Instance<SignedClient> x;

        @Inject
        @OAuthConsumer("y")
        Provider<SignedClient> y;
    }

    @Dependent
    static class YZClients {
        @Inject
        @OAuthConsumer("y")
        SignedClient y;

        @Inject
        @OAuthConsumer("z")
        SignedClient z;
    }

    @Dependent
    static class FirstProducer {
        @Produces
        @OAuthConsumer("x")
        OAuthConsumerConfig first() {
            return OAuthConsumerConfig.builder().consumerKey("first").consumerSecret(SECRET).build();
        }
    }

    @Dependent
    static class SecondProducer {
        @Produces
        @OAuthConsumer("x")
        OAuthConsumerConfig second = OAuthConsumerConfig.builder().consumerKey("second").consumerSecret(SECRET).build();
    }

    @Dependent
    static class FlowResource {
        @RequireAccessToken("x")
        public String protectedPage() {
            return "needs a token";
        }
    }

    @Dependent
    @ValidateSignature("v")
    static class ValidatedResource {
        public String launch() {
            return "signed requests only";
        }
    }
}

package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.config.ConfigKeys;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code validation.explain-refusals} is announced at deployment with a warning, and only when it is on. */
class ExplainRefusalsWiringTest {

    private static final String SECRET = "explained-secret-never-shown";

    @Test
    void aDeploymentWithExplainedRefusalsSaysSoOnce() {
        List<LogRecord> records = deploy(new ConfigProperties().hmac("lti", "lms", SECRET)
                .set("lti", ConfigKeys.EXPLAIN_REFUSALS, "true").hmac("other", "lms", SECRET));

        assertEquals(1, records.size(), records.toString());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        String message = records.get(0).getMessage();
        assertTrue(message.startsWith("oauth1.lti.validation.explain-refusals is on"), message);
        assertFalse(message.contains(SECRET), message);
    }

    @Test
    void offByDefault() {
        assertEquals(List.of(), deploy(new ConfigProperties().hmac("lti", "lms", SECRET)));
    }

    private static List<LogRecord> deploy(ConfigProperties config) {
        try (CapturedLog log = CapturedLog.of(OAuth1Extension.class, Level.WARNING)) {
            OAuthWeld.start(config, ValidationWiringTest.LaunchResource.class).close();
            return log.records().stream().filter(record -> record.getMessage().contains("explain-refusals")).toList();
        }
    }
}

package io.github.oauthconsumer.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidatePathsTest {

    @Test
    void readsEveryNamesPatternsTrimmedWithoutEmptiesOrRepeats() {
        ValidatePaths.Result result = read(Map.of(
                "oauth1.lti.validate-paths", " /lti/* , /launch.xhtml,,/lti/*",
                "oauth1.hooks.validate-paths", "/hooks/grade",
                "oauth1.lti.consumer-key", "k"));

        assertTrue(result.isValid(), result.problems()::toString);
        assertEquals(Map.of("lti", List.of("/lti/*", "/launch.xhtml"), "hooks", List.of("/hooks/grade")), result.patterns());
    }

    @Test
    void aNameWithOnlyEmptyEntriesHasNoPatterns() {
        assertEquals(Map.of(), read(Map.of("oauth1.lti.validate-paths", " , ")).patterns());
    }

    @Test
    void anEntryThatIsNoFilterPatternIsAProblemNamingTheKey() {
        for (String bad : List.of("lti/*", "/lti/*/launch", "/", "*.x/y", "/a*", "**")) {
            ValidatePaths.Result result = read(Map.of("oauth1.lti.validate-paths", bad));

            assertFalse(result.isValid(), bad);
            assertEquals(1, result.problems().size(), result.problems()::toString);
            assertTrue(result.problems().get(0).startsWith("oauth1.lti.validate-paths has '" + bad + "'"),
                    result.problems().get(0));
        }
    }

    @Test
    void patternsOfTwoNamesThatMatchTheSameRequestAreAProblemNamingBothKeys() {
        ValidatePaths.Result result = read(Map.of(
                "oauth1.a.validate-paths", "/lti/*",
                "oauth1.b.validate-paths", "/lti/launch"));

        assertEquals(List.of("oauth1.a.validate-paths ('/lti/*') and oauth1.b.validate-paths ('/lti/launch')"
                + " match the same requests, which can be checked for one name only: make them disjoint"), result.problems());
        assertFalse(result.isValid());
    }

    @Test
    void overlapFollowsTheServletMatchingRules() {
        // prefixes
        assertTrue(ValidatePaths.overlap("/lti/*", "/lti/*"));
        assertTrue(ValidatePaths.overlap("/lti/*", "/lti/v1/*"));
        assertTrue(ValidatePaths.overlap("/*", "/anything/*"));
        assertFalse(ValidatePaths.overlap("/lti/*", "/ltix/*"));
        // a prefix matches its own path and everything below it
        assertTrue(ValidatePaths.overlap("/lti/*", "/lti"));
        assertTrue(ValidatePaths.overlap("/lti", "/lti/*"));
        assertTrue(ValidatePaths.overlap("/lti/*", "/lti/a/b"));
        assertFalse(ValidatePaths.overlap("/lti/*", "/ltia"));
        assertTrue(ValidatePaths.overlap("/*", "/x"));
        // an extension matches some file below any prefix
        assertTrue(ValidatePaths.overlap("/lti/*", "*.launch"));
        assertTrue(ValidatePaths.overlap("*.launch", "/lti/*"));
        // extensions against exact paths: the last segment
        assertTrue(ValidatePaths.overlap("*.launch", "/a/b.launch"));
        assertFalse(ValidatePaths.overlap("*.launch", "/a.launch/b"));
        assertFalse(ValidatePaths.overlap("/a/b.launchx", "*.launch"));
        assertTrue(ValidatePaths.overlap("*.launch", "*.launch"));
        assertFalse(ValidatePaths.overlap("*.launch", "*.hook"));
        // exact paths
        assertTrue(ValidatePaths.overlap("/a", "/a"));
        assertFalse(ValidatePaths.overlap("/a", "/a/"));
    }

    private static ValidatePaths.Result read(Map<String, String> properties) {
        return ValidatePaths.read(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build());
    }
}

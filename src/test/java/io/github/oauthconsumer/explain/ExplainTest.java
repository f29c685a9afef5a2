package io.github.oauthconsumer.explain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command-line explainer, run as a person runs it: a new JVM with the library's classes alone
 * on the class path (no Jakarta, no MicroProfile, no CDI), on the example of RFC 5849 section 3.4.1.
 */
class ExplainTest {

    private static final String CONSUMER_SECRET = "j49sk3j29djd";
    private static final String TOKEN_SECRET = "dh893hdasih9";
    /** RFC 5849 section 3.4.1.1. */
    private static final String RFC_BASE_STRING = "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q"
            + "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a"
            + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7";

    @Test
    void printsEveryStepOfTheRfcExampleWithoutTheSecretsAndWithoutJakarta() throws Exception {
        Run run = explain(Map.of(Explain.CONSUMER_SECRET, CONSUMER_SECRET, Explain.TOKEN_SECRET, TOKEN_SECRET),
                "POST", "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b", "--consumer-key", "9djdj82h48djs9d2",
                "--token", "kkk9d7dh3k39sjv7", "--timestamp", "137131201", "--nonce", "7d8f3e4a", "--no-version",
                "--form", "c2=", "--form", "a3=2 q");

        assertEquals(0, run.exit(), run.output());
        String out = run.output();
        assertTrue(out.contains("     a2=r%20b\n     a3=2%20q\n     a3=a\n     b5=%3D%253D\n     c%40=\n     c2=\n"), out);
        assertTrue(out.contains("     http://example.com/request\n"), out);
        assertTrue(out.contains("     " + RFC_BASE_STRING + "\n"), out);
        assertTrue(out.contains("     r6/TJjbCOr97/+UU0NsvSne7s5g=\n"), "the RFC's signature: " + out);
        assertTrue(out.contains("<OAUTH1_CONSUMER_SECRET: 12 characters, not shown>"), out);
        assertFalse(out.contains(CONSUMER_SECRET) || out.contains(TOKEN_SECRET), out);
        assertFalse(out.contains("the signer's own base string differs"), out);
        assertFalse(run.loadedClasses().stream().anyMatch(name -> name.startsWith("jakarta.") || name.startsWith("org.eclipse.microprofile")),
                "no Jakarta or MicroProfile type is loaded");
    }

    @Test
    void plaintextSignaturesAreNotPrintedForTheyAreTheKey() throws Exception {
        Run run = explain(Map.of(Explain.CONSUMER_SECRET, CONSUMER_SECRET), "GET", "https://api.example.com/",
                "--consumer-key", "key", "--signature-method", "PLAINTEXT");

        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("not shown: with PLAINTEXT the signature is the key"), run.output());
        assertFalse(run.output().contains(CONSUMER_SECRET), run.output());
    }

    @Test
    void badArgumentsPrintTheUsage() throws Exception {
        Run run = explain(Map.of(), "GET", "https://api.example.com/");

        assertEquals(2, run.exit());
        assertTrue(run.output().contains("--consumer-key is required") && run.output().contains("usage:"), run.output());
    }

    private record Run(int exit, String output, List<String> loadedClasses) {
    }

    private static Run explain(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classLog(), "-cp", classes().toString(),
                Explain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("OAUTH1_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Explain did not end: " + output);
        }
        List<String> loaded = new ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(classLog())) {
            String[] words = line.split(" ");
            if (words.length > 1) {
                loaded.add(words[1]);
            }
        }
        return new Run(process.exitValue(), output, loaded);
    }

    /** The library's compiled classes, wherever the build puts them. */
    private static Path classes() {
        try {
            return Path.of(Explain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path classLog() {
        return classes().resolveSibling("explain-class-load.log");
    }
}

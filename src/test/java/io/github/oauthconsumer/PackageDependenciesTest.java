package io.github.oauthconsumer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the arrows between the library's packages pointing one way (docs/architecture.md): each
 * package may name only the packages listed for it, and the engine and the SPI stay free of
 * container types. Reads the sources, so a forbidden reference fails the build wherever it is
 * written (import, fully qualified name or javadoc link).
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/oauthconsumer");
    private static final Pattern LIBRARY_REFERENCE = Pattern.compile("\\bio\\.github\\.oauthconsumer\\.(\\w+)\\b");
    /** Jakarta, MicroProfile and the old javax EE names; the JDK's own javax.crypto and javax.security are fine. */
    private static final Pattern CONTAINER_REFERENCE =
            Pattern.compile("\\b(jakarta\\.|org\\.eclipse\\.microprofile\\.|javax\\.(?!crypto\\.|security\\.))");

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("api", Set.of()),
            Map.entry("spi", Set.of("api")),
            Map.entry("core", Set.of("api", "spi")),
            Map.entry("config", Set.of("api", "spi", "core")),
            Map.entry("store", Set.of("api", "spi", "core", "config")),
            Map.entry("monitoring", Set.of("api", "spi", "core", "config", "store")),
            Map.entry("client", Set.of("api", "spi", "core", "config", "store", "monitoring")),
            Map.entry("validation", Set.of("api", "spi", "core", "config", "monitoring")),
            Map.entry("flow", Set.of("api", "spi", "core", "config", "store", "monitoring", "client")),
            Map.entry("cluster", Set.of("api", "spi", "core", "config", "store", "client")),
            Map.entry("login", Set.of("api", "spi", "core", "config", "validation")),
            Map.entry("explain", Set.of("api", "spi", "core")),
            Map.entry("cdi", Set.of("api", "spi", "core", "config", "store", "client", "validation", "flow", "cluster", "login",
                    "monitoring")));

    @Test
    void everyPackageIsKnown() throws IOException {
        try (Stream<Path> packages = Files.list(SOURCES)) {
            assertEquals(ALLOWED.keySet(), Set.copyOf(packages.map(p -> p.getFileName().toString()).toList()),
                    "a new package needs its place in the layers (here and in docs/architecture.md)");
        }
    }

    @Test
    void packagesOnlyUseTheLayersBelowThem() {
        List<String> violations = new ArrayList<>();
        forEachSource((pkg, file, text) -> {
            Matcher reference = LIBRARY_REFERENCE.matcher(text);
            while (reference.find()) {
                String used = reference.group(1);
                // names such as "io.github.oauthconsumer.ChallengeFilter" are strings, not packages
                if (ALLOWED.containsKey(used) && !used.equals(pkg) && !ALLOWED.get(pkg).contains(used)) {
                    violations.add(file + " uses " + used);
                }
            }
        });
        assertTrue(violations.isEmpty(), () -> String.join("\n", violations));
    }

    @Test
    void engineAndSpiUseNoContainerTypes() {
        List<String> violations = new ArrayList<>();
        forEachSource((pkg, file, text) -> {
            if ((pkg.equals("core") || pkg.equals("spi") || pkg.equals("explain")) && CONTAINER_REFERENCE.matcher(text).find()) {
                violations.add(file.toString());
            }
        });
        assertTrue(violations.isEmpty(), () -> "container types in " + violations);
    }

    /** Servers without MicroProfile Telemetry or Health never load the package that names them (the extension adds it only where they are). */
    @Test
    void onlyMonitoringNamesOpenTelemetryAndHealth() {
        Pattern optionalApis = Pattern.compile("\\b(io\\.opentelemetry\\.|org\\.eclipse\\.microprofile\\.health\\.)");
        List<String> violations = new ArrayList<>();
        forEachSource((pkg, file, text) -> {
            if (!pkg.equals("monitoring") && optionalApis.matcher(text).find()) {
                violations.add(file.toString());
            }
        });
        assertTrue(violations.isEmpty(), () -> "OpenTelemetry or MicroProfile Health named outside monitoring: " + violations);
    }

    private interface SourceVisitor {
        void visit(String pkg, Path file, String text);
    }

    private static void forEachSource(SourceVisitor visitor) {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String pkg = SOURCES.relativize(file).getName(0).toString();
                try {
                    String text = Files.readString(file).replaceFirst("(?m)^package [^;]+;", "");
                    visitor.visit(pkg, file, text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

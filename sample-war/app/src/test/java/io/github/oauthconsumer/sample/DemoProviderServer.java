package io.github.oauthconsumer.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The demo provider in a Payara Micro of its own, for the runs where the sample is on WildFly or
 * Open Liberty: the provider is built on Jersey's {@code oauth1-server}, which those servers (on
 * RESTEasy) cannot run. Started as {@code run.sh} starts it, on 127.0.0.1 and the port the build
 * reserved; its output goes to a log file next to the test reports.
 */
final class DemoProviderServer implements AutoCloseable {

    private final Process process;

    private DemoProviderServer(Process process) {
        this.process = process;
    }

    /**
     * Starts the provider when the build asks for a separate one ({@code sample.it.provider-port}),
     * and waits until Payara Micro says it is ready; null when the provider runs beside the sample.
     */
    static DemoProviderServer startIfSeparate() throws IOException, InterruptedException {
        String port = System.getProperty("sample.it.provider-port");
        if (port == null || port.isBlank()) {
            return null;
        }
        return start(port, Path.of(System.getProperty("sample.it.provider-log")), Map.of());
    }

    /**
     * Starts a provider on this port with these settings ({@code demo.*}, as system properties, which
     * win over the environment), and waits until Payara Micro says it is ready.
     */
    static DemoProviderServer start(String port, Path log, Map<String, String> settings)
            throws IOException, InterruptedException {
        String config = System.getProperty("sample.it.payara-config");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx384m",
                "-Dhazelcast.config=" + config + "/hazelcast.xml", "-Dhazelcast.socket.bind.any=false",
                "-Dh2.bindAddress=127.0.0.1"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", System.getProperty("sample.it.payara-micro"),
                "--nocluster", "--disablephonehome", "--prebootcommandfile", config + "/preboot.asadmin",
                "--port", port, "--deploy", System.getProperty("sample.it.demo-provider-war")));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        DemoProviderServer server = new DemoProviderServer(process);
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread drain = new Thread(() -> copyUntilExit(process, log, ready), "demo-provider-log");
        drain.setDaemon(true);
        drain.start();
        try {
            ready.get(180, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            server.close();
            throw new IllegalStateException("the demo provider's Payara Micro did not start; see " + log, e);
        }
        return server;
    }

    /** The provider's base URI, as the sample is configured with it. */
    static URI baseUri() {
        return URI.create(System.getProperty("sample.it.provider-base") + "/");
    }

    /** Copies the server's output to the log, completing {@code ready} at "ready in" (exceptionally if it exits first). */
    private static void copyUntilExit(Process process, Path log, CompletableFuture<Void> ready) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = output.readLine()) != null) {
                out.println(line);
                if (line.contains("ready in")) {
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(new UncheckedIOException(e));
        } finally {
            ready.completeExceptionally(new IllegalStateException("Payara Micro exited"));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

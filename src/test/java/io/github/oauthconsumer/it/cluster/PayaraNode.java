package io.github.oauthconsumer.it.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro of a two-member cluster on 127.0.0.1: its own HTTP port, its own Hazelcast
 * port, a Hazelcast configuration that joins the other member by TCP-IP on loopback (no multicast,
 * no discovery). It is ready when Payara says so and Hazelcast reports both members; its output
 * goes to a log file next to the test reports.
 */
final class PayaraNode implements AutoCloseable {

    private final String name;
    private final int httpPort;
    private final Path log;
    private final Process process;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch clustered = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);

    private PayaraNode(String name, int httpPort, Path log, Process process) {
        this.name = name;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts a member.
     *
     * @param name        for the log file
     * @param war         the application
     * @param memberPort  this member's Hazelcast port
     * @param memberPorts the Hazelcast ports of all members
     * @param workDir     where the Hazelcast configuration and the log go
     */
    static PayaraNode start(String name, Path war, int memberPort, List<Integer> memberPorts, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path hazelcast = workDir.resolve("hazelcast-" + name + ".xml");
        Files.writeString(hazelcast, hazelcastXml(memberPort, memberPorts));
        String config = System.getProperty("it.payara.config.dir");
        int httpPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-Dhazelcast.config=" + hazelcast, "-Dhazelcast.socket.bind.any=false",
                "-Dh2.bindAddress=127.0.0.1",
                "-jar", System.getProperty("it.payara.micro.jar"),
                "--disablephonehome", "--prebootcommandfile", config + "/preboot.asadmin",
                "--name", name, "--port", String.valueOf(httpPort), "--deploy", war.toString()));
        Path log = workDir.resolve("payara-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        PayaraNode node = new PayaraNode(name, httpPort, log, process);
        Thread reader = new Thread(node::readOutput, "payara-" + name + "-output");
        reader.setDaemon(true);
        reader.start();
        return node;
    }

    /** Waits until Payara is ready and Hazelcast sees both members. */
    void awaitClustered(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        if (!ready.await(seconds, TimeUnit.SECONDS) || !clustered.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("Payara Micro " + name + " did not start and join the cluster in " + seconds
                    + " s; see " + log);
        }
    }

    /** {@code http://127.0.0.1:<port>/<path>}. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + "/" + path);
    }

    int httpPort() {
        return httpPort;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            ended.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void readOutput() {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer file = Files.newBufferedWriter(log)) {
            String line;
            while ((line = output.readLine()) != null) {
                file.write(line);
                file.write('\n');
                if (line.contains("ready in")) {
                    file.flush();
                    ready.countDown();
                }
                if (line.contains("DG Size: 2")) { // Payara's data grid status: both members joined
                    file.flush();
                    clustered.countDown();
                }
            }
        } catch (IOException ended) {
            // the process is gone; awaitClustered reports it
        } finally {
            ended.countDown();
        }
    }

    private static String hazelcastXml(int memberPort, List<Integer> memberPorts) {
        StringBuilder members = new StringBuilder();
        for (int port : memberPorts) {
            members.append("                <member>127.0.0.1:").append(port).append("</member>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <hazelcast xmlns="http://www.hazelcast.com/schema/config">
                    <network>
                        <port auto-increment="false">%d</port>
                        <join>
                            <auto-detection enabled="false"/>
                            <multicast enabled="false"/>
                            <tcp-ip enabled="true">
                %s            </tcp-ip>
                        </join>
                        <interfaces enabled="true">
                            <interface>127.0.0.1</interface>
                        </interfaces>
                    </network>
                </hazelcast>
                """.formatted(memberPort, members);
    }

    /** A free port on loopback. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

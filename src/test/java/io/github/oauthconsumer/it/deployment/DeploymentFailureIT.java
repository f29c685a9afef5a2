package io.github.oauthconsumer.it.deployment;

import io.github.oauthconsumer.it.ItSupport;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A WAR whose consumer configuration is incomplete must not deploy on a real server, and the
 * server's log must name the missing key and the malformed URL, never the secret.
 *
 * <p>On WildFly and Liberty, Arquillian deploys the WAR, which must fail, and the test reads the
 * server's log file. Arquillian's Payara Micro connector reports such a deployment as successful
 * (Payara starts without the application), so on Payara this test starts Payara Micro itself with
 * the WAR and reads its output until the server is up.
 */
@ExtendWith(ArquillianExtension.class)
class DeploymentFailureIT {

    private static final String MISSING_KEY = "oauth1.broken.consumer-key";
    private static final String SECRET = "the-secret-must-never-be-printed";
    private static final String BROKEN = "broken";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = BROKEN, managed = false, testable = false)
    static WebArchive broken() {
        return ShrinkWrap.create(WebArchive.class, "broken.war")
                .addClasses(BrokenConfigResource.class)
                .addAsResource(new StringAsset("oauth1.broken.consumer-secret=" + SECRET + "\n"
                        + "oauth1.broken.request-token-url=not a url\n"), "META-INF/microprofile-config.properties")
                .addAsLibrary(ItSupport.libraryJar());
    }

    @Test
    @RunAsClient
    void missingConsumerKeyFailsTheDeploymentAndTheLogNamesIt(@TempDir Path folder) throws Exception {
        String all;
        if (ItSupport.Server.current() == ItSupport.Server.PAYARA) {
            File war = folder.resolve("broken.war").toFile();
            broken().as(ZipExporter.class).exportTo(war, true);
            all = String.join("\n", runPayaraUntilReady(war));
            assertTrue(all.contains("Exception while loading the app"), () -> "the deployment did not fail:\n" + all);
        } else {
            Path log = Path.of(System.getProperty("it.server.log"));
            long before = Files.exists(log) ? Files.size(log) : 0;
            Exception refused = assertThrows(Exception.class, () -> deployer.deploy(BROKEN), "the deployment did not fail");
            String logged = readFrom(log, before);
            all = logged + "\n" + refused;
            try {
                deployer.undeploy(BROKEN);
            } catch (RuntimeException alreadyGone) {
                // a deployment that failed may not be there to remove
            }
        }

        assertTrue(all.contains(MISSING_KEY), () -> "no mention of " + MISSING_KEY + " in:\n" + all);
        assertTrue(all.contains("oauth1.broken.request-token-url"), () -> "the malformed URL is not reported:\n" + all);
        assertTrue(!all.contains(SECRET), "the log shows the consumer secret");
    }

    /** What the server wrote to its log file after the first {@code offset} bytes. */
    private static String readFrom(Path log, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        return new String(bytes, (int) Math.min(offset, bytes.length), (int) Math.max(0, bytes.length - offset),
                StandardCharsets.UTF_8);
    }

    /** Starts Payara Micro with the WAR, collects its output until it says it is ready, then stops it. */
    private static List<String> runPayaraUntilReady(File war) throws IOException, InterruptedException {
        String config = System.getProperty("it.payara.config.dir");
        List<String> command = List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-Dhazelcast.config=" + config + "/hazelcast.xml", "-Dhazelcast.socket.bind.any=false", "-Dh2.bindAddress=127.0.0.1",
                "-jar", System.getProperty("it.payara.micro.jar"),
                "--nocluster", "--disablephonehome", "--prebootcommandfile", config + "/preboot.asadmin",
                "--port", String.valueOf(freePort()), "--deploy", war.getAbsolutePath());
        Process payara = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(payara.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                lines.add(line);
                if (line.contains("ready in")) {
                    break;
                }
            }
        } finally {
            payara.destroy();
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
        }
        return lines;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

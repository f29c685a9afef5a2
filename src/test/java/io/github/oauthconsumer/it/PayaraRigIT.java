package io.github.oauthconsumer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.oauthconsumer.it.rig.PingApplication;
import io.github.oauthconsumer.it.rig.PingResource;

/**
 * Proves the integration-test rig: Payara Micro boots, deploys a WAR that carries the library
 * jar, serves JAX-RS, and listens on loopback only.
 */
@ExtendWith(ArquillianExtension.class)
class PayaraRigIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "rig.war")
                .addClasses(PingApplication.class, PingResource.class)
                .addAsLibrary(ItSupport.libraryJar());
    }

    @ArquillianResource
    private URL deploymentUrl;

    @Test
    void servesJaxRsResourceOnLoopback() throws IOException, InterruptedException {
        URI ping = ItSupport.loopback(deploymentUrl).resolve("api/ping");

        HttpResponse<String> response = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .build()
                .send(HttpRequest.newBuilder(ping).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), () -> ItSupport.seePayaraLog(PayaraRigIT.class));
        assertEquals("pong", response.body());
    }

    @Test
    void httpListenerRefusesNonLoopbackAddress() throws SocketException {
        Optional<InetAddress> external = nonLoopbackAddress();
        assumeTrue(external.isPresent(), "no non-loopback interface on this machine");
        int port = deploymentUrl.getPort();

        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(external.get(), port), 5_000);
            }
        });
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}

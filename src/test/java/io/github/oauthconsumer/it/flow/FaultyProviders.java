package io.github.oauthconsumer.it.flow;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

/**
 * Providers that cannot be used, on 127.0.0.1 in the test JVM: one that answers every request with
 * an HTML error page (status 200), one that accepts connections and never answers, and a port where
 * nothing listens.
 */
final class FaultyProviders implements AutoCloseable {

    private final HttpServer garbage;
    private final ServerSocket silent;
    private final int closedPort;

    FaultyProviders() {
        try {
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            garbage = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
            garbage.createContext("/", exchange -> {
                byte[] body = "<html><body><h1>Maintenance</h1></body></html>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            garbage.start();
            silent = new ServerSocket(0, 50, loopback);
            try (ServerSocket probe = new ServerSocket(0, 1, loopback)) {
                closedPort = probe.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers HTML instead of a token response. */
    String garbageUrl() {
        return "http://127.0.0.1:" + garbage.getAddress().getPort() + "/token";
    }

    /** Accepts the connection and never answers: reads time out. */
    String silentUrl() {
        return "http://127.0.0.1:" + silent.getLocalPort() + "/token";
    }

    /** Nothing listens: the connection is refused. */
    String closedUrl() {
        return "http://127.0.0.1:" + closedPort + "/token";
    }

    @Override
    public void close() throws IOException {
        garbage.stop(0);
        silent.close();
    }
}

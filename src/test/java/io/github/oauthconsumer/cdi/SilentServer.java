package io.github.oauthconsumer.cdi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A provider that accepts connections on 127.0.0.1 and never answers: every read times out. */
final class SilentServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    SilentServer() {
        try {
            socket = new ServerSocket(0, 50, loopback());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::acceptForever, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code http://127.0.0.1:<port>/}. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    private void acceptForever() {
        try {
            while (!socket.isClosed()) {
                held.add(socket.accept());
            }
        } catch (IOException closed) {
            // close() ends the loop
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : held) {
            connection.close();
        }
    }

    private static InetAddress loopback() throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    }

    /** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
    static int closedPort() {
        try (ServerSocket probe = new ServerSocket(0, 1, loopback())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

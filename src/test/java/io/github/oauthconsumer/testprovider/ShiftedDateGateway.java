package io.github.oauthconsumer.testprovider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The front of a provider whose clock is off: relays each request byte for byte (the {@code Host}
 * header too, so that the provider verifies the URL the client signed) to the provider's server and
 * the answer back, with the {@code Date} header set from the shifted clock. It exists because the
 * JDK's HTTP server always sets {@code Date} itself. One request per connection
 * ({@code Connection: close}); HTTP/1.1 with {@code Content-Length} bodies, as the library sends.
 */
final class ShiftedDateGateway implements AutoCloseable {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final ServerSocket socket;
    private final int upstreamPort;
    private final Clock clock;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "shifted-date-gateway");
        thread.setDaemon(true);
        return thread;
    });

    ShiftedDateGateway(int upstreamPort, Clock clock) {
        this.upstreamPort = upstreamPort;
        this.clock = clock;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::accept);
    }

    /** {@code http://127.0.0.1:<port>/}. */
    URI baseUri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                threads.execute(() -> relay(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            byte[] request = readRequest(client.getInputStream());
            OutputStream toUpstream = upstream.getOutputStream();
            toUpstream.write(request);
            toUpstream.flush();
            byte[] answer = upstream.getInputStream().readAllBytes();
            client.getOutputStream().write(withShiftedDate(answer));
            client.getOutputStream().flush();
        } catch (IOException e) {
            // the client or the provider went away: nothing to answer
        }
    }

    /** The request head, with {@code Connection: close}, and its body. */
    private static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the request ended in its head");
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        StringBuilder rewritten = new StringBuilder();
        long length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
            if (!lower.startsWith("connection:") && !line.isEmpty()) {
                rewritten.append(line).append("\r\n");
            }
        }
        rewritten.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
        request.write(in.readNBytes((int) length));
        return request.toByteArray();
    }

    private byte[] withShiftedDate(byte[] answer) throws IOException {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        StringBuilder head = new StringBuilder();
        for (String line : text.substring(0, headEnd).split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("date:")) {
                head.append(line).append("\r\n");
            }
        }
        head.append("Date: ").append(HTTP_DATE.format(clock.instant().atOffset(ZoneOffset.UTC))).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(answer, headEnd + 4, answer.length - headEnd - 4);
        return out.toByteArray();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}

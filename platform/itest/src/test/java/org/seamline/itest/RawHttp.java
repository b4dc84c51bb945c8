package org.seamline.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for what {@link java.net.http.HttpClient} cannot do: send from another loopback
 * address (127.0.0.2 is another client to the server), or send a request piece by piece.
 */
final class RawHttp implements AutoCloseable {

    private static final int READ_TIMEOUT_MS = 30_000;

    private final Socket socket;

    RawHttp(InetAddress from, int port) throws IOException {
        socket = new Socket();
        socket.setSoTimeout(READ_TIMEOUT_MS);
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** Sends a whole request (headers as lines, no body) and reads the answer to its end. */
    static String exchange(InetAddress from, int port, String method, String path, String... headers) {
        try (RawHttp http = new RawHttp(from, port)) {
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            http.send(request.append("Connection: close\r\n\r\n").toString());
            return http.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    void send(String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Everything the server sends until it closes the connection. */
    String readAll() throws IOException {
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

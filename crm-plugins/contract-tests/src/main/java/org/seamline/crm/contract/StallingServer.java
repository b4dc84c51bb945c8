package org.seamline.crm.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * A CRM that answers a request's headers and then never sends the body it announced: the case an HTTP client's
 * request timeout does not cover (it ends at the headers). Point a connector at {@link #baseUrl()} and check that
 * its call still ends, as {@code TRANSIENT}, within its timeout. One connection; on 127.0.0.1, an ephemeral port.
 */
public final class StallingServer implements AutoCloseable {

    private final ServerSocket server;
    private final CountDownLatch closed = new CountDownLatch(1);

    public StallingServer() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread stalling = new Thread(this::stall, "stalling-crm");
        stalling.setDaemon(true);
        stalling.start();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void stall() {
        try (Socket socket = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line;
            do {
                line = in.readLine(); // the request's headers; its body, if any, is never read
            } while (line != null && !line.isEmpty());
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            closed.await();
        } catch (IOException e) {
            // closed by the test
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        server.close();
    }
}

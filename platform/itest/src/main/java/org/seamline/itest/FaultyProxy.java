package org.seamline.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a provider (the Twilio stand-in, the mail server) that misbehaves on demand,
 * the way networks and providers do: it passes traffic through, resets connections, or accepts them and never
 * answers. The mode applies to connections accepted after it is set; {@link #heal()} also ends stalled ones.
 */
public final class FaultyProxy implements AutoCloseable {

    /** What the proxy does with a new connection. */
    public enum Mode {
        /** Forward both ways. */
        PASS,
        /** Accept, then reset at once (RST, no answer): "connection reset by peer". */
        RESET,
        /** Accept and read, but never forward nor answer: the client's read timeout must end it. */
        STALL
    }

    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Mode mode = Mode.PASS;

    public FaultyProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "faulty-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public void mode(Mode next) {
        this.mode = next;
    }

    /** Back to {@link Mode#PASS}, and connections held by a stall are closed so their clients notice at once. */
    public void heal() {
        mode = Mode.PASS;
        closeAll();
    }

    /** Connections accepted so far, in any mode: how often the platform tried. */
    public int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket client = server.accept();
                connections.incrementAndGet();
                open.add(client);
                switch (mode) {
                    case RESET -> reset(client);
                    case STALL -> daemon(() -> drain(client), "stall");
                    case PASS -> daemon(() -> forward(client), "pass");
                }
            }
        } catch (IOException closed) {
            // the proxy was closed
        }
    }

    private void reset(Socket client) throws IOException {
        client.setSoLinger(true, 0);
        client.close();
        open.remove(client);
    }

    private static void drain(Socket client) {
        try (InputStream in = client.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ended) {
            // closed by heal() or by the client
        }
    }

    private void forward(Socket client) {
        try {
            Socket target = new Socket();
            target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
            open.add(target);
            daemon(() -> pump(target, client), "back");
            pump(client, target);
        } catch (IOException e) {
            close(client);
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException ended) {
            close(to);
        }
    }

    private static void daemon(Runnable work, String what) {
        Thread thread = new Thread(work, "faulty-proxy-" + what);
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private void closeAll() {
        for (Socket socket : open) {
            close(socket);
        }
        open.clear();
    }

    @Override
    public void close() throws IOException {
        server.close();
        closeAll();
    }
}

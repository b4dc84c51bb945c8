package org.seamline.bitrix24.standin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local Bitrix24 portal for tests, on a free port of 127.0.0.1: the inbound-webhook REST API of one employee's
 * hook ({@link #webhookUrl()}), the CRM data behind it ({@link #portal()}), the limits ({@link #bucket()},
 * {@link #operating()}), injected faults ({@link #faults()}) and the outgoing webhook ({@link #events()}).
 * See README.md for what it implements and where it is simpler than a portal.
 */
public final class Bitrix24StandIn implements AutoCloseable {

    /** The employee whose inbound webhook the connector uses. */
    public static final int WEBHOOK_USER = 1;
    public static final String DOMAIN = "standin.bitrix24.ru";

    private final String code;
    private final HttpServer server;
    private final ExecutorService threads;
    private final StandInClock clock = new StandInClock();
    private final Portal portal;
    private final LeakyBucket bucket = new LeakyBucket(clock);
    private final Operating operating = new Operating(clock);
    private final Faults faults = new Faults();
    private final Calls calls;
    private final OutgoingWebhooks events;

    static {
        // The JDK server writes headers and body apart; with Nagle on, each answer waits for a delayed ACK (~40 ms).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private Bitrix24StandIn() throws IOException {
        this.code = randomHex(8);
        this.portal = new Portal(clock, WEBHOOK_USER, "Integration");
        this.calls = new Calls(new Methods(portal), operating, clock);
        this.events = new OutgoingWebhooks(randomHex(16), DOMAIN, clock);
        portal.onContactEvent(events::fire);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "bitrix24-standin-rest");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", new RestHandler(String.valueOf(WEBHOOK_USER), code, faults, bucket, calls, clock));
        server.start();
    }

    public static Bitrix24StandIn start() {
        try {
            return new Bitrix24StandIn();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Bitrix24 stand-in", e);
        }
    }

    /** {@code http://127.0.0.1:<port>/rest/1/<code>/}: the inbound webhook's URL, a secret like a real one. */
    public String webhookUrl() {
        return baseUrl() + "/rest/" + WEBHOOK_USER + "/" + code + "/";
    }

    /** The same hook with a wrong code: what a revoked or mistyped webhook looks like. */
    public String wrongWebhookUrl() {
        return baseUrl() + "/rest/" + WEBHOOK_USER + "/" + randomHex(8) + "/";
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Portal portal() {
        return portal;
    }

    public StandInClock clock() {
        return clock;
    }

    public LeakyBucket bucket() {
        return bucket;
    }

    public Operating operating() {
        return operating;
    }

    public Faults faults() {
        return faults;
    }

    public OutgoingWebhooks events() {
        return events;
    }

    /** The scopes the hook was created with ({@code crm} and {@code user} by default). */
    public void scopes(String... scopes) {
        calls.scopes(Set.of(scopes));
    }

    /** The methods called so far, in order, commands inside {@code batch} included (the batch itself is not). */
    public List<String> calls() {
        return calls.log();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        events.close();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}

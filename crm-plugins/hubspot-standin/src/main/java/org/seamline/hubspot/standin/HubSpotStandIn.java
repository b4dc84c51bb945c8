package org.seamline.hubspot.standin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HubSpot account for tests, on a free port of 127.0.0.1: the CRM API ({@link #baseUrl()}) behind a private
 * app's bearer token ({@link #token()}, and a read-only one), the data ({@link #account()}), the limits
 * ({@link #limits()}), injected faults ({@link #faults()}) and the app's signed webhooks ({@link #webhooks()}).
 * See README.md for what it implements and where it is simpler than HubSpot.
 */
public final class HubSpotStandIn implements AutoCloseable {

    static {
        // The JDK server writes headers and body apart; with Nagle on, each answer waits for a delayed ACK.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String token = "pat-na1-" + randomHex(16);
    private final String readOnlyToken = "pat-na1-" + randomHex(16);
    private final StandInClock clock = new StandInClock();
    private final Account account = new Account(clock, "RU");
    private final RateLimits limits = new RateLimits(clock);
    private final Faults faults = new Faults();
    private final Webhooks webhooks = new Webhooks(randomHex(16), clock);
    private final ApiHandler handler = new ApiHandler(account, token, readOnlyToken, faults, limits, clock);
    private final HttpServer server;
    private final ExecutorService threads;

    private HubSpotStandIn() throws IOException {
        account.onContactEvent(webhooks::fire);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "hubspot-standin-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", handler);
        server.start();
    }

    public static HubSpotStandIn start() {
        try {
            return new HubSpotStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the HubSpot stand-in", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, where {@code https://api.hubapi.com} would be. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A private app token with every CRM scope. */
    public String token() {
        return token;
    }

    /** A token with read scopes only: writes answer 403 MISSING_SCOPES. */
    public String readOnlyToken() {
        return readOnlyToken;
    }

    public Account account() {
        return account;
    }

    public StandInClock clock() {
        return clock;
    }

    public RateLimits limits() {
        return limits;
    }

    public Faults faults() {
        return faults;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    /** The requests so far, as {@code METHOD raw-path}, in order. */
    public List<String> calls() {
        return handler.calls();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        webhooks.close();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}

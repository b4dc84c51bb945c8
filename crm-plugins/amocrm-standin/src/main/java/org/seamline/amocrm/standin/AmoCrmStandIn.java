package org.seamline.amocrm.standin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local amoCRM account for tests, on a free port of 127.0.0.1: the OAuth token endpoint ({@link #oauth()}), the
 * API v4 resources the connector uses over the account's data ({@link #account()}), the 7 requests/s limit
 * ({@link #rateLimit()}), injected faults ({@link #faults()}) and the webhook ({@link #webhooks()}). See README.md
 * for what it implements and where it is simpler than amoCRM.
 */
public final class AmoCrmStandIn implements AutoCloseable {

    public static final String SUBDOMAIN = "standin";

    private final HttpServer server;
    private final ExecutorService threads;
    private final StandInClock clock = new StandInClock();
    private final Faults faults = new Faults();
    private final RateLimit rateLimit = new RateLimit(clock);
    private final OAuth oauth = new OAuth(clock);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Account account;
    private final Webhooks webhooks;

    static {
        // The JDK server writes headers and body apart; with Nagle on, each answer waits for a delayed ACK (~40 ms).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private AmoCrmStandIn() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = baseUrl();
        this.account = new Account(clock, base);
        this.webhooks = new Webhooks(SUBDOMAIN, "https://" + SUBDOMAIN + ".amocrm.ru");
        account.onContactEvent(webhooks::fire);
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "amocrm-standin-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", new ApiHandler(base, account, oauth, faults, rateLimit, requests));
        server.start();
    }

    public static AmoCrmStandIn start() {
        try {
            return new AmoCrmStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the amoCRM stand-in", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: stands for {@code https://<subdomain>.amocrm.ru}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Account account() {
        return account;
    }

    public OAuth oauth() {
        return oauth;
    }

    public Faults faults() {
        return faults;
    }

    public RateLimit rateLimit() {
        return rateLimit;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    public StandInClock clock() {
        return clock;
    }

    /** The requests received so far, as {@code METHOD /path}, in order. */
    public List<String> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        webhooks.close();
    }
}

package org.seamline.twilio.standin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The stand-in's outgoing webhooks: the signing client plus a background executor for asynchronous callbacks. */
final class Webhooks implements AutoCloseable {

    private static final int CALLBACK_THREADS = 4;

    final WebhookClient client;
    private final List<SentCallback> sent = new CopyOnWriteArrayList<>();
    private final ExecutorService executor;

    Webhooks(String authToken) {
        this.client = new WebhookClient(authToken);
        AtomicInteger number = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(CALLBACK_THREADS, task -> {
            Thread thread = new Thread(task, "twilio-standin-callback-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void later(Runnable task) {
        executor.execute(task);
    }

    /** Posts a signed callback (no TwiML expected) with the given idempotency token and records it. */
    Delivery callback(String url, Map<String, String> params, String idempotencyToken) {
        Delivery delivery = client.send("POST", url, params, Signing.VALID, false, idempotencyToken);
        sent.add(new SentCallback(url, params, delivery));
        return delivery;
    }

    List<SentCallback> sent() {
        return List.copyOf(sent);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

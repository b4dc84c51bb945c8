package org.seamline.crm.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

/**
 * How a CRM stand-in posts its change notifications: one at a time, on a thread of its own (as a CRM sends them
 * after the change, never inside the request that made it), each answered status handed to the stand-in, 0 when the
 * receiver could not be reached.
 */
public final class NotificationSender implements AutoCloseable {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService sender;

    /** @param threadName the sending thread's name, so a test's thread dump says whose it is */
    public NotificationSender(String threadName) {
        sender = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** POSTs {@code body} with these headers to {@code target}, later, and passes the answer's status to {@code answered}. */
    public void post(URI target, Map<String, String> headers, byte[] body, IntConsumer answered) {
        sender.execute(() -> answered.accept(status(target, headers, body)));
    }

    private int status(URI target, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}

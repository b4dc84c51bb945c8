package org.seamline.api.crm;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A CRM call with the JDK's HTTP client that can never hold the platform's worker past its timeout. The request's own
 * timeout ends when the answer's headers arrive; a CRM that then trickles the body (or never sends it) would hold
 * the worker for good. Here the whole exchange, body included, is bounded and cancelled after the timeout. Since 2.1.
 */
public final class CrmHttp {

    private CrmHttp() {
    }

    /**
     * Sends the request and reads the whole answer within {@code timeout}.
     *
     * @throws HttpTimeoutException when the whole answer did not come in time (the exchange is cancelled)
     * @throws IOException          when the exchange failed (a refused connection, a reset)
     * @throws InterruptedException when the calling thread was interrupted (the exchange is cancelled)
     */
    public static HttpResponse<byte[]> send(HttpClient client, HttpRequest request, Duration timeout)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new HttpTimeoutException("no whole answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException failure) {
                throw failure;
            }
            throw new IOException(e.getCause() == null ? "the exchange failed" : e.getCause().getClass().getSimpleName(),
                    e.getCause());
        }
    }
}

package org.seamline.amocrm.standin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The account's webhook (set up in the account's settings or by {@code POST /api/v4/webhooks}): when a contact is
 * added, changed or deleted it POSTs the event form-encoded ({@code contacts[update][0][id]=…},
 * {@code account[subdomain]=…}) to the destination. amoCRM signs nothing; the destination URL is the only secret.
 * Sent in the background, once, in order.
 */
public final class Webhooks implements AutoCloseable {

    /** One POST the account made: the action, the contact, and the status (0 when the destination was unreachable). */
    public record Delivery(String action, long contactId, int status) {
    }

    private final String subdomain;
    private final String accountUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "amocrm-standin-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile URI destination;

    Webhooks(String subdomain, String accountUrl) {
        this.subdomain = subdomain;
        this.accountUrl = accountUrl;
    }

    /** The destination an admin enters; null stops sending. */
    public void sendTo(URI destination) {
        this.destination = destination;
    }

    public List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    /** The form the account sends for this action on the contact (as rendered by the API). */
    public String body(String action, JsonNode contact) {
        return body(action, contact, subdomain);
    }

    /** The same form naming another account: what a webhook of someone else's account looks like. */
    public String body(String action, JsonNode contact, String accountSubdomain) {
        String prefix = "contacts[" + action + "][0]";
        Map<String, String> form = new LinkedHashMap<>();
        form.put(prefix + "[id]", contact.path("id").asText());
        if (!action.equals("delete")) {
            form.put(prefix + "[name]", contact.path("name").asText());
            form.put(prefix + "[responsible_user_id]", contact.path("responsible_user_id").asText());
            form.put(prefix + "[date_create]", contact.path("created_at").asText());
            form.put(prefix + "[last_modified]", contact.path("updated_at").asText());
            form.put(prefix + "[created_user_id]", contact.path("created_by").asText());
            form.put(prefix + "[modified_user_id]", contact.path("updated_by").asText());
            form.put(prefix + "[created_at]", contact.path("created_at").asText());
            form.put(prefix + "[updated_at]", contact.path("updated_at").asText());
            int tag = 0;
            for (JsonNode one : contact.path("_embedded").path("tags")) {
                form.put(prefix + "[tags][" + tag + "][id]", one.path("id").asText());
                form.put(prefix + "[tags][" + tag++ + "][name]", one.path("name").asText());
            }
        }
        form.put(prefix + "[type]", "contact");
        form.put(prefix + "[account_id]", String.valueOf(Account.ACCOUNT_ID));
        form.put("account[subdomain]", accountSubdomain);
        form.put("account[id]", String.valueOf(Account.ACCOUNT_ID));
        form.put("account[_links][self]", accountUrl);
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    void fire(String action, JsonNode contact) {
        URI target = destination;
        if (target == null) {
            return;
        }
        String body = body(action, contact);
        long id = contact.path("id").asLong();
        sender.execute(() -> deliveries.add(new Delivery(action, id, post(target, body))));
    }

    private int post(URI target, String body) {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
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

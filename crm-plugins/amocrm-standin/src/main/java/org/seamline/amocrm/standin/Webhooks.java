package org.seamline.amocrm.standin;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.seamline.crm.contract.NotificationSender;

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

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    private final String subdomain;
    private final String accountUrl;
    private final NotificationSender sender = new NotificationSender("amocrm-standin-webhooks");
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
        sender.post(target, FORM, body.getBytes(StandardCharsets.UTF_8),
                status -> deliveries.add(new Delivery(action, id, status)));
    }

    @Override
    public void close() {
        sender.close();
    }
}

package org.seamline.bitrix24.standin;

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
 * The portal's outgoing webhook ({@code local-integrations/local-webhooks.md}): when a contact is added, changed or
 * deleted it POSTs the event, form-encoded, to the handler URL configured in the portal, carrying only the contact's
 * id and the hook's {@code auth[application_token]}. No signature. Sent in the background, once, in order.
 */
public final class OutgoingWebhooks implements AutoCloseable {

    /** One POST the portal made: the event, the contact, and the handler's status (0 when it could not be reached). */
    public record Delivery(String event, int contactId, int status) {
    }

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    private final String applicationToken;
    private final String domain;
    private final StandInClock clock;
    private final NotificationSender sender = new NotificationSender("bitrix24-standin-events");
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile URI handler;

    OutgoingWebhooks(String applicationToken, String domain, StandInClock clock) {
        this.applicationToken = applicationToken;
        this.domain = domain;
        this.clock = clock;
    }

    /** The handler URL an admin enters for the hook; null stops sending. */
    public void sendTo(URI handler) {
        this.handler = handler;
    }

    public String applicationToken() {
        return applicationToken;
    }

    public List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    /** The form body the portal sends for an event now, with this hook's token. */
    public String body(String event, int contactId) {
        return body(event, contactId, applicationToken, clock.now().getEpochSecond());
    }

    /** The form body with any token and event time: for forged and replayed requests. */
    public String body(String event, int contactId, String token, long ts) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", event);
        form.put("event_handler_id", "1");
        form.put("data[FIELDS][ID]", String.valueOf(contactId));
        form.put("ts", String.valueOf(ts));
        form.put("auth[domain]", domain);
        form.put("auth[client_endpoint]", "https://" + domain + "/rest/");
        form.put("auth[server_endpoint]", "https://oauth.bitrix.info/rest/");
        form.put("auth[member_id]", "5d1c0b53a8e2b9c7f1a4e6d8c0b2a4f6");
        form.put("auth[application_token]", token);
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    void fire(String event, int contactId) {
        URI target = handler;
        if (target == null) {
            return;
        }
        String body = body(event, contactId);
        sender.post(target, FORM, body.getBytes(StandardCharsets.UTF_8),
                status -> deliveries.add(new Delivery(event, contactId, status)));
    }

    @Override
    public void close() {
        sender.close();
    }
}

package org.seamline.crm.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.seamline.api.crm.CrmChange;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;
import org.seamline.api.crm.CrmWebhooks;

/**
 * The app's webhook: a JSON array of events, signed v3. A request outside the five-minute window is refused as a
 * replay; inside it, a redelivered event keeps its {@code eventId}, by which the platform applies it once. Contact
 * events name the contact only; the platform reads the profile again. Events of other objects are acknowledged and
 * ignored.
 */
final class ChangeNotifications {

    private static final Set<String> DELETIONS = Set.of("contact.deletion", "contact.privacyDeletion");

    /** Null when no client secret is configured: then every notification is refused. */
    private final WebhookSignature signature;
    private final String publicUrl;
    private final ObjectMapper mapper;
    private final Clock clock;

    ChangeNotifications(String clientSecret, String publicUrl, ObjectMapper mapper, Clock clock) {
        this.signature = clientSecret == null ? null : new WebhookSignature(clientSecret);
        this.publicUrl = publicUrl;
        this.mapper = mapper;
        this.clock = clock;
    }

    List<CrmChange> receive(CrmWebhooks.Request request) throws CrmException {
        if (signature == null) {
            throw new CrmException(Kind.AUTH_INVALID, "HubSpot webhook: no webhookClientSecret is configured");
        }
        String timestamp = request.header("x-hubspot-request-timestamp");
        if (timestamp == null || !timestamp.strip().matches("\\d{1,15}")) {
            throw new CrmException(Kind.AUTH_INVALID, "HubSpot webhook: no v3 request timestamp");
        }
        if (!WebhookSignature.fresh(Long.parseLong(timestamp.strip()), clock.instant())) {
            throw new CrmException(Kind.AUTH_INVALID, "HubSpot webhook: the timestamp is outside the five-minute "
                    + "window (a replay, or a clock off)");
        }
        byte[] body = request.body();
        if (!signature.valid(request.header("x-hubspot-signature-v3"), request.method().toUpperCase(Locale.ROOT),
                uri(request), body, timestamp.strip())) {
            throw new CrmException(Kind.AUTH_INVALID, "HubSpot webhook: the v3 signature does not match");
        }
        return changes(body);
    }

    /** The URL HubSpot called: the configured public one (behind a rewriting proxy) with the request's path. */
    private String uri(CrmWebhooks.Request request) {
        if (publicUrl == null) {
            return request.url();
        }
        String url = request.url();
        int query = url.indexOf('?');
        return publicUrl + request.path() + (query < 0 ? "" : url.substring(query));
    }

    private List<CrmChange> changes(byte[] body) throws CrmException {
        JsonNode events;
        try {
            events = mapper.readTree(body);
        } catch (IOException e) {
            throw new CrmException(Kind.VALIDATION, "HubSpot webhook: the body is not JSON");
        }
        if (events == null || !events.isArray()) {
            throw new CrmException(Kind.VALIDATION, "HubSpot webhook: the body is not an array of events");
        }
        List<CrmChange> changes = new ArrayList<>();
        for (JsonNode event : events) {
            String type = event.path("subscriptionType").asText("");
            boolean contact = type.startsWith("contact.")
                    || type.startsWith("object.") && "0-1".equals(event.path("objectTypeId").asText());
            String id = event.path("objectId").asText("");
            if (!contact || !Contacts.isId(id)) {
                continue;
            }
            String eventId = event.hasNonNull("eventId") ? event.path("eventId").asText() : null;
            Instant at = event.path("occurredAt").canConvertToLong()
                    ? Instant.ofEpochMilli(event.path("occurredAt").asLong()) : null;
            boolean deleted = DELETIONS.contains(type) || type.equals("object.deletion");
            changes.add(new CrmChange(id, eventId, at, deleted));
            // A merge names the contacts that went into the surviving one: they no longer exist.
            for (JsonNode merged : event.path("mergedObjectIds")) {
                if (Contacts.isId(merged.asText()) && !merged.asText().equals(id)) {
                    changes.add(new CrmChange(merged.asText(), eventId == null ? null : eventId + ":" + merged.asText(),
                            at, true));
                }
            }
        }
        return changes;
    }
}

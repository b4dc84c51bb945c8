package org.seamline.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.seamline.api.crm.Activity;
import org.seamline.api.crm.ActivityText;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;

/**
 * Writes interactions as notes on the contact ({@code POST /api/v4/contacts/notes}), each at most once. Calls are
 * {@code call_in}/{@code call_out} notes whose {@code uniq} is the interaction id; SMS are {@code sms_in}/
 * {@code sms_out}; everything else a {@code common} note. Before writing, the contact's notes of that type are read
 * newest first for one carrying the interaction (its {@code uniq}, or the marker line of the text), down to the
 * interaction's own time less a margin: a retry after a lost answer finds the first note and creates nothing.
 */
final class Notes {

    static final String SOURCE = "Seamline";
    /** Notes older than the interaction by more than this cannot be its record, whatever the clocks say. */
    static final Duration CLOCK_MARGIN = Duration.ofHours(1);
    private static final int PAGE = 250;

    private final ApiClient api;
    private final Contacts contacts;

    Notes(ApiClient api, Contacts contacts) {
        this.api = api;
        this.contacts = contacts;
    }

    String log(Activity activity) throws CrmException {
        long contact = Contacts.id(activity.contactId());
        String type = type(activity);
        Optional<String> existing = find(contact, type, activity);
        if (existing.isPresent()) {
            return existing.get();
        }
        ObjectNode note = Http.MAPPER.createObjectNode().put("entity_id", contact).put("note_type", type);
        note.set("params", params(type, activity, contact));
        ArrayNode body = Http.MAPPER.createArrayNode().add(note);
        JsonNode answer = api.post("/api/v4/contacts/notes", body, "add note");
        String id = answer.path("_embedded").path("notes").path(0).path("id").asText("");
        if (id.isEmpty()) {
            throw new CrmException(Kind.UNKNOWN, "amoCRM add note: the answer names no note");
        }
        return id;
    }

    static String type(Activity activity) {
        boolean inbound = activity.direction() == Activity.Direction.INBOUND;
        return switch (activity.kind()) {
            case CALL -> inbound ? "call_in" : "call_out";
            case SMS -> inbound ? "sms_in" : "sms_out";
            default -> "common";
        };
    }

    private ObjectNode params(String type, Activity activity, long contact) throws CrmException {
        ObjectNode params = Http.MAPPER.createObjectNode();
        if (type.startsWith("call_")) {
            // amoCRM's call note: uniq is its own id for the call, the interaction's here
            return params.put("uniq", activity.interactionId()).put("duration", 0).put("source", SOURCE)
                    .put("phone", phone(contact)).put("call_result", ActivityText.heading(activity)
                            + (activity.body().isBlank() ? "" : "\n\n" + activity.body().strip()));
        }
        params.put("text", ActivityText.of(activity));
        if (type.startsWith("sms_")) {
            params.put("phone", phone(contact));
        }
        return params;
    }

    /** The contact's first phone, which call and SMS notes show; empty when it has none. */
    private String phone(long contact) throws CrmException {
        Optional<JsonNode> json = contacts.read(String.valueOf(contact));
        if (json.isEmpty()) {
            throw new CrmException(Kind.NOT_FOUND, "amoCRM add note: no such contact");
        }
        List<String> numbers = ContactMapping.values(json.get(), ContactMapping.PHONE);
        return numbers.isEmpty() ? "" : numbers.get(0);
    }

    private Optional<String> find(long contact, String type, Activity activity) throws CrmException {
        Instant oldest = activity.at().minus(CLOCK_MARGIN);
        for (int page = 1; ; page++) {
            Optional<JsonNode> answer = api.get("/api/v4/contacts/" + contact + "/notes?filter[note_type][]=" + type
                    + "&order[id]=desc&limit=" + PAGE + "&page=" + page, "list notes");
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            for (JsonNode note : answer.get().path("_embedded").path("notes")) {
                if (carries(note, activity.interactionId())) {
                    return Optional.of(note.path("id").asText());
                }
                long created = note.path("created_at").asLong(Long.MAX_VALUE);
                if (created < oldest.getEpochSecond()) {
                    return Optional.empty();
                }
            }
            if (answer.get().path("_links").path("next").isMissingNode()) {
                return Optional.empty();
            }
        }
    }

    private static boolean carries(JsonNode note, String interactionId) {
        JsonNode params = note.path("params");
        return interactionId.equals(params.path("uniq").asText(null)) || ActivityText.marks(params.path("text").asText(null), interactionId);
    }
}

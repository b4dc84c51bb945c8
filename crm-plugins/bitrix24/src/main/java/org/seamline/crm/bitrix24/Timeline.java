package org.seamline.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.seamline.api.crm.Activity;
import org.seamline.api.crm.ActivityText;
import org.seamline.api.crm.CrmException;

/**
 * Writes interactions to a contact's timeline, each at most once. Calls become call activities
 * ({@code crm.activity.add}, TYPE_ID 2) carrying the interaction id as {@code ORIGIN_ID}, looked up before adding.
 * Messages become timeline comments ({@code crm.timeline.comment.add}): through a webhook an activity can only be a
 * meeting, a call or an e-mail (which Bitrix24 may send), and a comment has no origin field, so the comment's last
 * line names the interaction and the newest comments are read back for it before adding.
 */
final class Timeline {

    static final String ORIGINATOR = "seamline";
    /** Comments older than the interaction by more than this cannot be its record, whatever the clocks say. */
    static final Duration CLOCK_MARGIN = Duration.ofHours(1);
    private static final int CONTACT_OWNER_TYPE = 3;
    private static final int CALL_TYPE = 2;

    private final RestClient rest;

    Timeline(RestClient rest) {
        this.rest = rest;
    }

    String log(Activity activity) throws CrmException {
        int contact = Contacts.id(activity.contactId());
        return activity.kind() == Activity.Kind.CALL ? call(contact, activity) : comment(contact, activity);
    }

    private String call(int contact, Activity activity) throws CrmException {
        Map<String, Command> commands = RestClient.commands();
        commands.put("l", Command.of("crm.activity.list").param("filter[OWNER_TYPE_ID]", CONTACT_OWNER_TYPE)
                .param("filter[OWNER_ID]", contact).param("filter[ORIGINATOR_ID]", ORIGINATOR)
                .param("filter[ORIGIN_ID]", activity.interactionId()).param("select[0]", "ID"));
        commands.put("c", Command.of("crm.contact.get").param("id", contact));
        RestClient.Batch batch = rest.batch(commands, false);
        JsonNode existing = batch.required("l", "crm.activity.list").path(0);
        if (existing.hasNonNull("ID")) {
            return existing.get("ID").asText();
        }
        String number = batch.required("c", "crm.contact.get").path("PHONE").path(0).path("VALUE").asText("");
        String at = portalTime(activity.at());
        ObjectNode params = rest.params();
        ObjectNode fields = params.putObject("fields").put("OWNER_TYPE_ID", CONTACT_OWNER_TYPE).put("OWNER_ID", contact)
                .put("TYPE_ID", CALL_TYPE).put("DIRECTION", activity.direction() == Activity.Direction.OUTBOUND ? 2 : 1)
                .put("SUBJECT", ActivityText.heading(activity)).put("DESCRIPTION", activity.body())
                .put("DESCRIPTION_TYPE", 1).put("START_TIME", at).put("END_TIME", at).put("COMPLETED", "Y")
                .put("ORIGINATOR_ID", ORIGINATOR).put("ORIGIN_ID", activity.interactionId());
        fields.putArray("COMMUNICATIONS").addObject().put("VALUE", number).put("ENTITY_ID", contact)
                .put("ENTITY_TYPE_ID", CONTACT_OWNER_TYPE);
        return rest.call("crm.activity.add", params).result().asText();
    }

    private String comment(int contact, Activity activity) throws CrmException {
        Optional<String> existing = findComment(contact, activity);
        if (existing.isPresent()) {
            return existing.get();
        }
        ObjectNode params = rest.params();
        params.putObject("fields").put("ENTITY_ID", contact).put("ENTITY_TYPE", "contact")
                .put("COMMENT", ActivityText.of(activity));
        return rest.call("crm.timeline.comment.add", params).result().asText();
    }

    /** Newest first, down to the interaction's own time less the margin: a comment for it cannot be older. */
    private Optional<String> findComment(int contact, Activity activity) throws CrmException {
        Instant oldest = activity.at().minus(CLOCK_MARGIN);
        Integer start = 0;
        while (start != null) {
            ObjectNode params = rest.params().put("start", start);
            params.putObject("filter").put("ENTITY_ID", contact).put("ENTITY_TYPE", "contact");
            params.putObject("order").put("ID", "DESC");
            params.putArray("select").add("ID").add("COMMENT").add("CREATED");
            RestClient.Answer page = rest.call("crm.timeline.comment.list", params);
            for (JsonNode comment : page.result()) {
                if (ActivityText.marks(comment.path("COMMENT").asText(""), activity.interactionId())) {
                    return Optional.of(comment.path("ID").asText());
                }
                if (created(comment).isBefore(oldest)) {
                    return Optional.empty();
                }
            }
            start = page.next();
        }
        return Optional.empty();
    }

    private static Instant created(JsonNode comment) {
        try {
            return OffsetDateTime.parse(comment.path("CREATED").asText()).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.MAX; // unknown: keep reading
        }
    }

    private static String portalTime(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC).withNano(0).toString();
    }
}

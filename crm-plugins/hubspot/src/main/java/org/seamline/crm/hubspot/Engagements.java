package org.seamline.crm.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.seamline.api.crm.Activity;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;

/**
 * Interactions as engagement objects associated with the contact on creation: calls (type 194), e-mails (198),
 * WhatsApp and SMS as communications (81), chats and notes as notes (202). Each carries the interaction id in a
 * unique-value custom property the admin creates; before creating, the engagement is read by that property
 * ({@code idProperty}, strongly consistent, unlike search), so a retry after a lost answer finds the first record; a
 * create that still races into the unique value answers 409 with the existing id, which is answered as well.
 */
final class Engagements {

    private final ApiClient api;
    private final String idProperty;

    Engagements(ApiClient api, String idProperty) {
        this.api = api;
        this.idProperty = idProperty;
    }

    /** Where each kind goes: the object type and its HUBSPOT_DEFINED association type id to contacts. */
    private record Target(String type, int associationTypeId) {
    }

    String log(Activity activity) throws CrmException {
        if (!Contacts.isId(activity.contactId())) {
            throw new CrmException(Kind.VALIDATION, "HubSpot log: the contact id is not a HubSpot record id");
        }
        Target target = target(activity.kind());
        Optional<String> existing = existing(target, activity);
        if (existing.isPresent()) {
            return existing.get();
        }
        ObjectNode body = api.object();
        ObjectNode properties = body.putObject("properties");
        properties.put(idProperty, activity.interactionId()).put("hs_timestamp", activity.at().toString());
        EngagementText.fill(properties, target.type(), activity);
        body.putArray("associations").addObject().<ObjectNode>set("to", api.object().put("id", activity.contactId()))
                .putArray("types").addObject().put("associationCategory", "HUBSPOT_DEFINED")
                .put("associationTypeId", target.associationTypeId());
        try {
            return api.post("create " + target.type(), api.paths().objects(target.type()), body).path("id").asText();
        } catch (CrmException e) {
            if (e.kind() != Kind.CONFLICT) {
                throw e;
            }
            // the unique value is taken: the id HubSpot names, else the record read again by the interaction id
            Optional<String> holder = e.existingId().isPresent() ? e.existingId() : existing(target, activity);
            if (holder.isEmpty()) {
                throw e;
            }
            return holder.get();
        }
    }

    /** The engagement already written for the interaction, read by the unique property (strongly consistent). */
    private Optional<String> existing(Target target, Activity activity) throws CrmException {
        return api.find("read " + target.type() + " by interaction id",
                        api.paths().object(target.type(), activity.interactionId(), "idProperty=" + idProperty))
                .map(record -> record.path("id").asText(""))
                .filter(id -> !id.isEmpty());
    }

    private static Target target(Activity.Kind kind) {
        return switch (kind) {
            case CALL -> new Target("calls", 194);
            case EMAIL -> new Target("emails", 198);
            case SMS, WHATSAPP -> new Target("communications", 81);
            case CHAT, NOTE -> new Target("notes", 202);
        };
    }
}

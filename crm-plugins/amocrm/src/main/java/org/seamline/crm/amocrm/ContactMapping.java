package org.seamline.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.seamline.api.crm.CrmContact;
import org.seamline.api.crm.CrmException;

/**
 * An amoCRM contact as Seamline sees it: emails and phones from the EMAIL and PHONE fields (phones in E.164), the
 * responsible user's name as owner, tags, the first linked company's name, and the segment from the configured
 * custom field. Lifecycle stages live on amoCRM's leads, not contacts: none.
 */
final class ContactMapping {

    static final String EMAIL = "EMAIL";
    static final String PHONE = "PHONE";

    private final Phones phones;
    private final Directory directory;
    private final String segmentField;

    ContactMapping(Phones phones, Directory directory, String segmentField) {
        this.phones = phones;
        this.directory = directory;
        this.segmentField = segmentField;
    }

    CrmContact contact(JsonNode json) throws CrmException {
        List<String> emails = values(json, EMAIL);
        List<String> numbers = values(json, PHONE).stream().map(phones::display).distinct().toList();
        long owner = json.path("responsible_user_id").asLong(0);
        List<String> tags = new ArrayList<>();
        json.path("_embedded").path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        String company = null;
        JsonNode first = json.path("_embedded").path("companies").path(0);
        if (first.hasNonNull("name")) {
            company = first.get("name").asText();
        } else if (first.hasNonNull("id")) {
            company = directory.company(first.get("id").asLong()).orElse(null);
        }
        long updated = json.path("updated_at").asLong(0);
        return new CrmContact(json.path("id").asText(), blankToNull(json.path("name").asText("")), emails, numbers,
                owner > 0 ? directory.user(owner) : null, null, segment(json), tags, company,
                updated > 0 ? Instant.ofEpochSecond(updated) : null);
    }

    /** The values of the system field with this code, as stored. */
    static List<String> values(JsonNode contact, String code) {
        List<String> values = new ArrayList<>();
        for (JsonNode field : contact.path("custom_fields_values")) {
            if (code.equals(field.path("field_code").asText())) {
                field.path("values").forEach(value -> values.add(value.path("value").asText()));
            }
        }
        return values;
    }

    private String segment(JsonNode contact) {
        if (segmentField == null) {
            return null;
        }
        for (JsonNode field : contact.path("custom_fields_values")) {
            if (segmentField.equals(field.path("field_id").asText()) || segmentField.equalsIgnoreCase(field.path("field_code").asText())) {
                JsonNode value = field.path("values").path(0).path("value");
                return value.isMissingNode() || value.isNull() ? null : blankToNull(value.asText());
            }
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

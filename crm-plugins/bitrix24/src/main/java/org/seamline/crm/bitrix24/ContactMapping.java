package org.seamline.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.seamline.api.crm.CrmContact;

/**
 * A {@code crm.contact.get} answer as Seamline's profile: the owner is the assigned employee's name (its id when
 * the webhook may not read users), the lifecycle stage the contact type, segment and tags the configured custom
 * fields, the company its title.
 */
final class ContactMapping {

    private final Phones phones;
    private final String segmentField;
    private final String tagsField;

    ContactMapping(Phones phones, String segmentField, String tagsField) {
        this.phones = phones;
        this.segmentField = segmentField;
        this.tagsField = tagsField;
    }

    /**
     * @param user    the {@code user.get} answer for ASSIGNED_BY_ID, or null
     * @param company the {@code crm.company.get} answer for COMPANY_ID, or null
     */
    CrmContact contact(JsonNode contact, JsonNode user, JsonNode company) {
        List<String> emails = new ArrayList<>();
        contact.path("EMAIL").forEach(item -> emails.add(item.path("VALUE").asText()));
        List<String> numbers = new ArrayList<>();
        contact.path("PHONE").forEach(item -> numbers.add(phones.display(item.path("VALUE").asText())));
        return new CrmContact(contact.path("ID").asText(), joined(contact, "NAME", "SECOND_NAME", "LAST_NAME"),
                emails, numbers, owner(contact, user), text(contact.path("TYPE_ID")),
                segmentField == null ? null : first(contact.path(segmentField)), tags(contact),
                company == null ? null : text(company.path("TITLE")), modified(contact.path("DATE_MODIFY").asText()));
    }

    private static String owner(JsonNode contact, JsonNode user) {
        JsonNode first = user == null ? null : user.isArray() ? user.path(0) : user;
        String assigned = text(contact.path("ASSIGNED_BY_ID"));
        if (first != null && assigned != null && assigned.equals(text(first.path("ID")))) {
            String name = joined(first, "NAME", "LAST_NAME");
            return name != null ? name : text(first.path("EMAIL"));
        }
        return assigned;
    }

    private List<String> tags(JsonNode contact) {
        if (tagsField == null) {
            return List.of();
        }
        JsonNode value = contact.path(tagsField);
        List<String> tags = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(tag -> tags.add(tag.asText("")));
        } else {
            tags.addAll(Arrays.asList(value.asText("").split(",")));
        }
        return tags.stream().map(String::strip).filter(tag -> !tag.isEmpty()).distinct().toList();
    }

    private static String first(JsonNode value) {
        return text(value.isArray() ? value.path(0) : value);
    }

    private static String joined(JsonNode node, String... fields) {
        String joined = Stream.of(fields).map(field -> node.path(field).asText("").strip()).filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    private static String text(JsonNode value) {
        String text = value == null || value.isNull() || value.isMissingNode() ? "" : value.asText("").strip();
        return text.isEmpty() ? null : text;
    }

    private static Instant modified(String text) {
        try {
            return text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

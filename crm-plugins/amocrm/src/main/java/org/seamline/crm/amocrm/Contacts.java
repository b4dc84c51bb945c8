package org.seamline.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.seamline.api.crm.ContactDraft;
import org.seamline.api.crm.CrmContact;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;

/**
 * Contacts: lookup through amoCRM's full-text {@code query} (a substring search over filled fields) checked for an
 * exact match, the profile, and upsert. amoCRM happily stores duplicates, so a create first looks for a contact
 * with one of the draft's emails and answers that one instead.
 */
final class Contacts {

    /** The API's largest page; a lookup reads at most {@link #MAX_PAGES} of them. */
    static final int PAGE = 250;
    static final int MAX_PAGES = 4;

    private final ApiClient api;
    private final Phones phones;
    private final ContactMapping mapping;

    Contacts(ApiClient api, Phones phones, ContactMapping mapping) {
        this.api = api;
        this.phones = phones;
        this.mapping = mapping;
    }

    List<CrmContact> byEmail(String email) throws CrmException {
        String wanted = email.strip();
        return search(wanted, contact -> ContactMapping.values(contact, ContactMapping.EMAIL).stream()
                .anyMatch(stored -> stored.strip().equalsIgnoreCase(wanted)));
    }

    List<CrmContact> byPhone(String e164) throws CrmException {
        return search(phones.searchDigits(e164), contact -> ContactMapping.values(contact, ContactMapping.PHONE).stream()
                .anyMatch(stored -> phones.same(stored, e164)));
    }

    Optional<CrmContact> profile(String contactId) throws CrmException {
        Optional<JsonNode> json = read(contactId);
        return json.isEmpty() ? Optional.empty() : Optional.of(mapping.contact(json.get()));
    }

    CrmContact upsert(ContactDraft draft) throws CrmException {
        return draft.contactId() == null ? create(draft) : update(draft);
    }

    private CrmContact create(ContactDraft draft) throws CrmException {
        for (String email : draft.emails()) {
            List<CrmContact> existing = byEmail(email.toLowerCase(Locale.ROOT));
            if (!existing.isEmpty()) {
                return existing.get(0);
            }
        }
        ObjectNode item = Http.MAPPER.createObjectNode();
        if (draft.name() != null && !draft.name().isBlank()) {
            item.put("name", draft.name().strip());
        }
        ArrayNode fields = Http.MAPPER.createArrayNode();
        if (!draft.emails().isEmpty()) {
            field(fields, ContactMapping.EMAIL, draft.emails().stream().map(e -> entry(e.strip(), "WORK")).toList());
        }
        if (!draft.phones().isEmpty()) {
            field(fields, ContactMapping.PHONE, draft.phones().stream().map(p -> entry(phones.display(p), "MOB")).toList());
        }
        if (!fields.isEmpty()) {
            item.set("custom_fields_values", fields);
        }
        ArrayNode body = Http.MAPPER.createArrayNode().add(item);
        JsonNode created = api.post("/api/v4/contacts", body, "create contact");
        String id = created.path("_embedded").path("contacts").path(0).path("id").asText("");
        if (id.isEmpty()) {
            throw new CrmException(Kind.UNKNOWN, "amoCRM create contact: the answer names no contact");
        }
        return profile(id).orElseThrow(() -> new CrmException(Kind.UNKNOWN, "amoCRM create contact: the new contact cannot be read"));
    }

    /**
     * amoCRM replaces all values of a field named in a PATCH: the stored values are sent again with the new ones,
     * and a field with nothing new is not sent at all.
     */
    private CrmContact update(ContactDraft draft) throws CrmException {
        JsonNode current = read(draft.contactId()).orElseThrow(() -> new CrmException(Kind.NOT_FOUND,
                "amoCRM update contact: no such contact"));
        ObjectNode item = Http.MAPPER.createObjectNode();
        if (draft.name() != null && !draft.name().isBlank()) {
            item.put("name", draft.name().strip());
        }
        ArrayNode fields = Http.MAPPER.createArrayNode();
        List<ObjectNode> emails = stored(current, ContactMapping.EMAIL);
        boolean newEmail = false;
        for (String email : draft.emails()) {
            if (emails.stream().noneMatch(e -> e.path("value").asText().strip().equalsIgnoreCase(email.strip()))) {
                emails.add(entry(email.strip(), "WORK"));
                newEmail = true;
            }
        }
        if (newEmail) {
            field(fields, ContactMapping.EMAIL, emails);
        }
        List<ObjectNode> numbers = stored(current, ContactMapping.PHONE);
        boolean newPhone = false;
        for (String phone : draft.phones()) {
            String e164 = phones.display(phone);
            if (numbers.stream().noneMatch(p -> phones.same(p.path("value").asText(), e164) || p.path("value").asText().equals(e164))) {
                numbers.add(entry(e164, "MOB"));
                newPhone = true;
            }
        }
        if (newPhone) {
            field(fields, ContactMapping.PHONE, numbers);
        }
        if (!fields.isEmpty()) {
            item.set("custom_fields_values", fields);
        }
        if (!item.isEmpty()) {
            api.patch("/api/v4/contacts/" + id(draft.contactId()), item, "update contact");
        }
        return profile(draft.contactId()).orElseThrow(() -> new CrmException(Kind.NOT_FOUND,
                "amoCRM update contact: the contact is gone"));
    }

    Optional<JsonNode> read(String contactId) throws CrmException {
        if (!contactId.matches("[1-9][0-9]{0,18}")) {
            return Optional.empty();
        }
        return api.get("/api/v4/contacts/" + contactId, "get contact");
    }

    private List<CrmContact> search(String query, Predicate<JsonNode> exact) throws CrmException {
        List<CrmContact> found = new ArrayList<>();
        String encoded = URLEncoder.encode(query, StandardCharsets.UTF_8);
        for (int page = 1; page <= MAX_PAGES; page++) {
            Optional<JsonNode> answer = api.get("/api/v4/contacts?query=" + encoded + "&limit=" + PAGE + "&page=" + page,
                    "search contacts");
            if (answer.isEmpty()) {
                break;
            }
            for (JsonNode contact : answer.get().path("_embedded").path("contacts")) {
                if (exact.test(contact)) {
                    found.add(mapping.contact(contact));
                }
            }
            if (answer.get().path("_links").path("next").isMissingNode()) {
                break;
            }
        }
        return found;
    }

    static long id(String contactId) throws CrmException {
        try {
            return Long.parseLong(contactId);
        } catch (NumberFormatException e) {
            throw new CrmException(Kind.NOT_FOUND, "amoCRM: a contact id is a number");
        }
    }

    private static List<ObjectNode> stored(JsonNode contact, String code) {
        List<ObjectNode> values = new ArrayList<>();
        for (JsonNode field : contact.path("custom_fields_values")) {
            if (code.equals(field.path("field_code").asText())) {
                for (JsonNode value : field.path("values")) {
                    ObjectNode copy = entry(value.path("value").asText(), value.path("enum_code").asText("WORK"));
                    values.add(copy);
                }
            }
        }
        return values;
    }

    private static ObjectNode entry(String value, String enumCode) {
        return Http.MAPPER.createObjectNode().put("value", value).put("enum_code", enumCode);
    }

    private static void field(ArrayNode fields, String code, List<ObjectNode> values) {
        ArrayNode list = fields.addObject().put("field_code", code).putArray("values");
        values.forEach(list::add);
    }
}

package org.seamline.crm.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.seamline.api.crm.ContactDraft;
import org.seamline.api.crm.CrmContact;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;

/**
 * Contacts. Reads by id or by e-mail ({@code idProperty=email}) are strongly consistent; search lags behind writes, so
 * it only adds what a read cannot find (duplicates, secondary e-mails, phones), and every contact it names is read
 * again by id. A create that HubSpot refuses as a conflict updates the existing contact instead.
 */
final class Contacts {

    /** Duplicates of one e-mail or phone: more than this is a data problem, not a lookup. */
    private static final int SEARCH_LIMIT = 100;

    private final ApiClient api;
    private final Phones phones;
    private final ContactMapping mapping;

    Contacts(ApiClient api, Phones phones, ContactMapping mapping) {
        this.api = api;
        this.phones = phones;
        this.mapping = mapping;
    }

    List<CrmContact> byEmail(String email) throws CrmException {
        String address = email.strip().toLowerCase(Locale.ROOT);
        List<CrmContact> found = new ArrayList<>();
        Optional<JsonNode> primary = api.find("read contact by email", api.paths().object("contacts", address,
                "idProperty=email&properties=" + mapping.properties() + "&associations=companies"));
        if (primary.isPresent()) {
            found.add(mapping.contact(primary.get()));
        }
        ObjectNode search = api.object().put("limit", SEARCH_LIMIT);
        Searches.orGroup(search, "email", "EQ", address);
        Searches.orGroup(search, "hs_additional_emails", "EQ", address);
        for (String id : searchIds(search)) {
            if (found.stream().noneMatch(c -> c.id().equals(id))) {
                profile(id).ifPresent(found::add);
            }
        }
        return found;
    }

    /**
     * Phones are free text in HubSpot: the E.164 form is asked of {@code phone} and {@code mobilephone}, the national
     * number of the calculated searchable properties; what comes back is read again and checked against the number.
     */
    List<CrmContact> byPhone(String e164) throws CrmException {
        ObjectNode search = api.object().put("limit", SEARCH_LIMIT);
        Searches.orGroup(search, "phone", "EQ", e164);
        Searches.orGroup(search, "mobilephone", "EQ", e164);
        Optional<String> national = phones.national(e164);
        if (national.isPresent()) {
            Searches.orGroup(search, "hs_searchable_calculated_phone_number", "EQ", national.get());
            Searches.orGroup(search, "hs_searchable_calculated_mobile_number", "EQ", national.get());
        }
        List<CrmContact> found = new ArrayList<>();
        for (String id : searchIds(search)) {
            Optional<CrmContact> contact = profile(id);
            if (contact.isPresent() && contact.get().phones().stream().anyMatch(p -> phones.same(p, e164))) {
                found.add(contact.get());
            }
        }
        return found;
    }

    Optional<CrmContact> profile(String contactId) throws CrmException {
        if (!isId(contactId)) {
            return Optional.empty();
        }
        Optional<JsonNode> record = api.find("read contact", api.paths().object("contacts", contactId,
                "properties=" + mapping.properties() + "&associations=companies"));
        return record.isPresent() ? Optional.of(mapping.contact(record.get())) : Optional.empty();
    }

    CrmContact upsert(ContactDraft draft) throws CrmException {
        List<String> emails = draft.emails().stream().map(e -> e.strip().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty()).distinct().toList();
        List<String> numbers = draft.phones().stream().map(p -> phones.e164(p).orElse(p.strip()))
                .filter(p -> !p.isEmpty()).distinct().toList();
        if (draft.contactId() != null) {
            return update(draft.contactId(), draft.name(), emails, numbers);
        }
        ObjectNode body = api.object();
        ObjectNode properties = body.putObject("properties");
        name(properties, draft.name());
        if (!emails.isEmpty()) {
            properties.put("email", emails.get(0));
        }
        if (emails.size() > 1) {
            properties.put("hs_additional_emails", String.join(";", emails.subList(1, emails.size())));
        }
        phoneFields(properties, numbers, null, null);
        try {
            JsonNode created = api.post("create contact", api.paths().objects("contacts"), body);
            return profile(created.path("id").asText()).orElseGet(() -> fallback(created));
        } catch (CrmException e) {
            if (e.kind() != Kind.CONFLICT) {
                throw e;
            }
            // Without "Existing ID: N" in the message, the holder of the primary e-mail is the existing contact.
            Optional<String> existing = e.existingId().isPresent() ? e.existingId() : emails.isEmpty() ? Optional.empty()
                    : api.find("read contact by email", api.paths().object("contacts", emails.get(0), "idProperty=email"))
                            .map(found -> found.path("id").asText());
            if (existing.isEmpty()) {
                throw e;
            }
            return update(existing.get(), draft.name(), emails, numbers);
        }
    }

    /** Adds the e-mails and phones the contact lacks and keeps the rest, as the SPI asks; a name replaces the name. */
    private CrmContact update(String id, String name, List<String> emails, List<String> numbers) throws CrmException {
        JsonNode current = isId(id) ? api.find("read contact", api.paths().object("contacts", id,
                "properties=email,hs_additional_emails,phone,mobilephone,firstname,lastname")).orElse(null) : null;
        if (current == null) {
            throw new CrmException(Kind.NOT_FOUND, "HubSpot update contact: HTTP 404 OBJECT_NOT_FOUND");
        }
        JsonNode p = current.path("properties");
        String primary = p.path("email").asText("");
        List<String> additional = new ArrayList<>(ContactMapping.items(p.path("hs_additional_emails").asText("")));
        Set<String> known = new LinkedHashSet<>();
        known.add(primary.toLowerCase(Locale.ROOT));
        additional.forEach(a -> known.add(a.toLowerCase(Locale.ROOT)));
        ObjectNode body = api.object();
        ObjectNode properties = body.putObject("properties");
        List<String> newEmails = emails.stream().filter(e -> !known.contains(e)).toList();
        if (!newEmails.isEmpty()) {
            List<String> rest = newEmails;
            if (primary.isBlank()) {
                properties.put("email", newEmails.get(0));
                rest = newEmails.subList(1, newEmails.size());
            }
            if (!rest.isEmpty()) {
                additional.addAll(rest);
                properties.put("hs_additional_emails", String.join(";", additional));
            }
        }
        String phone = p.path("phone").asText("");
        String mobile = p.path("mobilephone").asText("");
        List<String> newNumbers = numbers.stream()
                .filter(n -> !phones.same(phone, n) && !phones.same(mobile, n) && !n.equals(phone) && !n.equals(mobile))
                .toList();
        phoneFields(properties, newNumbers, phone, mobile);
        if (name != null && !name.isBlank()) {
            name(properties, name);
        }
        if (!properties.isEmpty()) {
            api.patch("update contact", api.paths().object("contacts", id, null), body);
        }
        return profile(id).orElseThrow(() -> new CrmException(Kind.NOT_FOUND,
                "HubSpot update contact: HTTP 404 OBJECT_NOT_FOUND"));
    }

    /** HubSpot has two phone properties: new numbers fill the empty ones; more do not fit and are left out. */
    private static void phoneFields(ObjectNode properties, List<String> numbers, String phone, String mobile) {
        List<String> free = new ArrayList<>();
        if (phone == null || phone.isBlank()) {
            free.add("phone");
        }
        if (mobile == null || mobile.isBlank()) {
            free.add("mobilephone");
        }
        for (int i = 0; i < Math.min(free.size(), numbers.size()); i++) {
            properties.put(free.get(i), numbers.get(i));
        }
    }

    /** "Lena Fischer-Wolf": the first word is the first name, the rest the last name. */
    private static void name(ObjectNode properties, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        String[] parts = name.strip().split("\\s+", 2);
        properties.put("firstname", parts[0]).put("lastname", parts.length > 1 ? parts[1] : "");
    }

    private List<String> searchIds(ObjectNode search) throws CrmException {
        search.putArray("properties").add("hs_object_id");
        JsonNode page = api.post("search contacts", api.paths().search("contacts"), search);
        List<String> ids = new ArrayList<>();
        page.path("results").forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    private static CrmContact fallback(JsonNode created) {
        return new CrmContact(created.path("id").asText(), null, List.of(), List.of(), null, null, null, List.of(),
                null, null);
    }

    static boolean isId(String id) {
        return id != null && id.matches("[1-9][0-9]{0,18}");
    }
}

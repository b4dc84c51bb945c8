package org.seamline.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.seamline.api.crm.ContactDraft;
import org.seamline.api.crm.CrmContact;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;

/**
 * Contacts: lookup through the communications index ({@code crm.duplicate.findbycomm}), profiles read with their
 * owner and company in one {@code batch}, and upsert with Bitrix24's multi-field semantics. Bitrix24 never refuses a
 * duplicate contact, so a create first looks the e-mails and phones up and updates the contact it finds.
 */
final class Contacts {

    /** Three commands per contact in one batch of at most 50. */
    private static final int CONTACTS_PER_BATCH = 16;

    private final RestClient rest;
    private final Phones phones;
    private final ContactMapping mapping;

    Contacts(RestClient rest, Phones phones, ContactMapping mapping) {
        this.rest = rest;
        this.phones = phones;
        this.mapping = mapping;
    }

    List<CrmContact> byEmail(String email) throws CrmException {
        return profiles(find("EMAIL", List.of(email.strip().toLowerCase(Locale.ROOT))));
    }

    /** The index ignores formatting but not the trunk prefix; what it finds is checked against the number. */
    List<CrmContact> byPhone(String e164) throws CrmException {
        List<CrmContact> found = new ArrayList<>();
        for (CrmContact contact : profiles(find("PHONE", phones.lookupForms(e164)))) {
            if (contact.phones().stream().anyMatch(stored -> phones.same(stored, e164))) {
                found.add(contact);
            }
        }
        return found;
    }

    Optional<CrmContact> profile(String contactId) throws CrmException {
        return profiles(List.of(id(contactId))).stream().findFirst();
    }

    CrmContact upsert(ContactDraft draft) throws CrmException {
        List<String> emails = draft.emails().stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        List<String> numbers = draft.phones().stream().map(p -> phones.e164(p).orElse(p.strip())).distinct().toList();
        if (draft.contactId() != null) {
            return update(id(draft.contactId()), draft.name(), emails, numbers);
        }
        Optional<Integer> existing = existing(emails, numbers);
        return existing.isPresent() ? update(existing.get(), draft.name(), emails, numbers) : create(draft.name(), emails, numbers);
    }

    private Optional<Integer> existing(List<String> emails, List<String> numbers) throws CrmException {
        if (!emails.isEmpty()) {
            List<Integer> ids = find("EMAIL", emails.subList(0, Math.min(emails.size(), 20)));
            if (!ids.isEmpty()) {
                return Optional.of(ids.get(0));
            }
        }
        List<String> forms = numbers.stream().flatMap(n -> phones.lookupForms(n).stream()).distinct().limit(20).toList();
        return forms.isEmpty() ? Optional.empty() : find("PHONE", forms).stream().findFirst();
    }

    private CrmContact create(String name, List<String> emails, List<String> numbers) throws CrmException {
        Command add = Command.of("crm.contact.add").param("fields[OPENED]", "Y")
                .param("params[REGISTER_SONET_EVENT]", "N");
        if (name != null && !name.isBlank()) {
            add.param("fields[NAME]", name.strip());
        }
        multiFields(add, "EMAIL", "WORK", emails);
        multiFields(add, "PHONE", "MOBILE", numbers);
        Map<String, Command> commands = RestClient.commands();
        commands.put("a", add);
        profileCommands(commands, "", Command.of("crm.contact.get").reference("id", "a"));
        RestClient.Batch batch = rest.batch(commands, true);
        batch.required("a", "crm.contact.add");
        return read(batch, "").orElseThrow(() -> new CrmException(Kind.UNKNOWN,
                "Bitrix24 crm.contact.get: the contact just created was not found"));
    }

    /** Adds what the contact lacks; the CRM's other e-mails and phones stay, as the SPI asks. */
    private CrmContact update(int id, String name, List<String> emails, List<String> numbers) throws CrmException {
        CrmContact current = profiles(List.of(id)).stream().findFirst()
                .orElseThrow(() -> new CrmException(Kind.NOT_FOUND, "Bitrix24 crm.contact.get: HTTP 400 Not found"));
        List<String> newEmails = emails.stream().filter(e -> current.emails().stream().noneMatch(e::equalsIgnoreCase)).toList();
        List<String> newNumbers = numbers.stream().filter(n -> current.phones().stream().noneMatch(n::equals)).toList();
        boolean rename = name != null && !name.isBlank() && !name.strip().equals(current.name());
        if (newEmails.isEmpty() && newNumbers.isEmpty() && !rename) {
            return current;
        }
        Command update = Command.of("crm.contact.update").param("id", id).param("params[REGISTER_SONET_EVENT]", "N");
        if (rename) {
            update.param("fields[NAME]", name.strip()).param("fields[SECOND_NAME]", "").param("fields[LAST_NAME]", "");
        }
        multiFields(update, "EMAIL", "WORK", newEmails);
        multiFields(update, "PHONE", "MOBILE", newNumbers);
        Map<String, Command> commands = RestClient.commands();
        commands.put("a", update);
        profileCommands(commands, "", Command.of("crm.contact.get").param("id", id));
        RestClient.Batch batch = rest.batch(commands, true);
        batch.required("a", "crm.contact.update");
        return read(batch, "").orElseThrow(() -> new CrmException(Kind.NOT_FOUND, "Bitrix24 crm.contact.get: HTTP 400 Not found"));
    }

    private static void multiFields(Command command, String type, String valueType, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            command.param("fields[" + type + "][" + i + "][VALUE]", values.get(i))
                    .param("fields[" + type + "][" + i + "][VALUE_TYPE]", valueType);
        }
    }

    /** Contact ids in ascending order; nothing found is answered as {@code []}, not as an object. */
    private List<Integer> find(String type, List<String> values) throws CrmException {
        ObjectNode params = rest.params().put("type", type).put("entity_type", "CONTACT");
        values.forEach(params.putArray("values")::add);
        JsonNode result = rest.call("crm.duplicate.findbycomm", params).result();
        TreeSet<Integer> ids = new TreeSet<>();
        result.path("CONTACT").forEach(id -> ids.add(id.asInt()));
        return new ArrayList<>(ids);
    }

    private List<CrmContact> profiles(Collection<Integer> ids) throws CrmException {
        List<Integer> all = new ArrayList<>(ids);
        List<CrmContact> contacts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CONTACTS_PER_BATCH) {
            Map<String, Command> commands = RestClient.commands();
            List<Integer> chunk = all.subList(from, Math.min(all.size(), from + CONTACTS_PER_BATCH));
            for (int i = 0; i < chunk.size(); i++) {
                profileCommands(commands, String.valueOf(i), Command.of("crm.contact.get").param("id", chunk.get(i)));
            }
            RestClient.Batch batch = rest.batch(commands, false);
            for (int i = 0; i < chunk.size(); i++) {
                read(batch, String.valueOf(i)).ifPresent(contacts::add);
            }
        }
        return contacts;
    }

    /** The contact, its employee and its company, the last two by reference to the first. */
    private static void profileCommands(Map<String, Command> commands, String suffix, Command get) {
        commands.put("c" + suffix, get);
        commands.put("u" + suffix, Command.of("user.get").reference("ID", "c" + suffix, "ASSIGNED_BY_ID"));
        commands.put("k" + suffix, Command.of("crm.company.get").reference("id", "c" + suffix, "COMPANY_ID"));
    }

    /**
     * Empty when the contact does not exist. Without the user scope, or without a company, those parts fail in the
     * batch and the profile goes without them; a limit on them fails the whole read, so no owner is lost to it.
     */
    private Optional<CrmContact> read(RestClient.Batch batch, String suffix) throws CrmException {
        Optional<CrmException> failure = batch.failure("c" + suffix, "crm.contact.get");
        if (failure.isPresent()) {
            if (failure.get().kind() == Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw failure.get();
        }
        Optional<JsonNode> contact = batch.result("c" + suffix);
        if (contact.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(mapping.contact(contact.get(), part(batch, "u" + suffix, "user.get"),
                part(batch, "k" + suffix, "crm.company.get")));
    }

    private static JsonNode part(RestClient.Batch batch, String key, String method) throws CrmException {
        Optional<CrmException> failure = batch.failure(key, method);
        if (failure.isPresent() && failure.get().retryable()) {
            throw failure.get();
        }
        return batch.result(key).orElse(null);
    }

    static int id(String contactId) throws CrmException {
        try {
            int id = Integer.parseInt(contactId.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new CrmException(Kind.VALIDATION, "a Bitrix24 contact id is a positive number");
    }
}

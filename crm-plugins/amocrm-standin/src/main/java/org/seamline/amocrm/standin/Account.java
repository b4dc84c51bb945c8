package org.seamline.amocrm.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The data of one amoCRM account: users, companies, contacts with custom fields and tags, and notes. Writes come
 * from the API (through {@link ApiHandler}) or from a test acting as a CRM user; both fire the contact events the
 * webhook sends. All methods are synchronized: the account is small and tests are not about its throughput.
 */
public final class Account {

    public static final long ACCOUNT_ID = 31_337_001L;
    /** The user the integration acts as: notes and contacts written through the API are theirs. */
    public static final long API_USER_ID = 8_100_001L;
    static final long EMAIL_FIELD = 170_001L;
    static final long PHONE_FIELD = 170_003L;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> NOTE_TYPES = Set.of("common", "call_in", "call_out", "sms_in", "sms_out",
            "service_message");

    private final StandInClock clock;
    private final String baseUrl;
    private final Map<Long, String> users = new LinkedHashMap<>();
    private final Map<Long, String> companies = new LinkedHashMap<>();
    private final Map<Long, FieldDef> fields = new LinkedHashMap<>();
    private final Map<Long, Contact> contacts = new LinkedHashMap<>();
    private final List<Note> notes = new ArrayList<>();
    private final List<BiConsumer<String, ObjectNode>> listeners = new CopyOnWriteArrayList<>();
    private long nextContact = 24_500_001L;
    private long nextCompany = 9_200_001L;
    private long nextNote = 77_000_001L;
    private long nextUser = API_USER_ID;
    private long nextField = 171_001L;

    Account(StandInClock clock, String baseUrl) {
        this.clock = clock;
        this.baseUrl = baseUrl;
        users.put(nextUser++, "Integration");
        fields.put(EMAIL_FIELD, new FieldDef(EMAIL_FIELD, "Email", "EMAIL", "multitext", List.of("WORK", "PRIV", "OTHER")));
        fields.put(PHONE_FIELD, new FieldDef(PHONE_FIELD, "Phone", "PHONE", "multitext",
                List.of("WORK", "WORKDD", "MOB", "FAX", "HOME", "OTHER")));
    }

    /** Called with {@code add}, {@code update} or {@code delete} and the contact as the API renders it. */
    void onContactEvent(BiConsumer<String, ObjectNode> listener) {
        listeners.add(listener);
    }

    public synchronized long addUser(String name) {
        long id = nextUser++;
        users.put(id, name);
        return id;
    }

    public synchronized Optional<Long> userNamed(String name) {
        return users.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).findFirst();
    }

    public synchronized long addCompany(String name) {
        long id = nextCompany++;
        companies.put(id, name);
        return id;
    }

    /** A contact field an admin adds, e.g. {@code ("Segment", "text")}; answers its id. */
    public synchronized long addCustomField(String name, String type) {
        long id = nextField++;
        fields.put(id, new FieldDef(id, name, null, type, List.of()));
        return id;
    }

    /** Creates a contact as a CRM user would, from the API's shape ({@code name}, {@code custom_fields_values}, …). */
    public long createContact(ObjectNode item) {
        ObjectNode rendered;
        long id;
        synchronized (this) {
            id = create(item, "0", API_USER_ID);
            rendered = render(contacts.get(id));
        }
        fire("add", rendered);
        return id;
    }

    /** Changes a contact as a CRM user would, from the API's shape; fields not named are kept. */
    public void updateContact(long id, ObjectNode item) {
        ObjectNode rendered;
        synchronized (this) {
            patch(id, item, "0");
            rendered = render(contacts.get(id));
        }
        fire("update", rendered);
    }

    /** Links the contact to a company, as a CRM user would. */
    public void linkCompany(long contactId, long companyId) {
        ObjectNode rendered;
        synchronized (this) {
            Contact contact = existing(contactId);
            contact.companies.clear();
            contact.companies.add(companyId);
            touch(contact, API_USER_ID);
            rendered = render(contact);
        }
        fire("update", rendered);
    }

    public void deleteContact(long id) {
        ObjectNode rendered;
        synchronized (this) {
            rendered = render(existing(id));
            contacts.remove(id);
        }
        fire("delete", rendered);
    }

    public synchronized Optional<ObjectNode> contact(long id) {
        return Optional.ofNullable(contacts.get(id)).map(this::render);
    }

    public synchronized int contactCount() {
        return contacts.size();
    }

    /** The contact's notes as the API renders them, oldest first. */
    public synchronized List<ObjectNode> notes(long contactId) {
        return notes.stream().filter(n -> n.entityId() == contactId).map(this::render).toList();
    }

    // ---- used by the API handler ----

    synchronized Optional<String> userName(long id) {
        return Optional.ofNullable(users.get(id));
    }

    synchronized Optional<String> companyName(long id) {
        return Optional.ofNullable(companies.get(id));
    }

    /** Contacts matching the filter, in the order given; rendered. */
    synchronized List<ObjectNode> contacts(Predicate<ObjectNode> filter, Comparator<ObjectNode> order) {
        return contacts.values().stream().map(this::render).filter(filter).sorted(order).toList();
    }

    /** Creates from an API item; answers the new id. The caller fires the event. */
    synchronized long create(JsonNode item, String requestId, long userId) {
        Contact contact = new Contact(nextContact, MAPPER.createArrayNode());
        apply(contact, item, requestId);
        nextContact++;
        contact.createdAt = clock.epochSecond();
        contact.createdBy = userId;
        touch(contact, userId);
        if (!item.has("responsible_user_id")) {
            contact.responsibleUserId = userId;
        }
        contacts.put(contact.id, contact);
        return contact.id;
    }

    synchronized void patch(long id, JsonNode item, String requestId) {
        Contact contact = existing(id);
        apply(contact, item, requestId);
        touch(contact, API_USER_ID);
    }

    /** Refuses an API item as a write would, changing nothing. */
    synchronized void validate(JsonNode item, String requestId) {
        apply(new Contact(0, MAPPER.createArrayNode()), item, requestId);
    }

    synchronized ObjectNode rendered(long id) {
        return render(existing(id));
    }

    void fire(String action, ObjectNode contact) {
        listeners.forEach(listener -> listener.accept(action, contact));
    }

    synchronized long addNote(JsonNode item, String requestId) {
        long entityId = item.path("entity_id").asLong(0);
        if (!contacts.containsKey(entityId)) {
            throw Problem.invalid(requestId, "NotFound", "entity_id", "The entity is not found");
        }
        String type = item.path("note_type").asText("");
        if (!NOTE_TYPES.contains(type)) {
            throw Problem.invalid(requestId, "NotSupportedChoice", "note_type", "The value you selected is not a valid choice");
        }
        JsonNode params = item.path("params");
        if (!params.isObject()) {
            throw Problem.invalid(requestId, "FieldMissing", "params", "This field is missing");
        }
        if (type.startsWith("call_")) {
            requireText(params, "uniq", requestId);
            requireText(params, "source", requestId);
            if (!params.path("duration").canConvertToInt()) {
                throw Problem.invalid(requestId, "InvalidType", "params.duration", "This value should be of type int");
            }
            if (!params.has("phone")) {
                throw Problem.invalid(requestId, "FieldMissing", "params.phone", "This field is missing");
            }
        } else {
            requireText(params, "text", requestId);
        }
        if (type.startsWith("sms_") && !params.has("phone")) {
            throw Problem.invalid(requestId, "FieldMissing", "params.phone", "This field is missing");
        }
        Note note = new Note(nextNote++, entityId, type, params.deepCopy(), clock.epochSecond(), API_USER_ID);
        notes.add(note);
        existing(entityId).updatedAt = clock.epochSecond();
        return note.id();
    }

    synchronized List<ObjectNode> notes(long contactId, Predicate<ObjectNode> filter, Comparator<ObjectNode> order) {
        existing(contactId);
        return notes.stream().filter(n -> n.entityId() == contactId).map(this::render).filter(filter).sorted(order)
                .toList();
    }

    synchronized boolean exists(long contactId) {
        return contacts.containsKey(contactId);
    }

    // ---- internals ----

    private Contact existing(long id) {
        Contact contact = contacts.get(id);
        if (contact == null) {
            throw Problem.notFound();
        }
        return contact;
    }

    private void touch(Contact contact, long userId) {
        contact.updatedAt = clock.epochSecond();
        contact.updatedBy = userId;
    }

    private void apply(Contact contact, JsonNode item, String requestId) {
        if (!item.isObject()) {
            throw Problem.invalid(requestId, "InvalidType", "", "This value should be of type object");
        }
        if (item.has("name")) {
            contact.name = text(item, "name", requestId);
        }
        if (item.has("first_name") || item.has("last_name")) {
            contact.firstName = item.path("first_name").asText(contact.firstName);
            contact.lastName = item.path("last_name").asText(contact.lastName);
            if (!item.has("name")) {
                contact.name = (contact.firstName + " " + contact.lastName).strip();
            }
        }
        if (item.has("responsible_user_id")) {
            long user = item.path("responsible_user_id").asLong(0);
            if (!users.containsKey(user)) {
                throw Problem.invalid(requestId, "NotSupportedChoice", "responsible_user_id", "The user is not found");
            }
            contact.responsibleUserId = user;
        }
        JsonNode values = item.path("custom_fields_values");
        if (values.isArray()) {
            ArrayNode merged = contact.fields.deepCopy();
            for (int i = 0; i < values.size(); i++) {
                replaceField(merged, values.get(i), requestId, "custom_fields_values." + i);
            }
            contact.fields = merged;
        }
        JsonNode tags = item.path("_embedded").path("tags");
        if (tags.isArray()) {
            List<String> names = new ArrayList<>();
            tags.forEach(tag -> names.add(tag.path("name").asText()));
            contact.tags = names;
        }
        JsonNode linked = item.path("_embedded").path("companies");
        if (linked.isArray()) {
            List<Long> ids = new ArrayList<>();
            for (JsonNode company : linked) {
                long id = company.path("id").asLong(0);
                if (!companies.containsKey(id)) {
                    throw Problem.invalid(requestId, "NotFound", "_embedded.companies", "The company is not found");
                }
                ids.add(id);
            }
            contact.companies = ids;
        }
    }

    /** A field named in a write replaces all its values; null or no values clear it, as amoCRM does. */
    private void replaceField(ArrayNode stored, JsonNode item, String requestId, String path) {
        FieldDef def = definition(item, requestId, path);
        for (int i = stored.size() - 1; i >= 0; i--) {
            if (stored.get(i).path("field_id").asLong() == def.id()) {
                stored.remove(i);
            }
        }
        JsonNode values = item.path("values");
        if (!values.isArray() || values.isEmpty()) {
            return;
        }
        ObjectNode field = stored.addObject().put("field_id", def.id()).put("field_name", def.name())
                .put("field_code", def.code()).put("field_type", def.type());
        ArrayNode kept = field.putArray("values");
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            String text = value.path("value").isValueNode() ? value.path("value").asText() : "";
            if (text.isBlank()) {
                throw Problem.invalid(requestId, "FieldMissing", path + ".values." + i + ".value", "This value should not be blank");
            }
            ObjectNode one = kept.addObject().put("value", text);
            if (def.multitext()) {
                String enumCode = value.path("enum_code").asText("WORK").toUpperCase(Locale.ROOT);
                if (!def.enumCodes().contains(enumCode)) {
                    throw Problem.invalid(requestId, "NotSupportedChoice", path + ".values." + i + ".enum_code",
                            "The value you selected is not a valid choice");
                }
                one.put("enum_id", def.id() * 10 + def.enumCodes().indexOf(enumCode)).put("enum_code", enumCode);
            }
        }
    }

    private FieldDef definition(JsonNode item, String requestId, String path) {
        if (item.hasNonNull("field_id")) {
            FieldDef def = fields.get(item.path("field_id").asLong());
            if (def != null) {
                return def;
            }
        } else if (item.hasNonNull("field_code")) {
            String code = item.path("field_code").asText().toUpperCase(Locale.ROOT);
            for (FieldDef def : fields.values()) {
                if (code.equals(def.code())) {
                    return def;
                }
            }
        }
        throw Problem.invalid(requestId, "NotSupportedChoice", path + ".field_id", "The field is not found");
    }

    private static String text(JsonNode item, String field, String requestId) {
        JsonNode value = item.path(field);
        if (!value.isTextual()) {
            throw Problem.invalid(requestId, "InvalidType", field, "This value should be of type string");
        }
        return value.asText();
    }

    private static void requireText(JsonNode params, String field, String requestId) {
        if (!params.path(field).isTextual() || params.path(field).asText().isBlank()) {
            throw Problem.invalid(requestId, "FieldMissing", "params." + field, "This value should not be blank");
        }
    }

    private ObjectNode render(Contact contact) {
        ObjectNode node = MAPPER.createObjectNode().put("id", contact.id).put("name", contact.name)
                .put("first_name", contact.firstName).put("last_name", contact.lastName)
                .put("responsible_user_id", contact.responsibleUserId).put("group_id", 0)
                .put("created_by", contact.createdBy).put("updated_by", contact.updatedBy)
                .put("created_at", contact.createdAt).put("updated_at", contact.updatedAt)
                .putNull("closest_task_at").put("is_deleted", false).put("is_unsorted", false);
        if (contact.fields.isEmpty()) {
            node.putNull("custom_fields_values");
        } else {
            node.set("custom_fields_values", contact.fields.deepCopy());
        }
        node.put("account_id", ACCOUNT_ID);
        node.putObject("_links").putObject("self").put("href", baseUrl + "/api/v4/contacts/" + contact.id);
        ObjectNode embedded = node.putObject("_embedded");
        ArrayNode tags = embedded.putArray("tags");
        for (String tag : contact.tags) {
            tags.addObject().put("id", Math.abs((long) tag.hashCode()) % 100_000 + 1).put("name", tag).putNull("color");
        }
        ArrayNode linked = embedded.putArray("companies");
        for (long company : contact.companies) {
            ObjectNode one = linked.addObject().put("id", company);
            one.putObject("_links").putObject("self").put("href", baseUrl + "/api/v4/companies/" + company);
        }
        return node;
    }

    private ObjectNode render(Note note) {
        ObjectNode node = MAPPER.createObjectNode().put("id", note.id()).put("entity_id", note.entityId())
                .put("created_by", note.createdBy()).put("updated_by", note.createdBy())
                .put("created_at", note.createdAt()).put("updated_at", note.createdAt())
                .put("responsible_user_id", note.createdBy()).put("group_id", 0).put("note_type", note.noteType());
        node.set("params", note.params().deepCopy());
        node.put("account_id", ACCOUNT_ID);
        node.putObject("_links").putObject("self").put("href",
                baseUrl + "/api/v4/contacts/" + note.entityId() + "/notes/" + note.id());
        return node;
    }
}

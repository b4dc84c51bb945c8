package org.seamline.bitrix24.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The portal's data, kept as {@code crm.contact.*} answers it: ids as strings, multi-fields EMAIL and PHONE as
 * {@code {ID, VALUE_TYPE, VALUE, TYPE_ID}} items, dates with the portal's offset. Also users, companies, timeline
 * comments and activities. Every contact change is reported to the event listener (the outgoing webhook).
 */
public final class Portal {

    static final Set<String> MULTI_FIELDS = Set.of("EMAIL", "PHONE");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> CONTACT_FIELDS = Set.of("NAME", "SECOND_NAME", "LAST_NAME", "HONORIFIC", "POST",
            "ASSIGNED_BY_ID", "TYPE_ID", "SOURCE_ID", "COMPANY_ID", "OPENED", "COMMENTS");

    private final StandInClock clock;
    private final int webhookUser;
    private final Map<Integer, ObjectNode> contacts = new TreeMap<>();
    private final Map<Integer, ObjectNode> users = new TreeMap<>();
    private final Map<Integer, ObjectNode> companies = new TreeMap<>();
    private final Map<Integer, ObjectNode> comments = new TreeMap<>();
    private final Map<Integer, ObjectNode> activities = new TreeMap<>();
    private int nextContact = 1;
    private int nextUser = 1;
    private int nextCompany = 1;
    private int nextComment = 1;
    private int nextActivity = 1;
    private int nextMultiField = 1;
    private volatile BiConsumer<String, Integer> events = (event, id) -> { };

    Portal(StandInClock clock, int webhookUser, String webhookUserName) {
        this.clock = clock;
        this.webhookUser = webhookUser;
        addUser(webhookUserName, "", "admin@portal.example");
    }

    void onContactEvent(BiConsumer<String, Integer> listener) {
        this.events = listener;
    }

    // --- users and companies, which the tests set up directly ---

    /** An employee, as {@code user.get} answers it; answers the id. */
    public synchronized int addUser(String name, String lastName, String email) {
        int id = nextUser++;
        ObjectNode user = JSON.objectNode().put("ID", String.valueOf(id)).put("ACTIVE", true).put("NAME", name)
                .put("LAST_NAME", lastName).put("EMAIL", email);
        users.put(id, user);
        return id;
    }

    /** A company, as {@code crm.company.get} answers it; answers the id. */
    public synchronized int addCompany(String title) {
        int id = nextCompany++;
        companies.put(id, JSON.objectNode().put("ID", String.valueOf(id)).put("TITLE", title));
        return id;
    }

    /** The id of the employee with this name, if there is one. */
    public synchronized Optional<Integer> findUser(String name, String lastName) {
        return users.entrySet().stream().filter(e -> e.getValue().get("NAME").asText().equals(name)
                && e.getValue().get("LAST_NAME").asText().equals(lastName)).map(Map.Entry::getKey).findFirst();
    }

    synchronized List<ObjectNode> users() {
        return copies(users);
    }

    synchronized ObjectNode company(int id) {
        ObjectNode company = companies.get(id);
        if (company == null) {
            throw ApiError.notFound();
        }
        return company.deepCopy();
    }

    // --- contacts ---

    /** {@code crm.contact.add}: answers the new id. */
    public int addContact(JsonNode fields) {
        int id;
        synchronized (this) {
            id = nextContact++;
            String now = Dates.format(clock.now());
            ObjectNode contact = JSON.objectNode().put("ID", String.valueOf(id)).put("NAME", "").put("SECOND_NAME", "")
                    .put("LAST_NAME", "").put("ASSIGNED_BY_ID", String.valueOf(webhookUser)).put("TYPE_ID", "CLIENT")
                    .put("SOURCE_ID", "").put("OPENED", "Y").putNull("COMPANY_ID")
                    .put("DATE_CREATE", now).put("DATE_MODIFY", now).put("CREATED_BY_ID", String.valueOf(webhookUser));
            apply(contact, fields);
            contacts.put(id, contact);
        }
        events.accept("ONCRMCONTACTADD", id);
        return id;
    }

    /**
     * {@code crm.contact.update}: a multi-field item with an {@code ID} overwrites that item, with {@code DELETE: "Y"}
     * or an empty value removes it, without an {@code ID} adds one ({@code crm-contact-update.md}).
     */
    public void updateContact(int id, JsonNode fields) {
        synchronized (this) {
            ObjectNode contact = contacts.get(id);
            if (contact == null) {
                throw ApiError.notFound();
            }
            apply(contact, fields);
            contact.put("DATE_MODIFY", Dates.format(clock.now()));
        }
        events.accept("ONCRMCONTACTUPDATE", id);
    }

    public void deleteContact(int id) {
        synchronized (this) {
            if (contacts.remove(id) == null) {
                throw ApiError.notFound();
            }
        }
        events.accept("ONCRMCONTACTDELETE", id);
    }

    /** {@code crm.contact.get}: every field, multi-fields included. */
    public synchronized ObjectNode contact(int id) {
        ObjectNode contact = contacts.get(id);
        if (contact == null) {
            throw ApiError.notFound();
        }
        return contact.deepCopy();
    }

    /** Every contact, oldest first. */
    public synchronized List<ObjectNode> contacts() {
        return copies(contacts);
    }

    /**
     * {@code crm.duplicate.findbycomm}: the communications index compares e-mails without case and phones by their
     * digits, ignoring an extension, so {@code +7 (916) 123-45-67} and {@code 79161234567} are the same number.
     */
    synchronized List<Integer> findByCommunication(String type, List<String> values) {
        List<Integer> found = new ArrayList<>();
        for (ObjectNode contact : contacts.values()) {
            for (JsonNode item : contact.path(type)) {
                String stored = indexed(type, item.path("VALUE").asText());
                if (values.stream().anyMatch(value -> indexed(type, value).equals(stored) && !stored.isEmpty())) {
                    found.add(Integer.valueOf(contact.get("ID").asText()));
                    break;
                }
            }
        }
        return found;
    }

    private static String indexed(String type, String value) {
        if (type.equals("EMAIL")) {
            return value.strip().toLowerCase(Locale.ROOT);
        }
        String number = value.split("(?i)[a-zа-я#,;]", 2)[0];
        return number.replaceAll("\\D", "");
    }

    private void apply(ObjectNode contact, JsonNode fields) {
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (MULTI_FIELDS.contains(name)) {
                applyMultiField(contact, name, value);
            } else if (CONTACT_FIELDS.contains(name)) {
                contact.put(name, value.isNull() ? null : value.asText());
            } else if (name.startsWith("UF_CRM_")) {
                contact.set(name, value.isArray() ? value.deepCopy() : JSON.textNode(value.asText()));
            }
        }
        contact.put("HAS_EMAIL", contact.path("EMAIL").isEmpty() ? "N" : "Y");
        contact.put("HAS_PHONE", contact.path("PHONE").isEmpty() ? "N" : "Y");
    }

    private void applyMultiField(ObjectNode contact, String type, JsonNode items) {
        if (!items.isArray()) {
            throw ApiError.invalidField(type);
        }
        ArrayNode stored = contact.has(type) ? (ArrayNode) contact.get(type) : JSON.arrayNode();
        for (JsonNode item : items) {
            String value = item.path("VALUE").asText("").strip();
            if (item.hasNonNull("ID")) {
                String itemId = item.get("ID").asText();
                for (int i = 0; i < stored.size(); i++) {
                    if (stored.get(i).path("ID").asText().equals(itemId)) {
                        if (value.isEmpty() || item.path("DELETE").asText().equals("Y")) {
                            stored.remove(i);
                        } else {
                            ((ObjectNode) stored.get(i)).put("VALUE", value)
                                    .put("VALUE_TYPE", item.path("VALUE_TYPE").asText(stored.get(i).path("VALUE_TYPE").asText()));
                        }
                        break;
                    }
                }
            } else if (!value.isEmpty()) {
                stored.add(JSON.objectNode().put("ID", String.valueOf(nextMultiField++))
                        .put("VALUE_TYPE", item.path("VALUE_TYPE").asText("WORK")).put("VALUE", value).put("TYPE_ID", type));
            }
        }
        if (stored.isEmpty()) {
            contact.remove(type);
        } else {
            contact.set(type, stored);
        }
    }

    // --- timeline ---

    /** {@code crm.timeline.comment.add} on a contact. */
    synchronized int addComment(int contactId, String text) {
        if (!contacts.containsKey(contactId)) {
            throw new ApiError(400, "OWNER_NOT_FOUND", "Owner entity not found");
        }
        int id = nextComment++;
        comments.put(id, JSON.objectNode().put("ID", String.valueOf(id)).put("ENTITY_ID", String.valueOf(contactId))
                .put("ENTITY_TYPE", "contact").put("CREATED", Dates.format(clock.now())).put("COMMENT", text)
                .put("AUTHOR_ID", String.valueOf(webhookUser)).set("FILES", JSON.objectNode()));
        return id;
    }

    /** The timeline comments of one contact, oldest first. */
    public synchronized List<ObjectNode> comments(int contactId) {
        return copies(comments).stream().filter(c -> c.get("ENTITY_ID").asText().equals(String.valueOf(contactId))
                && c.get("ENTITY_TYPE").asText().equals("contact")).toList();
    }

    /** {@code crm.activity.add}: the fields as given, numbers kept as strings like every answer. */
    synchronized int addActivity(ObjectNode fields) {
        int id = nextActivity++;
        ObjectNode activity = JSON.objectNode().put("ID", String.valueOf(id));
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            activity.set(field.getKey(), field.getValue().isValueNode() ? JSON.textNode(field.getValue().asText())
                    : field.getValue().deepCopy());
        }
        activity.put("CREATED", Dates.format(clock.now()));
        activities.put(id, activity);
        return id;
    }

    synchronized boolean hasContact(int id) {
        return contacts.containsKey(id);
    }

    /** Every activity, in the order they were added. */
    public synchronized List<ObjectNode> activities() {
        return copies(activities);
    }

    private static List<ObjectNode> copies(Map<Integer, ObjectNode> rows) {
        return rows.values().stream().map(ObjectNode::deepCopy).toList();
    }
}

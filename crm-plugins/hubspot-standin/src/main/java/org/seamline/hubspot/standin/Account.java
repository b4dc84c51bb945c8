package org.seamline.hubspot.standin;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One HubSpot account's CRM data: records of every type with their history (the search index shows each record as
 * it was {@link #searchLag} ago), associations, owners and the custom properties an admin created. Writes through
 * the API go through the checks HubSpot applies (unknown or read-only properties, unique values, the e-mail
 * conflict); the public methods without {@code api} in their name change data behind the API's back, as a user in
 * HubSpot's UI or an import would.
 */
public final class Account {

    /** A contact changed: for the webhook sender. */
    public record ContactEvent(String subscriptionType, String objectId, String propertyName, String propertyValue) {
    }

    private final StandInClock clock;
    private final String phoneRegion;
    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<String, Map<String, List<StoredObject>>> records = new HashMap<>();
    private final List<Association> associations = new ArrayList<>();
    private final Map<String, Owner> owners = new LinkedHashMap<>();
    private final Map<String, Set<String>> customProperties = new HashMap<>();
    private final Map<String, Set<String>> uniqueProperties = new HashMap<>();
    private final List<Consumer<ContactEvent>> listeners = new CopyOnWriteArrayList<>();
    private Duration searchLag = Duration.ZERO;

    Account(StandInClock clock, String phoneRegion) {
        this.clock = clock;
        this.phoneRegion = phoneRegion;
        uniqueProperties.put(ObjectTypes.CONTACTS, new HashSet<>(Set.of("email")));
    }

    // ---- set-up and changes behind the API ----

    /** A custom property as an admin creates it in settings; {@code unique} = "require unique values". */
    public synchronized void defineProperty(String type, String name, boolean unique) {
        requireType(type);
        customProperties.computeIfAbsent(type, t -> new HashSet<>()).add(name);
        if (unique) {
            uniqueProperties.computeIfAbsent(type, t -> new HashSet<>()).add(name);
        }
    }

    /** How long a write takes to show in search; zero (the default) shows it at once. */
    public synchronized void searchLag(Duration lag) {
        this.searchLag = lag;
    }

    public synchronized Owner addOwner(String firstName, String lastName, String email) {
        String id = String.valueOf(ids.incrementAndGet());
        Owner owner = new Owner(id, email, firstName, lastName, ids.incrementAndGet());
        owners.put(id, owner);
        return owner;
    }

    /** The owner of that name, added the first time it is named. */
    public synchronized Owner owner(String firstName, String lastName) {
        return owners.values().stream()
                .filter(o -> o.firstName().equals(firstName) && Objects.equals(o.lastName(), lastName)).findFirst()
                .orElseGet(() -> addOwner(firstName, lastName, null));
    }

    Optional<Owner> ownerById(String id) {
        synchronized (this) {
            return Optional.ofNullable(owners.get(id));
        }
    }

    /** A record made without the API's checks (an import, a sync): duplicates of an e-mail are possible. */
    public synchronized String create(String type, Map<String, String> properties) {
        requireType(type);
        String id = String.valueOf(ids.incrementAndGet());
        Instant now = clock.now();
        Map<String, String> values = new HashMap<>();
        properties.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                values.put(k, v);
            }
        });
        values.put("hs_object_id", id);
        values.put(ObjectTypes.createdProperty(type), now.toString());
        values.put(ObjectTypes.modifiedProperty(type), now.toString());
        calculate(type, values);
        records.computeIfAbsent(type, t -> new LinkedHashMap<>())
                .put(id, new ArrayList<>(List.of(new StoredObject(type, id, values, now, now, false))));
        if (type.equals(ObjectTypes.CONTACTS)) {
            fire(new ContactEvent("contact.creation", id, null, null));
        }
        return id;
    }

    /** Changes properties (an empty value clears one), as a user in HubSpot does. */
    public synchronized StoredObject update(String type, String id, Map<String, String> properties) {
        StoredObject current = current(type, id).orElseThrow(ApiError::notFound);
        Map<String, String> values = new HashMap<>(current.properties());
        properties.forEach((k, v) -> {
            if (v == null || v.isEmpty()) {
                values.remove(k);
            } else {
                values.put(k, v);
            }
        });
        Instant now = later(current.updatedAt());
        values.put(ObjectTypes.modifiedProperty(type), now.toString());
        calculate(type, values);
        StoredObject next = new StoredObject(type, id, values, current.createdAt(), now, false);
        records.get(type).get(id).add(next);
        if (type.equals(ObjectTypes.CONTACTS)) {
            properties.forEach((k, v) -> fire(new ContactEvent("contact.propertyChange", id, k, v)));
        }
        return next;
    }

    public synchronized void archive(String type, String id) {
        StoredObject current = current(type, id).orElseThrow(ApiError::notFound);
        Instant now = later(current.updatedAt());
        records.get(type).get(id).add(new StoredObject(type, id, current.properties(), current.createdAt(), now, true));
        if (type.equals(ObjectTypes.CONTACTS)) {
            fire(new ContactEvent("contact.deletion", id, null, null));
        }
    }

    public synchronized void associate(String fromType, String fromId, String toType, String toId, int typeId) {
        current(fromType, fromId).orElseThrow(ApiError::notFound);
        current(toType, toId).orElseThrow(ApiError::notFound);
        associations.add(new Association(fromType, fromId, toType, toId, typeId));
        Integer back = ObjectTypes.associationType(toType, fromType);
        if (back != null) {
            associations.add(new Association(toType, toId, fromType, fromId, back));
        }
    }

    /** The record as it is now; empty when it never existed or is archived. */
    public synchronized Optional<StoredObject> current(String type, String id) {
        List<StoredObject> history = records.getOrDefault(type, Map.of()).get(id);
        if (history == null) {
            return Optional.empty();
        }
        StoredObject last = history.get(history.size() - 1);
        return last.archived() ? Optional.empty() : Optional.of(last);
    }

    /** Every live record of a type, oldest first. */
    public synchronized List<StoredObject> all(String type) {
        List<StoredObject> all = new ArrayList<>();
        for (String id : records.getOrDefault(type, Map.of()).keySet()) {
            current(type, id).ifPresent(all::add);
        }
        return all;
    }

    /** The live records of {@code toType} associated from this record. */
    public synchronized List<StoredObject> associated(String fromType, String fromId, String toType) {
        List<StoredObject> found = new ArrayList<>();
        for (Association a : associationsOf(fromType, fromId, toType)) {
            current(toType, a.toId()).filter(o -> !found.contains(o)).ifPresent(found::add);
        }
        return found;
    }

    /** The associations from this record to records of {@code toType}, with their type ids. */
    public synchronized List<Association> associationsOf(String fromType, String fromId, String toType) {
        return associations.stream().filter(a -> a.fromType().equals(fromType) && a.fromId().equals(fromId)
                && a.toType().equals(toType)).toList();
    }

    public void onContactEvent(Consumer<ContactEvent> listener) {
        listeners.add(listener);
    }

    // ---- the API's checks ----

    synchronized StoredObject apiGet(String type, String idOrValue, String idProperty) {
        requireType(type);
        if (idProperty == null || idProperty.equals("hs_object_id")) {
            return current(type, idOrValue).orElseThrow(ApiError::notFound);
        }
        if (!uniqueProperties.getOrDefault(type, Set.of()).contains(idProperty)) {
            throw ApiError.validation("Property '" + idProperty + "' is not a unique identifier property");
        }
        return byUnique(type, idProperty, idOrValue).orElseThrow(ApiError::notFound);
    }

    synchronized StoredObject apiCreate(String type, Map<String, String> properties, List<Association> links) {
        requireType(type);
        checkWritable(type, properties);
        checkRequired(type, properties);
        checkUnique(type, properties, null);
        for (Association link : links) {
            if (!ObjectTypes.validAssociation(type, link.toType(), link.typeId())) {
                throw ApiError.validation("association type id " + link.typeId() + " is not valid from " + type
                        + " to " + link.toType());
            }
            if (current(link.toType(), link.toId()).isEmpty()) {
                throw ApiError.validation("association target " + link.toType() + " " + link.toId() + " does not exist");
            }
        }
        String id = create(type, properties);
        for (Association link : links) {
            associate(type, id, link.toType(), link.toId(), link.typeId());
        }
        return current(type, id).orElseThrow();
    }

    synchronized StoredObject apiUpdate(String type, String id, String idProperty, Map<String, String> properties) {
        StoredObject current = apiGet(type, id, idProperty);
        checkWritable(type, properties);
        checkUnique(type, properties, current.id());
        return update(type, current.id(), properties);
    }

    /** What search sees: each record as it was {@link #searchLag} ago, archived ones left out. */
    synchronized List<StoredObject> indexed(String type) {
        requireType(type);
        Instant visibleUntil = clock.now().minus(searchLag);
        List<StoredObject> visible = new ArrayList<>();
        for (List<StoredObject> history : records.getOrDefault(type, Map.of()).values()) {
            StoredObject seen = null;
            for (StoredObject version : history) {
                if (!version.updatedAt().isAfter(visibleUntil)) {
                    seen = version;
                }
            }
            if (seen != null && !seen.archived()) {
                visible.add(seen);
            }
        }
        return visible;
    }

    synchronized boolean hasProperty(String type, String name) {
        return ObjectTypes.builtIn(type, name) || customProperties.getOrDefault(type, Set.of()).contains(name);
    }

    private void checkWritable(String type, Map<String, String> properties) {
        List<String> unknown = properties.keySet().stream().filter(p -> !hasProperty(type, p)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ApiError.validation("Property values were not valid: property " + unknown + " does not exist");
        }
        List<String> readOnly = properties.keySet().stream().filter(ObjectTypes.READ_ONLY::contains).sorted().toList();
        if (!readOnly.isEmpty()) {
            throw ApiError.validation("Property values were not valid: " + readOnly + " is read only");
        }
        if (type.equals("communications")) {
            String channel = properties.get("hs_communication_channel_type");
            if (channel != null && !Set.of("WHATS_APP", "SMS", "LINKEDIN_MESSAGE").contains(channel)) {
                throw ApiError.validation("hs_communication_channel_type must be WHATS_APP, SMS or LINKEDIN_MESSAGE");
            }
        }
    }

    private static void checkRequired(String type, Map<String, String> properties) {
        if (ObjectTypes.ENGAGEMENTS.contains(type) && blank(properties.get("hs_timestamp"))) {
            throw ApiError.validation("hs_timestamp is required");
        }
        if (type.equals("communications") && (blank(properties.get("hs_communication_channel_type"))
                || !"CRM".equals(properties.get("hs_communication_logged_from")))) {
            throw ApiError.validation("hs_communication_channel_type and hs_communication_logged_from=CRM are required");
        }
    }

    /** HubSpot's e-mail conflict also covers secondary addresses; custom unique properties conflict the same way. */
    private void checkUnique(String type, Map<String, String> properties, String self) {
        for (String property : uniqueProperties.getOrDefault(type, Set.of())) {
            String value = properties.get(property);
            if (blank(value)) {
                continue;
            }
            Optional<StoredObject> holder = byUnique(type, property, value)
                    .or(() -> property.equals("email") ? byAdditionalEmail(value) : Optional.empty())
                    .filter(o -> !o.id().equals(self));
            if (holder.isPresent()) {
                String what = type.equals(ObjectTypes.CONTACTS) ? "Contact" : "Object";
                throw new ApiError(409, "CONFLICT", what + " already exists. Existing ID: " + holder.get().id());
            }
        }
    }

    private Optional<StoredObject> byUnique(String type, String property, String value) {
        return all(type).stream().filter(o -> value.equalsIgnoreCase(o.property(property))).findFirst();
    }

    private Optional<StoredObject> byAdditionalEmail(String email) {
        return all(ObjectTypes.CONTACTS).stream().filter(o -> items(o.property("hs_additional_emails")).stream()
                .anyMatch(email::equalsIgnoreCase)).findFirst();
    }

    /** HubSpot's searchable phone numbers: the national number, without the country code or formatting. */
    private void calculate(String type, Map<String, String> values) {
        if (!type.equals(ObjectTypes.CONTACTS)) {
            return;
        }
        calculated(values.get("phone")).ifPresentOrElse(
                n -> values.put("hs_searchable_calculated_phone_number", n),
                () -> values.remove("hs_searchable_calculated_phone_number"));
        calculated(values.get("mobilephone")).ifPresentOrElse(
                n -> values.put("hs_searchable_calculated_mobile_number", n),
                () -> values.remove("hs_searchable_calculated_mobile_number"));
    }

    private Optional<String> calculated(String phone) {
        if (blank(phone)) {
            return Optional.empty();
        }
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            return Optional.of(util.getNationalSignificantNumber(util.parse(phone, phoneRegion)));
        } catch (NumberParseException e) {
            return Optional.of(phone.replaceAll("\\D", ""));
        }
    }

    /** Two writes in the same millisecond still get increasing modification times, as an index needs. */
    private Instant later(Instant previous) {
        Instant now = clock.now();
        return now.isAfter(previous) ? now : previous.plusMillis(1);
    }

    private void fire(ContactEvent event) {
        listeners.forEach(l -> l.accept(event));
    }

    private static void requireType(String type) {
        if (!ObjectTypes.known(type)) {
            throw new ApiError(400, "VALIDATION_ERROR", "Unable to infer object type from: " + type);
        }
    }

    static List<String> items(String value) {
        if (blank(value)) {
            return List.of();
        }
        return List.of(value.split(";")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}

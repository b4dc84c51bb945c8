package org.seamline.hubspot.standin;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The object types the stand-in serves, their built-in properties, what a read answers without {@code properties},
 * and the HUBSPOT_DEFINED association type ids between them (docs: associations overview, each activity's guide).
 */
final class ObjectTypes {

    static final String CONTACTS = "contacts";
    static final String COMPANIES = "companies";
    static final List<String> ENGAGEMENTS = List.of("notes", "calls", "emails", "communications");

    /** Properties HubSpot computes; a write naming them is refused. */
    static final Set<String> READ_ONLY = Set.of("hs_object_id", "createdate", "lastmodifieddate", "hs_createdate",
            "hs_lastmodifieddate", "hs_searchable_calculated_phone_number", "hs_searchable_calculated_mobile_number");

    private static final Set<String> COMMON = Set.of("hs_object_id", "hubspot_owner_id");
    private static final Map<String, Set<String>> BUILT_IN = Map.of(
            CONTACTS, Set.of("email", "firstname", "lastname", "phone", "mobilephone", "hs_additional_emails",
                    "lifecyclestage", "hs_lead_status", "company", "associatedcompanyid", "hs_whatsapp_phone_number",
                    "createdate", "lastmodifieddate", "hs_searchable_calculated_phone_number",
                    "hs_searchable_calculated_mobile_number"),
            COMPANIES, Set.of("name", "domain", "hs_createdate", "hs_lastmodifieddate"),
            "notes", Set.of("hs_timestamp", "hs_note_body", "hs_createdate", "hs_lastmodifieddate"),
            "calls", Set.of("hs_timestamp", "hs_call_title", "hs_call_body", "hs_call_direction", "hs_call_duration",
                    "hs_call_from_number", "hs_call_to_number", "hs_call_status", "hs_call_recording_url",
                    "hs_createdate", "hs_lastmodifieddate"),
            "emails", Set.of("hs_timestamp", "hs_email_direction", "hs_email_status", "hs_email_subject",
                    "hs_email_text", "hs_email_html", "hs_email_headers", "hs_createdate", "hs_lastmodifieddate"),
            "communications", Set.of("hs_timestamp", "hs_communication_channel_type", "hs_communication_logged_from",
                    "hs_communication_body", "hs_createdate", "hs_lastmodifieddate"));

    /** Properties whose value is a semicolon-separated list: EQ and IN match any one item. */
    static final Set<String> MULTI_VALUED = Set.of("hs_additional_emails");

    /** type → (to type → default HUBSPOT_DEFINED association type id). */
    private static final Map<String, Map<String, Integer>> ASSOCIATION_TYPES = Map.of(
            CONTACTS, Map.of(COMPANIES, 279, "notes", 201, "calls", 193, "emails", 197, "communications", 82),
            COMPANIES, Map.of(CONTACTS, 280),
            "notes", Map.of(CONTACTS, 202),
            "calls", Map.of(CONTACTS, 194),
            "emails", Map.of(CONTACTS, 198),
            "communications", Map.of(CONTACTS, 81));

    /** Contact → company "primary" in addition to the unlabeled one. */
    static final int CONTACT_TO_COMPANY_PRIMARY = 1;

    private ObjectTypes() {
    }

    static boolean known(String type) {
        return BUILT_IN.containsKey(type);
    }

    static boolean builtIn(String type, String property) {
        return COMMON.contains(property) || BUILT_IN.get(type).contains(property);
    }

    static List<String> defaultProperties(String type) {
        return type.equals(CONTACTS)
                ? List.of("createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname")
                : List.of("hs_createdate", "hs_lastmodifieddate", "hs_object_id");
    }

    static String createdProperty(String type) {
        return type.equals(CONTACTS) ? "createdate" : "hs_createdate";
    }

    static String modifiedProperty(String type) {
        return type.equals(CONTACTS) ? "lastmodifieddate" : "hs_lastmodifieddate";
    }

    /** The default type id from one type to another, or null when HubSpot defines none. */
    static Integer associationType(String from, String to) {
        return ASSOCIATION_TYPES.getOrDefault(from, Map.of()).get(to);
    }

    static boolean validAssociation(String from, String to, int typeId) {
        Integer type = associationType(from, to);
        return type != null && type == typeId
                || from.equals(CONTACTS) && to.equals(COMPANIES) && typeId == CONTACT_TO_COMPANY_PRIMARY;
    }

    /** {@code contacts} → {@code contact}, as in association labels such as {@code note_to_contact}. */
    static String singular(String type) {
        return switch (type) {
            case COMPANIES -> "company";
            case "communications" -> "communication";
            default -> type.substring(0, type.length() - 1);
        };
    }
}

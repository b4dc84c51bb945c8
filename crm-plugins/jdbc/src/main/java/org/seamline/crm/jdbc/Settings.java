package org.seamline.crm.jdbc;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.seamline.api.plugin.PluginInstances;

/**
 * A configuration checked for completeness, before the database is asked whether its tables and columns exist
 * ({@link MappedSchema}). Names are kept as written; blank optional settings become null or empty lists.
 */
record Settings(String jdbcUrl, String username, String password, String table, String idColumn, String nameColumn,
                String ownerColumn, String segmentColumn, String tagsColumn, String updatedAtColumn,
                List<String> emailColumns, List<String> phoneColumns, ContactTable contactTable,
                String defaultRegion, Duration pollInterval, ActivityTable activityTable) {

    /** The child table of contact mechanisms: one row per email or phone of a customer. */
    record ContactTable(String table, String keyColumn, String typeColumn, String valueColumn, List<String> emailTypes,
                        List<String> phoneTypes) {
    }

    /** Where interactions are written back; optional columns are null. */
    record ActivityTable(String table, String contactColumn, String interactionColumn, String kindColumn,
                         String directionColumn, String atColumn, String subjectColumn, String bodyColumn) {
    }

    static Settings from(JdbcCrmConfiguration config) {
        String url = required(config.jdbcUrl(), "jdbcUrl");
        if (!url.startsWith("jdbc:postgresql:")) {
            // The distribution carries the PostgreSQL driver only, and the phone search uses its regexp_replace.
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql:");
        }
        String password = optional(config.password()) == null ? null
                : PluginInstances.resolvedSecret(config.password(), "password");
        String region = required(config.defaultRegion(), "defaultRegion").toUpperCase();
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("defaultRegion '" + region + "' is not a known ISO country code");
        }
        if (config.pollIntervalSeconds() < 1) {
            throw new IllegalArgumentException("pollIntervalSeconds must be at least 1");
        }
        ContactTable contacts = contactTable(config);
        List<String> emailColumns = list(config.emailColumns());
        List<String> phoneColumns = list(config.phoneColumns());
        if (contacts != null && !(emailColumns.isEmpty() && phoneColumns.isEmpty())) {
            throw new IllegalArgumentException("set either contactTable or emailColumns/phoneColumns, not both");
        }
        if (contacts == null && emailColumns.isEmpty() && phoneColumns.isEmpty()) {
            throw new IllegalArgumentException("set emailColumns and/or phoneColumns, or a contactTable");
        }
        return new Settings(url, optional(config.username()), password, required(config.table(), "table"),
                required(config.idColumn(), "idColumn"), optional(config.nameColumn()), optional(config.ownerColumn()),
                optional(config.segmentColumn()), optional(config.tagsColumn()),
                required(config.updatedAtColumn(), "updatedAtColumn"), emailColumns, phoneColumns, contacts, region,
                Duration.ofSeconds(config.pollIntervalSeconds()), activityTable(config));
    }

    /** Whether the connector may write: only with an activity table configured. */
    boolean writeBack() {
        return activityTable != null;
    }

    private static ContactTable contactTable(JdbcCrmConfiguration config) {
        String table = optional(config.contactTable());
        if (table == null) {
            return null;
        }
        List<String> emailTypes = list(config.emailTypes());
        List<String> phoneTypes = list(config.phoneTypes());
        if (emailTypes.isEmpty() && phoneTypes.isEmpty()) {
            throw new IllegalArgumentException("contactTable needs emailTypes and/or phoneTypes");
        }
        return new ContactTable(table, required(config.contactKeyColumn(), "contactKeyColumn"),
                required(config.contactTypeColumn(), "contactTypeColumn"),
                required(config.contactValueColumn(), "contactValueColumn"), emailTypes, phoneTypes);
    }

    private static ActivityTable activityTable(JdbcCrmConfiguration config) {
        String table = optional(config.activityTable());
        if (table == null) {
            return null;
        }
        return new ActivityTable(table, required(config.activityContactColumn(), "activityContactColumn"),
                required(config.activityInteractionColumn(), "activityInteractionColumn"),
                required(config.activityKindColumn(), "activityKindColumn"), optional(config.activityDirectionColumn()),
                required(config.activityAtColumn(), "activityAtColumn"), optional(config.activitySubjectColumn()),
                required(config.activityBodyColumn(), "activityBodyColumn"));
    }

    private static String required(String value, String setting) {
        String v = optional(value);
        if (v == null) {
            throw new IllegalArgumentException(setting + " is required");
        }
        return v;
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> list(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}

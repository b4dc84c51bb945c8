package org.seamline.crm.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seamline.api.crm.CrmConnector;
import org.seamline.crm.contract.CrmFixture;

/**
 * A customer database in a real PostgreSQL, in one of the two layouts the connector maps, and the connector
 * configured against it with write-back. Changes "in the CRM" are plain SQL, as another application would make them.
 */
final class JdbcFixture implements CrmFixture {

    enum Layout {
        /** Emails and phones as columns of the customer table; tags a text array; updated-at with a time zone. */
        COLUMNS,
        /** Tryton's party tables: one row per contact mechanism; tags as text; write date without a time zone. */
        CHILD_TABLE
    }

    private static final String COLUMNS_SCHEMA = """
            CREATE TABLE customers (
              id bigserial PRIMARY KEY,
              full_name text,
              manager text,
              segment text,
              tags text[],
              email text, email2 text,
              phone text, mobile text,
              updated_at timestamptz NOT NULL DEFAULT clock_timestamp());
            CREATE TABLE crm_activity (
              id bigserial PRIMARY KEY,
              customer_id bigint NOT NULL REFERENCES customers(id),
              kind text NOT NULL, direction text, occurred_at timestamptz NOT NULL,
              subject text, body text NOT NULL,
              interaction_id text NOT NULL UNIQUE);
            """;

    private static final String CHILD_TABLE_SCHEMA = """
            CREATE TABLE party_party (
              id serial PRIMARY KEY,
              name varchar NOT NULL DEFAULT '',
              responsible varchar,
              category varchar,
              labels varchar,
              write_date timestamp NOT NULL DEFAULT clock_timestamp());
            CREATE TABLE party_contact_mechanism (
              id serial PRIMARY KEY,
              party integer NOT NULL REFERENCES party_party(id),
              type varchar NOT NULL,
              value varchar NOT NULL);
            CREATE TABLE party_activity (
              id serial PRIMARY KEY,
              party integer NOT NULL REFERENCES party_party(id),
              kind varchar NOT NULL, occurred timestamp NOT NULL, body text NOT NULL,
              origin varchar NOT NULL UNIQUE);
            """;

    final Layout layout;
    final String url;
    private final JdbcCrm connector;

    private JdbcFixture(Layout layout, String url, JdbcCrm connector) {
        this.layout = layout;
        this.url = url;
        this.connector = connector;
    }

    /** A fresh database in this layout, with the connector configured as {@link #settings} says, plus {@code overrides}. */
    static JdbcFixture create(Layout layout, Map<String, ?> overrides) throws Exception {
        String url = TestPostgres.newDatabase();
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute(layout == Layout.COLUMNS ? COLUMNS_SCHEMA : CHILD_TABLE_SCHEMA);
        }
        Map<String, Object> config = settings(layout, url);
        config.putAll(overrides);
        return new JdbcFixture(layout, url, JdbcCrm.open("test", Settings.from(Configs.of(config))));
    }

    static JdbcFixture create(Layout layout) throws Exception {
        return create(layout, Map.of());
    }

    /** The configuration an admin would write for this layout, with write-back. */
    static Map<String, Object> settings(Layout layout, String url) {
        Map<String, Object> config = new HashMap<>();
        config.put("jdbcUrl", url);
        config.put("username", "postgres");
        config.put("pollIntervalSeconds", 30);
        if (layout == Layout.COLUMNS) {
            config.putAll(Map.of("table", "customers", "idColumn", "id", "nameColumn", "full_name",
                    "ownerColumn", "manager", "segmentColumn", "segment", "tagsColumn", "tags",
                    "updatedAtColumn", "updated_at", "emailColumns", "email, email2", "phoneColumns", "phone,mobile"));
            config.putAll(Map.of("activityTable", "crm_activity", "activityContactColumn", "customer_id",
                    "activityInteractionColumn", "interaction_id", "activityKindColumn", "kind",
                    "activityDirectionColumn", "direction", "activityAtColumn", "occurred_at",
                    "activitySubjectColumn", "subject", "activityBodyColumn", "body"));
        } else {
            config.putAll(Map.of("table", "public.party_party", "idColumn", "id", "nameColumn", "name",
                    "ownerColumn", "responsible", "segmentColumn", "category", "tagsColumn", "labels",
                    "updatedAtColumn", "write_date"));
            config.putAll(Map.of("contactTable", "party_contact_mechanism", "contactKeyColumn", "party",
                    "contactTypeColumn", "type", "contactValueColumn", "value", "emailTypes", "email",
                    "phoneTypes", "phone, mobile"));
            config.putAll(Map.of("activityTable", "party_activity", "activityContactColumn", "party",
                    "activityInteractionColumn", "origin", "activityKindColumn", "kind",
                    "activityAtColumn", "occurred", "activityBodyColumn", "body"));
        }
        return config;
    }

    @Override
    public CrmConnector connector() {
        return connector;
    }

    JdbcCrm jdbcCrm() {
        return connector;
    }

    @Override
    public String createContact(String name, List<String> emails, List<String> phones, String owner, List<String> tags)
            throws SQLException {
        try (Connection c = TestPostgres.connect(url)) {
            if (layout == Layout.COLUMNS) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO customers (full_name, manager, tags, email,"
                        + " email2, phone, mobile) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                    ps.setString(1, name);
                    ps.setString(2, owner);
                    ps.setArray(3, c.createArrayOf("text", tags.toArray()));
                    ps.setString(4, emails.size() > 0 ? emails.get(0) : null);
                    ps.setString(5, emails.size() > 1 ? emails.get(1) : null);
                    ps.setString(6, phones.size() > 0 ? phones.get(0) : null);
                    ps.setString(7, phones.size() > 1 ? phones.get(1) : null);
                    return single(ps);
                }
            }
            String id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO party_party (name, responsible, labels) VALUES (?, ?, ?) RETURNING id")) {
                ps.setString(1, name);
                ps.setString(2, owner);
                ps.setString(3, String.join("; ", tags));
                id = single(ps);
            }
            for (String email : emails) {
                addMechanism(c, id, "email", email);
            }
            for (String phone : phones) {
                addMechanism(c, id, "mobile", phone);
            }
            return id;
        }
    }

    void addMechanism(Connection c, String partyId, String type, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO party_contact_mechanism (party, type, value) VALUES (?, ?, ?)")) {
            ps.setInt(1, Integer.parseInt(partyId));
            ps.setString(2, type);
            ps.setString(3, value);
            ps.executeUpdate();
        }
    }

    @Override
    public void changeContact(String contactId, String owner, List<String> tags) throws SQLException {
        try (Connection c = TestPostgres.connect(url)) {
            String sql = layout == Layout.COLUMNS
                    ? "UPDATE customers SET manager = ?, tags = ?, updated_at = clock_timestamp() WHERE id = ?"
                    : "UPDATE party_party SET responsible = ?, labels = ?, write_date = clock_timestamp() WHERE id = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, owner);
                if (layout == Layout.COLUMNS) {
                    ps.setArray(2, c.createArrayOf("text", tags.toArray()));
                } else {
                    ps.setString(2, String.join(",", tags));
                }
                ps.setLong(3, Long.parseLong(contactId));
                ps.executeUpdate();
            }
        }
    }

    @Override
    public boolean setSegment(String contactId, String segment) throws SQLException {
        execute(layout == Layout.COLUMNS ? "UPDATE customers SET segment = ? WHERE id = ?"
                : "UPDATE party_party SET category = ? WHERE id = ?", segment, Long.parseLong(contactId));
        return true;
    }

    @Override
    public List<String> loggedInteractions(String contactId) throws SQLException {
        String sql = layout == Layout.COLUMNS ? "SELECT interaction_id FROM crm_activity WHERE customer_id = ?"
                : "SELECT origin FROM party_activity WHERE party = ?";
        try (Connection c = TestPostgres.connect(url); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, Long.parseLong(contactId));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /** A database has no rate limit. */
    @Override
    public boolean rateLimitNext(int calls) {
        return false;
    }

    /** Outages are tested by {@code JdbcCrmTest} against a server that goes away, not call by call. */
    @Override
    public boolean failNext(int calls) {
        return false;
    }

    void execute(String sql, Object... values) throws SQLException {
        try (Connection c = TestPostgres.connect(url); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i] instanceof List<?> list ? c.createArrayOf("text", list.toArray()) : values[i]);
            }
            ps.execute();
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void close() {
        connector.close();
    }
}

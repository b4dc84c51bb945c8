package org.seamline.crm.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.seamline.api.crm.ContactDraft;
import org.seamline.api.crm.CrmContact;

/**
 * Creates and updates customers (write-back only). A create first looks for a customer with one of the draft's
 * emails or phones and answers that one instead (the conflict rule of the SPI); it runs SERIALIZABLE, so two
 * creates of the same new person at once cannot both insert: PostgreSQL fails one of them, which is then retried
 * and finds the other's row.
 */
final class ContactWriter {

    private static final int ATTEMPTS = 3;
    /**
     * The time of the write itself, not of the transaction's start (CURRENT_TIMESTAMP): the change feed skips a row
     * committed with a time older than one it already handed over, so the stamp should be as late as possible.
     */
    private static final String NOW = "clock_timestamp()";

    private final MappedSchema schema;
    private final Mechanisms mechanisms;
    private final Contacts contacts;
    private final Phones phones;

    ContactWriter(MappedSchema schema, Mechanisms mechanisms, Contacts contacts, Phones phones) {
        this.schema = schema;
        this.mechanisms = mechanisms;
        this.contacts = contacts;
        this.phones = phones;
    }

    /** The updated contact, empty when {@code contactId} names none. */
    Optional<CrmContact> update(Connection connection, ContactDraft draft) throws SQLException {
        Optional<Object> key = schema.key(draft.contactId());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        connection.setAutoCommit(false);
        try {
            // Touching updated-at also locks the row, so concurrent updates of one customer take turns.
            boolean named = schema.name() != null && draft.name() != null;
            String set = schema.updatedAt().quoted() + " = " + NOW + (named ? ", " + schema.name().quoted() + " = ?" : "");
            try (PreparedStatement ps = connection.prepareStatement("UPDATE " + schema.customers().quoted() + " SET " + set
                    + " WHERE " + schema.id().quoted() + " = ?")) {
                int i = 1;
                if (named) {
                    ps.setString(i++, draft.name());
                }
                ps.setObject(i, key.get());
                if (ps.executeUpdate() == 0) {
                    connection.rollback();
                    return Optional.empty();
                }
            }
            mechanisms.add(connection, key.get(), draft.emails(), draft.phones(), phones);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        return contacts.profile(connection, draft.contactId());
    }

    CrmContact create(Connection connection, ContactDraft draft) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        for (int attempt = 1; ; attempt++) {
            try {
                CrmContact contact = createOnce(connection, draft);
                connection.commit();
                return contact;
            } catch (SQLException e) {
                connection.rollback();
                if (!SqlErrors.isSerializationFailure(e) || attempt == ATTEMPTS) {
                    throw e;
                }
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private CrmContact createOnce(Connection connection, ContactDraft draft) throws SQLException {
        Optional<CrmContact> existing = existing(connection, draft);
        if (existing.isPresent()) {
            return existing.get();
        }
        boolean named = schema.name() != null && draft.name() != null;
        String sql = "INSERT INTO " + schema.customers().quoted() + " (" + (named ? schema.name().quoted() + ", " : "")
                + schema.updatedAt().quoted() + ") VALUES (" + (named ? "?, " : "") + NOW + ")";
        String id;
        try (PreparedStatement ps = connection.prepareStatement(sql, new String[] {schema.id().name()})) {
            if (named) {
                ps.setString(1, draft.name());
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the insert answered no id: the id column needs a default", "23502");
                }
                id = keys.getString(1);
            }
        }
        Object key = schema.key(id).orElseThrow();
        mechanisms.add(connection, key, draft.emails(), draft.phones(), phones);
        return contacts.profile(connection, id).orElseThrow();
    }

    private Optional<CrmContact> existing(Connection connection, ContactDraft draft) throws SQLException {
        for (String email : draft.emails()) {
            List<CrmContact> found = contacts.byEmail(connection, email);
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
        }
        for (String phone : draft.phones()) {
            Optional<String> e164 = phones.e164(phone);
            List<CrmContact> found = e164.isEmpty() ? List.of() : contacts.byPhone(connection, e164.get());
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }
}

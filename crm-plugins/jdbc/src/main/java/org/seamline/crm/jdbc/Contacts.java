package org.seamline.crm.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.seamline.api.crm.CrmContact;
import org.seamline.crm.jdbc.Catalog.Column;

/** Reads customers: lookup by email and phone, and the profile of one. */
final class Contacts {

    private final MappedSchema schema;
    private final Mechanisms mechanisms;
    private final Phones phones;

    Contacts(MappedSchema schema, Mechanisms mechanisms, Phones phones) {
        this.schema = schema;
        this.mechanisms = mechanisms;
        this.phones = phones;
    }

    List<CrmContact> byEmail(Connection connection, String email) throws SQLException {
        return load(connection, mechanisms.idsByEmail(connection, email.trim().toLowerCase()));
    }

    List<CrmContact> byPhone(Connection connection, String e164) throws SQLException {
        Optional<String> digits = Phones.searchSuffix(e164);
        Optional<String> wanted = phones.e164(e164);
        if (digits.isEmpty() || wanted.isEmpty()) {
            return List.of();
        }
        // The suffix only narrows: 8 (916) 123-45-67 and +1 916 123 4567 both end in 9161234567.
        Set<String> ids = mechanisms.byPhoneDigits(connection, digits.get()).stream()
                .filter(c -> phones.e164(c.storedPhone()).equals(wanted))
                .map(Mechanisms.Candidate::contactId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return load(connection, new ArrayList<>(ids));
    }

    Optional<CrmContact> profile(Connection connection, String contactId) throws SQLException {
        Optional<Object> key = schema.key(contactId);
        return key.isEmpty() ? Optional.empty() : read(connection, key.get());
    }

    private List<CrmContact> load(Connection connection, List<String> ids) throws SQLException {
        List<CrmContact> contacts = new ArrayList<>();
        for (String id : ids) {
            profile(connection, id).ifPresent(contacts::add);
        }
        return contacts;
    }

    private Optional<CrmContact> read(Connection connection, Object key) throws SQLException {
        List<Column> columns = Stream.of(schema.id(), schema.name(), schema.owner(), schema.segment(), schema.tags(),
                schema.updatedAt()).filter(Objects::nonNull).toList();
        String select = columns.stream().map(Column::quoted).collect(Collectors.joining(", "));
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + select + " FROM " + schema.customers().quoted()
                + " WHERE " + schema.id().quoted() + " = ?")) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Mechanisms.Stored stored = mechanisms.of(connection, key);
                Timestamp updated = rs.getTimestamp(schema.updatedAt().name());
                return Optional.of(new CrmContact(rs.getString(schema.id().name()), text(rs, schema.name()),
                        stored.emails(), stored.phones().stream().map(phones::display).distinct().toList(),
                        text(rs, schema.owner()), null, text(rs, schema.segment()), tags(rs), null,
                        updated == null ? null : updated.toInstant()));
            }
        }
    }

    private static String text(ResultSet rs, Column column) throws SQLException {
        return column == null ? null : rs.getString(column.name());
    }

    /** A text array, or text separated by commas or semicolons. */
    private List<String> tags(ResultSet rs) throws SQLException {
        if (schema.tags() == null) {
            return List.of();
        }
        Object value = rs.getObject(schema.tags().name());
        Stream<String> tags;
        if (value instanceof Array array) {
            tags = Arrays.stream((Object[]) array.getArray()).filter(Objects::nonNull).map(Object::toString);
        } else {
            tags = value == null ? Stream.empty() : Arrays.stream(value.toString().split("[,;]"));
        }
        return tags.map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
    }
}

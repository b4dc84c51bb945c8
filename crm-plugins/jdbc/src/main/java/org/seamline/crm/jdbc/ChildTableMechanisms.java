package org.seamline.crm.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.seamline.crm.jdbc.MappedSchema.Contacts;

/**
 * Emails and phones as rows of a child table, one per contact mechanism, told apart by a type column (Tryton's
 * {@code party_contact_mechanism}: type {@code email}, {@code phone}, {@code mobile}, …).
 */
final class ChildTableMechanisms implements Mechanisms {

    private final Contacts contacts;
    private final List<String> emailTypes;
    private final List<String> phoneTypes;

    ChildTableMechanisms(Contacts contacts, Settings.ContactTable settings) {
        this.contacts = contacts;
        this.emailTypes = settings.emailTypes();
        this.phoneTypes = settings.phoneTypes();
    }

    @Override
    public List<String> idsByEmail(Connection connection, String lowerCaseEmail) throws SQLException {
        if (emailTypes.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT DISTINCT " + contacts.key().quoted() + " FROM "
                + contacts.table().quoted() + " WHERE " + typeIn(emailTypes) + " AND lower(" + contacts.value().quoted()
                + ") = ? ORDER BY " + contacts.key().quoted())) {
            int i = bindTypes(ps, emailTypes);
            ps.setString(i, lowerCaseEmail);
            return Rows.strings(ps);
        }
    }

    @Override
    public List<Candidate> byPhoneDigits(Connection connection, String digits) throws SQLException {
        if (phoneTypes.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + contacts.key().quoted() + ", "
                + contacts.value().quoted() + " FROM " + contacts.table().quoted() + " WHERE " + typeIn(phoneTypes)
                + " AND " + Mechanisms.digitsOf(contacts.value().quoted()) + " LIKE ?")) {
            int i = bindTypes(ps, phoneTypes);
            ps.setString(i, Mechanisms.endingWith(digits));
            return Rows.candidates(ps);
        }
    }

    @Override
    public Stored of(Connection connection, Object key) throws SQLException {
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + contacts.type().quoted() + ", "
                + contacts.value().quoted() + " FROM " + contacts.table().quoted() + " WHERE " + contacts.key().quoted()
                + " = ?")) {
            ps.setMaxRows(MAX_ROWS);
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(1);
                    String value = rs.getString(2);
                    if (value == null || value.isBlank()) {
                        continue;
                    }
                    if (emailTypes.contains(type)) {
                        emails.add(value);
                    } else if (phoneTypes.contains(type)) {
                        phones.add(value);
                    }
                }
            }
        }
        Collections.sort(emails);
        Collections.sort(phones);
        return new Stored(emails, phones);
    }

    @Override
    public void add(Connection connection, Object key, List<String> emails, List<String> phones, Phones normaliser)
            throws SQLException {
        Stored stored = of(connection, key);
        List<String[]> rows = new ArrayList<>();
        if (!emailTypes.isEmpty()) {
            emails.stream().filter(e -> stored.emails().stream().noneMatch(e::equalsIgnoreCase)).distinct()
                    .forEach(e -> rows.add(new String[] {emailTypes.get(0), e}));
        }
        if (!phoneTypes.isEmpty()) {
            phones.stream().filter(p -> stored.phones().stream()
                            .noneMatch(s -> normaliser.display(s).equals(normaliser.display(p)))).distinct()
                    .forEach(p -> rows.add(new String[] {phoneTypes.get(0), p}));
        }
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + contacts.table().quoted() + " ("
                + contacts.key().quoted() + ", " + contacts.type().quoted() + ", " + contacts.value().quoted()
                + ") VALUES (?, ?, ?)")) {
            for (String[] row : rows) {
                ps.setObject(1, key);
                ps.setString(2, row[0]);
                ps.setString(3, row[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private String typeIn(List<String> types) {
        return contacts.type().quoted() + " IN (" + String.join(", ", Collections.nCopies(types.size(), "?")) + ")";
    }

    private static int bindTypes(PreparedStatement ps, List<String> types) throws SQLException {
        int i = 1;
        for (String type : types) {
            ps.setString(i++, type);
        }
        return i;
    }
}

package org.seamline.crm.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where a customer's emails and phones live: columns of the customer table, or rows of a child table. Queries match
 * emails case-insensitively and phones by the digits their stored form ends with (see {@link Phones}).
 */
interface Mechanisms {

    /** A customer whose stored phone may be the one searched for, to be confirmed with libphonenumber. */
    record Candidate(String contactId, String storedPhone) {
    }

    record Stored(List<String> emails, List<String> phones) {
    }

    /** At most this many rows are read for one lookup: a lookup answers a handful of duplicates, not a table. */
    int MAX_ROWS = 100;

    List<String> idsByEmail(Connection connection, String lowerCaseEmail) throws SQLException;

    /** Candidates whose stored phone, stripped to its digits, ends with {@code digits}. */
    List<Candidate> byPhoneDigits(Connection connection, String digits) throws SQLException;

    Stored of(Connection connection, Object key) throws SQLException;

    /** Adds the emails and phones the customer does not have yet (write-back only). */
    void add(Connection connection, Object key, List<String> emails, List<String> phones, Phones normaliser)
            throws SQLException;

    /** The SQL expression for a column's digits; a pg_trgm index on exactly this expression makes the search fast. */
    static String digitsOf(String quotedColumn) {
        return "regexp_replace(" + quotedColumn + ", '[^0-9]', '', 'g')";
    }

    /** A LIKE pattern for values ending with these digits; digits need no escaping. */
    static String endingWith(String digits) {
        return "%" + digits;
    }
}

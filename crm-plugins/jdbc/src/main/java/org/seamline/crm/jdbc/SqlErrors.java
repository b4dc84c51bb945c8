package org.seamline.crm.jdbc;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;

/**
 * A database failure as the platform's error kinds. The message names the operation and the SQLSTATE only: the
 * driver's own message quotes the values of a refused row (an email, a phone), which must not reach the logs, so
 * the SQLException is not kept as the cause either.
 */
final class SqlErrors {

    private SqlErrors() {
    }

    static CrmException of(String operation, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return new CrmException(kind(e, state), "JDBC " + operation + " failed (SQLSTATE " + (state.isEmpty() ? "none" : state) + ")");
    }

    static Kind kind(SQLException e, String state) {
        if (e instanceof SQLTransientException) {
            return Kind.TRANSIENT; // the pool's timeout waiting for a connection, among others
        }
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.equals("40001")
                || state.equals("40P01")) {
            return Kind.TRANSIENT; // connection lost, out of resources, shut down or timed out, serialization or deadlock
        }
        if (state.startsWith("28") || state.equals("42501") || state.equals("25006")) {
            return Kind.AUTH_INVALID; // bad password, a missing grant, a write on a read-only connection
        }
        if (state.startsWith("23") || state.startsWith("22")) {
            return Kind.VALIDATION; // a constraint or a value the table refuses
        }
        return Kind.UNKNOWN;
    }

    static boolean isSerializationFailure(SQLException e) {
        return "40001".equals(e.getSQLState());
    }

    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}

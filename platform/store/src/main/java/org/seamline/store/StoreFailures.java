package org.seamline.store;

import java.sql.SQLException;

/**
 * What a failure may say in a log, an error body or a stored reason: its kind and SQLState, never its message. H2 and
 * PostgreSQL quote the refused value in their messages (a too long name, a duplicate key), which may be personal data.
 */
public final class StoreFailures {

    private static final String UNIQUE_VIOLATION = "23505";

    private StoreFailures() {
    }

    /** A row with the same key exists (SQLState 23505, on H2 and PostgreSQL): someone else wrote it first. */
    public static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /**
     * {@code JdbcSQLDataException (SQLState 22001)}; any other failure by its class and where it was thrown (a bug's
     * address), with its SQL cause's kind if it has one.
     */
    public static String describe(Throwable failure) {
        String kind = failure.getClass().getSimpleName();
        if (failure instanceof SQLException sql) {
            return kind + " (SQLState " + sql.getSQLState() + ")";
        }
        StackTraceElement[] trace = failure.getStackTrace();
        String described = trace.length == 0 ? kind : kind + " at " + trace[0];
        for (Throwable cause = failure.getCause(); cause != null && cause != failure; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return described + " caused by " + describe(cause);
            }
        }
        return described;
    }
}

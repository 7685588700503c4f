package org.mymoviedb.data;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Which failures mean "the database is not there" rather than "this statement went wrong". */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /**
     * A lost or refused connection (SQLSTATE class 08), a server shutting down or starting (57P01..57P03), or the
     * pool's timeout waiting for a connection, anywhere in the cause chain.
     */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            String state = t instanceof SQLException sql ? sql.getSQLState()
                    : t instanceof org.jooq.exception.DataAccessException db ? db.sqlState() : null;
            if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                    || state.equals("57P03"))) {
                return true;
            }
        }
        return false;
    }
}

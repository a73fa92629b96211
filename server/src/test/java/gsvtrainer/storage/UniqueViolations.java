package gsvtrainer.storage;

import java.sql.SQLException;

/** Whether an exception is a unique-constraint violation, whatever the database. */
final class UniqueViolations {

    private UniqueViolations() {
    }

    static boolean of(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("23505".equals(sql.getSQLState())
                    || String.valueOf(sql.getMessage()).contains("UNIQUE constraint failed"))) {
                return true;
            }
        }
        return false;
    }
}

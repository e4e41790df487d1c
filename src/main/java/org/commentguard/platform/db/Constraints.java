package org.commentguard.platform.db;

import java.sql.SQLException;

/** Recognises database constraint failures that mean "someone else got there first". */
public final class Constraints {

    private static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {}

    /** Whether {@code e} (or a cause) is a unique-constraint violation. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve
                    && cve.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
        }
        return false;
    }
}

package org.mymoviedb.history;

/** The kinds of write history records. */
public enum AuditAction {
    CREATE, UPDATE, DELETE
}

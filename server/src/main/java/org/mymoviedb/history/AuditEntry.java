package org.mymoviedb.history;

import java.time.OffsetDateTime;
import java.util.List;

/** One write, as history keeps it. */
public record AuditEntry(long id, OffsetDateTime at, String username, AuditAction action, String entityType,
                         long entityId, String entityLabel, List<FieldChange> changes) {

    /** One changed field; before and after are JSON values as plain Java (String, Number, List...; null). */
    public record FieldChange(String field, Object before, Object after) {
    }
}

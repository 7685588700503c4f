package org.mymoviedb.admin.api;

import java.util.List;

/** One write to a movie: who, when, and each field's value before and after (JSON text). */
public record HistoryEntry(String at, String username, String action, List<FieldChange> changes) {

    /** One field's change; before and after are JSON text, null when absent. */
    public record FieldChange(String field, String before, String after) {
    }
}

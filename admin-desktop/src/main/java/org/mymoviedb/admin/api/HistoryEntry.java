package org.mymoviedb.admin.api;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** One write to a movie: who, when, and each field's value before and after (JSON text). */
public record HistoryEntry(String at, String username, String action, List<FieldChange> changes) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** When it happened, in this computer's time zone, to the minute: how every screen shows it. */
    public String when() {
        return OffsetDateTime.parse(at).atZoneSameInstant(ZoneId.systemDefault()).format(WHEN);
    }

    /** Whether this write changed {@code field} (a MovieUpdateInput name such as "rating"). */
    public boolean changed(String field) {
        return changes.stream().anyMatch(change -> change.field().equals(field));
    }

    /** One field's change; before and after are JSON text, null when absent. */
    public record FieldChange(String field, String before, String after) {
    }
}

package org.mymoviedb.admin.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One write to a movie: who, when, and each field's value before and after (as JSON text, for showing). */
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

    /** One field's change; before and after are JSON text ({@code 75}, {@code "Kagemusha"}), null when none. */
    public record FieldChange(String field, String before, String after) {

        /**
         * Read from the answer, whose before and after are JSON values (the JSON scalar): the one place that turns
         * them into the compact JSON text the screens show.
         */
        @JsonCreator
        static FieldChange fromAnswer(@JsonProperty("field") String field, @JsonProperty("before") JsonNode before,
                                      @JsonProperty("after") JsonNode after) {
            return new FieldChange(field, text(before), text(after));
        }

        private static String text(JsonNode value) {
            return value == null || value.isNull() || value.isMissingNode() ? null : value.toString();
        }
    }
}

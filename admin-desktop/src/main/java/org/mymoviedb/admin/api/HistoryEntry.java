package org.mymoviedb.admin.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * One write: who, when, to what, and each field's value before and after. A movie's own history leaves the
 * entity fields null; the audit log fills them in ({@code entityType} MOVIE, GENRE, PERSON or USER).
 */
public record HistoryEntry(String at, String username, String action, String entityType, String entityId,
                           String entityLabel, List<FieldChange> changes) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** When it happened, in this computer's time zone, to the minute: how every screen shows it. */
    public String when() {
        return OffsetDateTime.parse(at).atZoneSameInstant(ZoneId.systemDefault()).format(WHEN);
    }

    /** Whether this write changed {@code field} (a MovieUpdateInput name such as "rating"). */
    public boolean changed(String field) {
        return changes.stream().anyMatch(change -> change.field().equals(field));
    }

    /** One field's change; before and after are JSON values, a JSON null when there was none. */
    public record FieldChange(String field, JsonNode before, JsonNode after) {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        /** As the server sends it: the one place that reads {@code before}/{@code after} off the wire. */
        @JsonCreator
        public static FieldChange fromWire(@JsonProperty("field") String field, @JsonProperty("before") JsonNode before,
                                           @JsonProperty("after") JsonNode after) {
            return new FieldChange(field, value(before), value(after));
        }

        /**
         * The JSON scalar's value as it arrived; a JSON null when there was none. A string holding JSON text (the
         * answer of a server from before the JSON scalar) is read as the value it writes.
         */
        private static JsonNode value(JsonNode node) {
            if (node == null || node.isNull()) {
                return NullNode.instance;
            }
            if (!node.isString()) {
                return node;
            }
            try {
                return JSON.readTree(node.asString());
            } catch (JacksonException e) {
                return node; // plain text, not JSON text: show it as it is
            }
        }
    }
}

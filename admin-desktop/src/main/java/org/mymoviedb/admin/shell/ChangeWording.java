package org.mymoviedb.admin.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.mymoviedb.admin.api.HistoryEntry;
import tools.jackson.databind.JsonNode;

/**
 * History in words, for the audit log and a movie's history alike: "Runtime: empty → 117 min", genres and
 * directors as names, dates as dates, ratings as numbers; never the JSON the server recorded. The one place
 * that knows how each recorded field reads.
 */
public final class ChangeWording {

    /** How a field is named on screen; fields not listed get their name split at capitals. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("title", "Title"), Map.entry("releaseDate", "Release date"), Map.entry("rating", "Rating"),
            Map.entry("runtimeMinutes", "Runtime"), Map.entry("genres", "Genres"),
            Map.entry("directors", "Directors"), Map.entry("name", "Name"), Map.entry("username", "Username"),
            Map.entry("role", "Role"), Map.entry("password", "Password"), Map.entry("mergedInto", "Merged into"));
    /** Free text, quoted so that a title of spaces or one reading "empty" is still told apart. */
    private static final List<String> QUOTED = List.of("title", "name", "username");
    static final String EMPTY = "empty";

    private ChangeWording() {
    }

    /** Every change of {@code entry}, one per line. */
    public static String changes(HistoryEntry entry) {
        return entry.changes().stream().map(ChangeWording::change).collect(Collectors.joining("\n"));
    }

    /** "Rating: 80 → 85". */
    public static String change(HistoryEntry.FieldChange change) {
        return label(change.field()) + ": " + value(change.field(), change.before()) + " → "
                + value(change.field(), change.after());
    }

    public static String label(String field) {
        String known = LABELS.get(field);
        if (known != null) {
            return known;
        }
        String words = field.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? field : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** One recorded value of {@code field} as a person reads it. */
    public static String value(String field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode() || (value.isArray() && value.isEmpty())) {
            return EMPTY;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isObject() && item.has("name") ? item.get("name").asString()
                    : value(field, item)));
            return String.join(", ", items);
        }
        if (value.isObject()) {
            List<String> parts = new ArrayList<>();
            value.properties().forEach(p -> parts.add(label(p.getKey()) + " " + value(p.getKey(), p.getValue())));
            return String.join(", ", parts);
        }
        if (value.isNumber()) {
            String number = value.numberValue().toString();
            return field.equals("runtimeMinutes") ? number + " min" : number;
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "yes" : "no";
        }
        String text = value.asString();
        if (field.equals("role")) {
            return text.toLowerCase(Locale.ROOT);
        }
        return QUOTED.contains(field) ? "“" + text + "”" : text;
    }

    /** "movie" → "Movie", for the entity column. */
    public static String entityType(String type) {
        return type == null || type.isEmpty() ? "" : Character.toUpperCase(type.charAt(0)) + type.substring(1)
                .toLowerCase(Locale.ROOT);
    }
}

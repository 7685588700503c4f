package org.mymoviedb.graphql.fetching;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.base.Keyset;
import org.mymoviedb.base.StorableText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Opaque cursors: a row's keyset position, tagged with the ordering it belongs to, as base64url JSON. A cursor
 * from another ordering, or one we never handed out, is INVALID_CURSOR. Every list encodes and decodes here.
 */
public final class Cursors {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** The dates we write (years 0001 to 9999, no sign): PostgreSQL takes every one of them. */
    private static final Pattern HANDED_OUT_DATE = Pattern.compile("(?!0000)\\d{4}-\\d{2}-\\d{2}");
    /** The instants we write (a handed-out date, a time to the microsecond PostgreSQL keeps, an offset). */
    private static final Pattern HANDED_OUT_INSTANT = Pattern.compile(
            "(?!0000)\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:\\d{2})");

    private Cursors() {
    }

    /** Encodes {@code position} (strings, dates, instants, whole numbers) for the ordering {@code ordering}. */
    public static String encode(String ordering, Keyset position) {
        ArrayNode array = JSON.createArrayNode();
        array.add(ordering);
        for (Object value : position.values()) {
            if (value instanceof Number n) {
                array.add(n.longValue());
            } else {
                array.add(value.toString());
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(array));
    }

    /**
     * The position inside {@code cursor}, which must belong to {@code ordering} and hold one value of each of
     * {@code types} (String, LocalDate, OffsetDateTime, Integer or Long), in order.
     */
    public static Keyset decode(String cursor, String ordering, List<Class<?>> types) {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)));
            if (node instanceof ArrayNode array && array.size() == types.size() + 1
                    && ordering.equals(array.get(0).asString(null))) {
                List<Object> values = new ArrayList<>(types.size());
                for (int i = 0; i < types.size(); i++) {
                    values.add(typed(array.get(i + 1), types.get(i)));
                }
                return new Keyset(values);
            }
        } catch (IllegalArgumentException | JacksonException | DateTimeParseException e) {
            // not base64, not JSON, or a value of the wrong type: the same answer as a cursor of the wrong shape
        }
        throw invalid();
    }

    private static Object typed(JsonNode node, Class<?> type) {
        if (type == String.class && node.isString() && StorableText.isStorable(node.asString())) {
            return node.asString();
        } else if (type == LocalDate.class && node.isString() && HANDED_OUT_DATE.matcher(node.asString()).matches()) {
            return LocalDate.parse(node.asString());
        } else if (type == OffsetDateTime.class && node.isString()
                && HANDED_OUT_INSTANT.matcher(node.asString()).matches()) {
            return OffsetDateTime.parse(node.asString());
        } else if (type == Integer.class && node.isIntegralNumber() && node.canConvertToInt()) {
            return node.asInt();
        } else if (type == Long.class && node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        throw new IllegalArgumentException("a " + type.getSimpleName() + " was expected");
    }

    private static ApiException invalid() {
        return new ApiException(ErrorCode.INVALID_CURSOR,
                "This cursor is not valid for this list and ordering; start again without one");
    }
}

package org.mymoviedb.graphql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Opaque cursors: the sort key of a row, tagged with the ordering it belongs to, as base64url JSON. A cursor from
 * another ordering, or one we never handed out, is INVALID_CURSOR.
 */
public final class Cursors {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Cursors() {
    }

    /** Encodes {@code key} (strings and numbers) for the ordering named {@code ordering}. */
    public static String encode(String ordering, List<?> key) {
        ArrayNode array = JSON.createArrayNode();
        array.add(ordering);
        for (Object value : key) {
            if (value instanceof Number n) {
                array.add(n.longValue());
            } else {
                array.add(value.toString());
            }
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSON.writeValueAsBytes(array));
    }

    /** The key inside {@code cursor}, which must belong to {@code ordering} and hold {@code size} values. */
    public static List<JsonNode> decode(String cursor, String ordering, int size) {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)));
            if (node instanceof ArrayNode array && array.size() == size + 1
                    && ordering.equals(array.get(0).asString(null))) {
                List<JsonNode> key = new ArrayList<>(size);
                for (int i = 1; i <= size; i++) {
                    key.add(array.get(i));
                }
                return key;
            }
        } catch (IllegalArgumentException | JacksonException e) {
            // not base64 or not JSON: the same answer as a cursor of the wrong shape
        }
        throw invalid();
    }

    public static ApiException invalid() {
        return new ApiException(ErrorCode.INVALID_CURSOR,
                "This cursor is not valid for this list and ordering; start again without one");
    }
}

package org.mymoviedb.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mymoviedb.base.ErrorCode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The messages of graphql-transport-ws, read from a client's text and written as the bytes of the server's. */
final class WebSocketMessages {

    /** One message a client sent: its {@code type}, {@code id} (or null) and {@code payload} (or null). */
    record Received(String type, String id, JsonNode payload) {
    }

    /** A message that breaks the protocol; the socket closes with 4400 and this reason. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private WebSocketMessages() {
    }

    /** Reads a client's message; throws {@link Invalid} unless it is a JSON object with a string {@code type}. */
    static Received read(String text) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new Invalid("Invalid message: not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("Invalid message: not a JSON object");
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isString()) {
            throw new Invalid("Invalid message: no 'type'");
        }
        JsonNode id = root.get("id");
        if (id != null && !id.isNull() && !id.isString()) {
            throw new Invalid("Invalid message: 'id' must be a string");
        }
        JsonNode payload = root.get("payload");
        if (payload != null && !payload.isNull() && !payload.isObject()) {
            throw new Invalid("Invalid message: 'payload' must be an object");
        }
        return new Received(type.asString(), id == null || id.isNull() ? null : id.asString(),
                payload == null || payload.isNull() ? null : payload);
    }

    /** The operation id a {@code subscribe} or {@code complete} needs. */
    static String requireId(Received message) {
        if (message.id() == null || message.id().isEmpty()) {
            throw new Invalid("Invalid message: '" + message.type() + "' needs an 'id'");
        }
        return message.id();
    }

    static byte[] connectionAck() {
        return bytes(Map.of("type", "connection_ack"));
    }

    static byte[] pong(JsonNode payload) {
        return payload == null ? bytes(Map.of("type", "pong")) : bytes(Map.of("type", "pong", "payload", payload));
    }

    static byte[] next(String id, Map<String, Object> result) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("type", "next");
        message.put("payload", result);
        return bytes(message);
    }

    /** A {@code next} message for a subscription's event, around the event's JSON written once for every subscriber. */
    static byte[] next(String id, org.mymoviedb.live.LiveMessage event) {
        return ("{\"id\":" + Json.MAPPER.writeValueAsString(id) + ",\"type\":\"next\",\"payload\":"
                + event.payloadJson(Json.MAPPER::writeValueAsString) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** An {@code error} message: the payload is the list of GraphQL errors of {@code result}. */
    static byte[] error(String id, Map<String, Object> result) {
        Object errors = result.get("errors");
        return bytes(Map.of("id", id, "type", "error", "payload", errors instanceof List<?> list ? list : List.of()));
    }

    /** An {@code error} message with one error of {@code code}. */
    static byte[] error(String id, ErrorCode code, String message) {
        return error(id, org.mymoviedb.graphql.ResponseErrors.requestError(code, message));
    }

    static byte[] complete(String id) {
        return bytes(Map.of("id", id, "type", "complete"));
    }

    /**
     * A close reason: RFC 6455 allows 123 bytes of UTF-8, so a longer one is cut at a character boundary.
     */
    static String reason(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= 123) {
            return text;
        }
        int end = 123;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Object message) {
        return Json.MAPPER.writeValueAsBytes(message);
    }
}

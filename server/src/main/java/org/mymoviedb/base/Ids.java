package org.mymoviedb.base;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Our IDs. The API hands out global ids, opaque to clients: base64url, unpadded, of {@code Type:databaseId}
 * ("Movie:123" is {@code TW92aWU6MTIz}), so one id names one object across every type (Relay's node(id)). Every
 * ID argument also takes the plain positive database id in decimal, which clients stored before global ids.
 */
public final class Ids {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Ids() {
    }

    /** What a global id names. */
    public record GlobalId(NodeType type, long databaseId) {
    }

    /** The global id of {@code type}'s row {@code databaseId}. */
    public static String global(NodeType type, long databaseId) {
        return ENCODER.encodeToString((type.typeName() + ":" + databaseId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The database id behind a client's ID for {@code type}: its global id or a legacy decimal, else INVALID_ID. */
    public static long parse(Object id, NodeType type) {
        String text = text(id);
        Long legacy = positive(text);
        if (legacy != null) {
            return legacy;
        }
        GlobalId global = decode(text);
        if (global.type() != type) {
            throw new ApiException(ErrorCode.INVALID_ID,
                    "'" + abbreviate(text) + "' is the ID of a " + global.type().typeName() + ", not of a "
                            + type.typeName());
        }
        return global.databaseId();
    }

    /** What a global id names, else INVALID_ID (a plain number names no type, so it is invalid here). */
    public static GlobalId parseGlobal(Object id) {
        return decode(text(id));
    }

    private static GlobalId decode(String text) {
        String decoded = null;
        // Only the alphabet we write: Java's decoder would also take padding, which would give one object two ids.
        if (!text.isEmpty() && text.chars().allMatch(Ids::urlSafe)) {
            try {
                decoded = new String(DECODER.decode(text), StandardCharsets.US_ASCII);
            } catch (IllegalArgumentException notBase64) {
                // falls through to the client-facing error
            }
        }
        int colon = decoded == null ? -1 : decoded.indexOf(':');
        if (colon > 0) {
            NodeType type = NodeType.named(decoded.substring(0, colon));
            Long databaseId = positive(decoded.substring(colon + 1));
            // Re-encoding must give the same text (no sign, leading zero or stray bits): one id per object.
            if (type != null && databaseId != null && global(type, databaseId).equals(text)) {
                return new GlobalId(type, databaseId);
            }
        }
        throw new ApiException(ErrorCode.INVALID_ID, "'" + abbreviate(text) + "' is not a valid ID");
    }

    private static boolean urlSafe(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    private static String text(Object id) {
        return id == null ? "" : id.toString().trim();
    }

    /** A positive decimal, as Long.parseLong reads it (what legacy IDs always were), or null. */
    private static Long positive(String text) {
        try {
            long value = Long.parseLong(text);
            return value > 0 ? value : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}

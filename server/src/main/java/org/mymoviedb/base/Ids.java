package org.mymoviedb.base;

/** Our IDs are the database ids as decimal strings. */
public final class Ids {

    private Ids() {
    }

    /** The database id behind a client's ID, or INVALID_ID. */
    public static long parse(Object id) {
        String text = id == null ? "" : id.toString().trim();
        try {
            long value = Long.parseLong(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the client-facing error
        }
        throw new ApiException(ErrorCode.INVALID_ID, "'" + abbreviate(text) + "' is not a valid ID");
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}

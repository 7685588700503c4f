package org.mymoviedb.base;

/**
 * What text PostgreSQL can store as it was sent: no NUL (U+0000, which a UTF-8 {@code text} cannot hold) and no
 * unpaired UTF-16 surrogate (the driver would write it as "?"). Every string the API takes is held to this.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code text} cannot be stored as sent, or null when it can (null text included). */
    public static String problem(CharSequence text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "contains a NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase() + "), which is not Unicode text";
            }
        }
        return null;
    }

    public static boolean isStorable(CharSequence text) {
        return problem(text) == null;
    }
}

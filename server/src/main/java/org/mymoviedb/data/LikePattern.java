package org.mymoviedb.data;

/** LIKE patterns built from user text, whose own % and _ match only themselves (escape character: backslash). */
public final class LikePattern {

    public static final char ESCAPE = '\\';

    private LikePattern() {
    }

    /** Matches any value containing {@code text}. */
    public static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}

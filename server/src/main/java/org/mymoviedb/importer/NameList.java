package org.mymoviedb.importer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mymoviedb.names.NameRules;

/** Cleans up names of genres and people as files spell them. */
final class NameList {

    private NameList() {}

    /**
     * The names in a comma-separated list ("Action, Crime" and "Crime,Drama" name the same Crime), trimmed,
     * inner whitespace collapsed, blanks dropped, as every write cleans names ({@link NameRules}). Spellings that
     * differ only by case stay: the database decides they are one entry, and the write keeps it once.
     */
    static List<String> commaSeparated(String list) {
        return separated(list, ",");
    }

    /** The names in a list split at {@code separator} (a literal), cleaned as {@link #commaSeparated} cleans. */
    static List<String> separated(String list, String separator) {
        return list == null ? List.of() : distinct(List.of(list.split(java.util.regex.Pattern.quote(separator))));
    }

    /** A single name, or none when blank. */
    static List<String> single(String name) {
        return name == null ? List.of() : distinct(List.of(name));
    }

    private static List<String> distinct(List<String> names) {
        Set<String> kept = new LinkedHashSet<>();
        for (String name : names) {
            String clean = NameRules.normalise(name);
            if (!clean.isEmpty()) {
                kept.add(clean);
            }
        }
        return List.copyOf(kept);
    }
}

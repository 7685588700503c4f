package org.mymoviedb.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Cleans up names of genres and people as files spell them. */
final class NameList {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private NameList() {}

    /**
     * The names in a comma-separated list ("Action, Crime" and "Crime,Drama" name the same Crime), trimmed,
     * inner whitespace collapsed, blanks dropped, the first spelling kept where two differ only by case.
     */
    static List<String> commaSeparated(String list) {
        return list == null ? List.of() : distinct(List.of(list.split(",")));
    }

    /** A single name, or none when blank. */
    static List<String> single(String name) {
        return name == null ? List.of() : distinct(List.of(name));
    }

    private static List<String> distinct(List<String> names) {
        List<String> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            String clean = WHITESPACE.matcher(name.strip()).replaceAll(" ");
            if (!clean.isEmpty() && seen.add(clean.toLowerCase(Locale.ROOT))) {
                kept.add(clean);
            }
        }
        return kept;
    }
}

package org.mymoviedb.graphql;

import java.util.List;
import java.util.Map;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.base.StorableText;

/**
 * Refuses, before anything runs, a request whose strings PostgreSQL could not store as sent ({@link StorableText}):
 * in any variable (names, titles, searches, sign-in, cursors) and anywhere in the document, as a raw character or
 * as a string literal's escape of NUL (backslash, u, four zeros). Either is BAD_USER_INPUT naming where the text is, like
 * variables of the wrong type, and nothing runs: no fetcher, no SQL.
 */
final class StorableInput {

    private StorableInput() {
    }

    /** Where a string that cannot be stored is, and what is wrong with it. */
    private record Unstorable(String path, String problem) {
    }

    /** The response refusing the request, or null when every string in it can be stored. */
    static Map<String, Object> refusal(String document, Map<String, Object> variables) {
        Unstorable found = variables == null ? null : inVariables(variables, "");
        String problem = null;
        if (found != null) {
            problem = "Variable '" + found.path().substring(1) + "' " + found.problem();
        } else if (document != null) {
            String inDocument = StorableText.problem(document);
            if (inDocument == null && hasNulEscape(document)) {
                inDocument = "contains the escape of a NUL character (\\u0000)";
            }
            problem = inDocument == null ? null : "The document " + inDocument;
        }
        return problem == null ? null : ResponseErrors.requestError(ErrorCode.BAD_USER_INPUT,
                problem + "; such text cannot be stored, send it without");
    }

    /** The first unstorable string, key or value, with its path ("." before each key or index), or null. */
    private static Unstorable inVariables(Object value, String path) {
        if (value instanceof CharSequence text) {
            String problem = StorableText.problem(text);
            return problem == null ? null : new Unstorable(path, problem);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String keyProblem = StorableText.problem(key);
                Unstorable found = keyProblem != null ? new Unstorable(path + "." + key, "has a name that " + keyProblem)
                        : inVariables(entry.getValue(), path + "." + key);
                if (found != null) {
                    return found;
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Unstorable found = inVariables(list.get(i), path + "." + i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Whether a string literal would decode to NUL: backslash-u then 0000, or {0} with any number of zeros. */
    private static boolean hasNulEscape(String document) {
        for (int i = document.indexOf("\\u"); i >= 0; i = document.indexOf("\\u", i + 2)) {
            if (document.startsWith("0000", i + 2)) {
                return true;
            }
            if (document.startsWith("{", i + 2)) {
                int j = i + 3;
                while (j < document.length() && document.charAt(j) == '0') {
                    j++;
                }
                if (j > i + 3 && j < document.length() && document.charAt(j) == '}') {
                    return true;
                }
            }
        }
        return false;
    }
}

package org.mymoviedb.names;

import java.text.Normalizer;
import org.mymoviedb.base.UserErrorsException;

/** Names of genres and people: trimmed, inner white space single, NFC-normalised, not blank, not too long. */
public final class NameRules {

    private NameRules() {
    }

    public static String normalise(String name) {
        return name == null ? "" : Normalizer.normalize(name.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
    }

    /** @throws UserErrorsException at {@code field} when the name is blank or too long */
    public static void check(String name, int maxLength, String field) {
        if (name.isEmpty()) {
            throw UserErrorsException.of("REQUIRED", "A name may not be blank", field);
        }
        if (name.length() > maxLength) {
            throw UserErrorsException.of("TOO_LONG", "A name has at most " + maxLength + " characters", field);
        }
    }
}

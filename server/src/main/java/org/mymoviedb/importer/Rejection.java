package org.mymoviedb.importer;

import java.util.Objects;

/**
 * A row that was not imported, and why.
 *
 * @param title the title as the file had it, or null when it had none
 * @param reason what is wrong, in words a person can act on
 */
public record Rejection(String label, String title, String reason) implements RowOutcome {

    public Rejection {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(reason, "reason");
    }

    /** One line for a log or the command line: {@code rejected row 17 "Title": reason}. */
    public String line() {
        String what = title == null ? "(no title)" : '"' + title + '"';
        return "rejected " + label + " " + what + ": " + reason;
    }
}

package org.mymoviedb.admin.api;

import java.util.List;

/**
 * The server's answer to a create or update: the movie, or userErrors. On CONFLICT, {@code current} is the
 * movie as it is now and {@code currentHistory} its latest writes, newest first (who changed what, and when).
 */
public record MovieSaved(Movie movie, Movie current, List<HistoryEntry> currentHistory, List<UserError> userErrors) {

    public boolean conflict() {
        return userErrors.stream().anyMatch(e -> e.code().equals("CONFLICT"));
    }
}

package org.mymoviedb.admin.api;

import java.util.List;

/** The server's answer to a create or update: the movie, or userErrors (with {@code current} on CONFLICT). */
public record MovieSaved(Movie movie, Movie current, List<UserError> userErrors) {

    public boolean conflict() {
        return userErrors.stream().anyMatch(e -> e.code().equals("CONFLICT"));
    }
}

package org.mymoviedb.admin.api;

import java.util.List;

/**
 * The answer to deleting several movies: the ids deleted, or none and the reasons; {@code changed} holds each
 * movie someone else saved since the list showed it, as it is now.
 */
public record MoviesDeleted(List<String> deletedIds, List<Movie> changed, List<UserError> userErrors) {

    /** Whether nothing was deleted because a listed movie changed in between. */
    public boolean conflict() {
        return userErrors.stream().anyMatch(e -> e.code().equals("CONFLICT"));
    }
}

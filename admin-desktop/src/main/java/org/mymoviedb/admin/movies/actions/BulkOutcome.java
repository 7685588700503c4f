package org.mymoviedb.admin.movies.actions;

import org.mymoviedb.admin.api.Movie;

/**
 * What a bulk edit came to for one movie: its title, what happened and in words why; {@code now} is the movie as
 * the server has it afterwards (null when it could not be read, e.g. deleted meanwhile).
 */
public record BulkOutcome(String title, Result result, String detail, Movie now) {

    /** How one movie's transaction ended. */
    public enum Result {
        CHANGED("Changed"),
        UNCHANGED("Unchanged"),
        CONFLICT("Conflict"),
        FAILED("Failed"),
        NOT_TRIED("Not tried");

        private final String label;

        Result(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One line of the summary: "Alien: Changed, added Drama". */
    public String line() {
        return title + ": " + result.label() + ", " + detail;
    }
}

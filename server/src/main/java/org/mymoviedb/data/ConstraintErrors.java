package org.mymoviedb.data;

import java.util.Map;
import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.mymoviedb.base.UserError;
import org.mymoviedb.rules.MovieViolation;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns a constraint the database enforced into the userError a client can act on, never a 500. */
public final class ConstraintErrors {

    private static final Map<String, UserError> BY_CONSTRAINT = Map.ofEntries(
            Map.entry("movie_identity_idx", UserError.of("DUPLICATE",
                    "There is already a movie with this title and release date", "input", "title")),
            // The movie table's CHECKs state the rule set's limits, so each answers as the rule it enforces.
            Map.entry("movie_title_not_blank", onInput(MovieViolation.TITLE_REQUIRED)),
            Map.entry("movie_title_length", onInput(MovieViolation.TITLE_TOO_LONG)),
            Map.entry("movie_release_date_range", onInput(MovieViolation.RELEASE_DATE_TOO_EARLY)),
            Map.entry("movie_rating_range", onInput(MovieViolation.RATING_OUT_OF_RANGE)),
            Map.entry("movie_runtime_range", onInput(MovieViolation.RUNTIME_OUT_OF_RANGE)),
            // Reached by renames; creates find the entry instead (see NameResolution).
            Map.entry("genre_name_key_idx", UserError.of("DUPLICATE", "There is already a genre of this name",
                    "name")),
            Map.entry("person_name_key_idx", UserError.of("DUPLICATE", "There is already a person of this name",
                    "name")),
            Map.entry("app_user_username_idx", UserError.of("DUPLICATE", "This username is taken",
                    "input", "username")),
            Map.entry("movie_genre_genre_id_fkey", UserError.of("IN_USE", "Movies still use this genre", "id")),
            Map.entry("movie_director_person_id_fkey", UserError.of("IN_USE", "Movies still credit this person",
                    "id")));

    private ConstraintErrors() {
    }

    /** The userError for a constraint violation, or empty if {@code e} is not one (a real failure). */
    public static Optional<UserError> of(DataAccessException e) {
        return violation(e).map(server -> {
            UserError known = server.getConstraint() == null ? null : BY_CONSTRAINT.get(server.getConstraint());
            return known != null ? known : UserError.of("VALIDATION",
                    "The database refused this change (" + server.getConstraint() + ")");
        });
    }

    /** The name of the constraint {@code e} violated, or empty if it is not a constraint violation. */
    public static Optional<String> constraintOf(DataAccessException e) {
        return violation(e).map(ServerErrorMessage::getConstraint);
    }

    private static Optional<ServerErrorMessage> violation(DataAccessException e) {
        PSQLException pg = e.getCause(PSQLException.class);
        ServerErrorMessage server = pg == null ? null : pg.getServerErrorMessage();
        if (server == null || server.getSQLState() == null || !server.getSQLState().startsWith("23")) {
            return Optional.empty();
        }
        return Optional.of(server);
    }

    /** As the movie mutations report the same violation: its code and message on ["input", field]. */
    private static UserError onInput(MovieViolation violation) {
        return UserError.of(violation.code().name(), violation.message(), "input", violation.field());
    }
}

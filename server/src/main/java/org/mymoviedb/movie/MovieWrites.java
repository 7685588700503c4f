package org.mymoviedb.movie;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.mymoviedb.auth.User;
import org.mymoviedb.data.NamedRefs;
import org.mymoviedb.data.Transactions;
import org.mymoviedb.graphql.Inputs;
import org.mymoviedb.graphql.UserError;
import org.mymoviedb.graphql.UserErrorsException;
import org.mymoviedb.history.AuditAction;
import org.mymoviedb.history.AuditLog;
import org.mymoviedb.history.Changes;
import org.mymoviedb.jooq.tables.records.MovieRecord;

import static org.mymoviedb.jooq.Tables.MOVIE;
import static org.mymoviedb.jooq.Tables.MOVIE_DIRECTOR;
import static org.mymoviedb.jooq.Tables.MOVIE_GENRE;

/**
 * Creates, changes and deletes movies, each in one transaction together with its history entry. Changes and
 * deletes name the version the editor saw: a stale one writes nothing and answers CONFLICT.
 */
public final class MovieWrites {

    /** The answer to a write: the movie, or userErrors (and on CONFLICT, the movie as it is now). */
    public record MoviePayload(Movie movie, Movie current, List<UserError> userErrors) {
    }

    /** The answer to a delete. */
    public record DeletePayload(List<Long> deletedIds, Movie current, List<UserError> userErrors) {
    }

    /** A movie named with the version of it the editor saw. */
    public record ExpectedVersion(long id, int version) {
    }

    /** The answer to deleteMovies: what was deleted, or userErrors and each changed movie as it is now. */
    public record DeleteMoviesPayload(List<Long> deletedIds, List<Movie> current, List<UserError> userErrors) {
    }

    private final DSLContext dsl;

    public MovieWrites(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** createMovie: {@code input} as GraphQL gives it. */
    public MoviePayload create(User actor, Map<String, Object> input) {
        List<UserError> errors = new ArrayList<>();
        String title = (String) input.get("title");
        Object givenDate = input.get("releaseDate");
        Integer rating = (Integer) input.get("rating");
        Integer runtime = (Integer) input.get("runtimeMinutes");
        MovieRules.checkTitle(title, errors);
        MovieRules.checkReleaseDate(givenDate, errors);
        MovieRules.checkRating(rating, errors);
        MovieRules.checkRuntime(runtime, errors);
        List<Inputs.Ref> genreRefs = refs(input, "genres", NamedRefs.GENRES, errors);
        List<Inputs.Ref> directorRefs = refs(input, "directors", NamedRefs.PEOPLE, errors);
        if (!errors.isEmpty()) {
            return new MoviePayload(null, null, errors);
        }
        LocalDate releaseDate = (LocalDate) givenDate;
        return inTransaction(tx -> {
            List<UserError> refErrors = new ArrayList<>();
            List<Long> genreIds = NamedRefs.GENRES.resolve(tx, actor, genreRefs, "genres", refErrors);
            List<Long> directorIds = NamedRefs.PEOPLE.resolve(tx, actor, directorRefs, "directors", refErrors);
            if (!refErrors.isEmpty()) {
                throw new UserErrorsException(refErrors);
            }
            MovieRecord row = tx.insertInto(MOVIE)
                    .set(MOVIE.TITLE, title)
                    .set(MOVIE.RELEASE_DATE, releaseDate)
                    .set(MOVIE.RATING, rating == null ? null : rating.shortValue())
                    .set(MOVIE.RUNTIME_MINUTES, runtime)
                    .returning().fetchOne();
            addGenres(tx, row.getId(), genreIds);
            addDirectors(tx, row.getId(), directorIds);
            MovieSnapshot after = MovieSnapshot.of(tx, row);
            AuditLog.record(tx, actor, AuditAction.CREATE, "movie", row.getId(), title, MovieSnapshot.EMPTY.diff(after));
            return new MoviePayload(Movie.from(row), null, List.of());
        });
    }

    /** updateMovie: only the fields {@code input} names change. */
    public MoviePayload update(User actor, long id, int expectedVersion, Map<String, Object> input) {
        List<UserError> errors = new ArrayList<>();
        if (input.containsKey("title")) {
            MovieRules.checkTitle((String) input.get("title"), errors);
        }
        if (input.containsKey("releaseDate")) {
            MovieRules.checkReleaseDate(input.get("releaseDate"), errors);
        }
        MovieRules.checkRating((Integer) input.get("rating"), errors);
        MovieRules.checkRuntime((Integer) input.get("runtimeMinutes"), errors);
        List<Inputs.Ref> genreRefs = refs(input, "genres", NamedRefs.GENRES, errors);
        List<Inputs.Ref> directorRefs = refs(input, "directors", NamedRefs.PEOPLE, errors);
        if (!errors.isEmpty()) {
            return new MoviePayload(null, null, errors);
        }
        return inTransaction(tx -> {
            MovieRecord row = lockAtVersion(tx, id, expectedVersion);
            MovieSnapshot before = MovieSnapshot.of(tx, row);
            if (input.containsKey("title")) {
                row.setTitle((String) input.get("title"));
            }
            if (input.containsKey("releaseDate")) {
                row.setReleaseDate((LocalDate) input.get("releaseDate"));
            }
            if (input.containsKey("rating")) {
                Integer rating = (Integer) input.get("rating");
                row.setRating(rating == null ? null : rating.shortValue());
            }
            if (input.containsKey("runtimeMinutes")) {
                row.setRuntimeMinutes((Integer) input.get("runtimeMinutes"));
            }
            List<UserError> refErrors = new ArrayList<>();
            if (input.get("genres") != null) {
                setGenres(tx, id, NamedRefs.GENRES.resolve(tx, actor, genreRefs, "genres", refErrors));
            }
            if (input.get("directors") != null) {
                setDirectors(tx, id, NamedRefs.PEOPLE.resolve(tx, actor, directorRefs, "directors", refErrors));
            }
            if (!refErrors.isEmpty()) {
                throw new UserErrorsException(refErrors);
            }
            MovieSnapshot after = MovieSnapshot.of(tx, row);
            Changes changes = before.diff(after);
            if (changes.isEmpty()) {
                return new MoviePayload(Movie.from(row), null, List.of()); // nothing to write, nothing to record
            }
            MovieRecord updated = tx.update(MOVIE)
                    .set(MOVIE.TITLE, row.getTitle())
                    .set(MOVIE.RELEASE_DATE, row.getReleaseDate())
                    .set(MOVIE.RATING, row.getRating())
                    .set(MOVIE.RUNTIME_MINUTES, row.getRuntimeMinutes())
                    .set(MOVIE.VERSION, MOVIE.VERSION.plus(1))
                    .set(MOVIE.UPDATED_AT, DSL.currentOffsetDateTime())
                    .where(MOVIE.ID.eq(id))
                    .returning().fetchOne();
            AuditLog.record(tx, actor, AuditAction.UPDATE, "movie", id, updated.getTitle(), changes);
            return new MoviePayload(Movie.from(updated), null, List.of());
        });
    }

    /** deleteMovie: only at the expected version. The history stays. */
    public DeletePayload delete(User actor, long id, int expectedVersion) {
        return Transactions.write(dsl, cfg -> {
            DSLContext tx = cfg.dsl();
            MovieRecord row = lockAtVersion(tx, id, expectedVersion);
            deleteWithHistory(tx, actor, row);
            return new DeletePayload(List.of(id), null, List.of());
        }, (errors, prepared) -> new DeletePayload(List.of(), currentOf(prepared), errors));
    }

    /**
     * deleteMovies: all of them, each at the version the editor saw, or none. A missing movie is NOT_FOUND and a
     * changed one CONFLICT, each at its index; the changed ones come back as they are now.
     */
    public DeleteMoviesPayload deleteAll(User actor, List<ExpectedVersion> movies) {
        List<Long> distinct = movies.stream().map(ExpectedVersion::id).distinct().toList();
        return Transactions.write(dsl, cfg -> {
            DSLContext tx = cfg.dsl();
            Map<Long, MovieRecord> rows = new HashMap<>();
            tx.selectFrom(MOVIE).where(MOVIE.ID.eq(DSL.any(distinct.toArray(Long[]::new))))
                    .orderBy(MOVIE.ID).forUpdate()
                    .forEach(r -> rows.put(r.getId(), r));
            List<UserError> errors = new ArrayList<>();
            Map<Long, Movie> changed = new LinkedHashMap<>();
            for (int i = 0; i < movies.size(); i++) {
                ExpectedVersion expected = movies.get(i);
                MovieRecord row = rows.get(expected.id());
                String index = Integer.toString(i);
                if (row == null) {
                    errors.add(UserError.of("NOT_FOUND", "There is no movie with ID " + expected.id(),
                            "movies", index, "id"));
                } else if (row.getVersion() != expected.version()) {
                    errors.add(UserError.of("CONFLICT", "Someone else changed \"" + row.getTitle()
                            + "\" since you loaded it (you had version " + expected.version() + ", it is now "
                            + row.getVersion() + "); nothing was deleted. Reload, then delete again.",
                            "movies", index, "expectedVersion"));
                    changed.put(row.getId(), Movie.from(row));
                }
            }
            if (!errors.isEmpty()) {
                throw new UserErrorsException(errors,
                        new DeleteMoviesPayload(List.of(), List.copyOf(changed.values()), List.of()));
            }
            for (Long id : distinct) {
                deleteWithHistory(tx, actor, rows.get(id));
            }
            return new DeleteMoviesPayload(distinct, List.of(), List.of());
        }, (errors, prepared) -> new DeleteMoviesPayload(List.of(),
                prepared instanceof DeleteMoviesPayload refused ? refused.current() : List.of(), errors));
    }

    /**
     * Records that something linked to a movie changed (a genre or director taken off it): the movie gets a new
     * version, so an editor holding the old one sees a conflict, and a history entry with the field's values.
     */
    public static void linkChanged(DSLContext tx, User actor, long movieId, String field, List<String> before,
                                   List<String> after) {
        String title = tx.update(MOVIE).set(MOVIE.VERSION, MOVIE.VERSION.plus(1))
                .set(MOVIE.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(MOVIE.ID.eq(movieId)).returning(MOVIE.TITLE).fetchOne(MOVIE.TITLE);
        AuditLog.record(tx, actor, AuditAction.UPDATE, "movie", movieId, title,
                new Changes().compare(field, before, after));
    }

    private static void deleteWithHistory(DSLContext tx, User actor, MovieRecord row) {
        Changes changes = MovieSnapshot.of(tx, row).diff(MovieSnapshot.EMPTY);
        tx.deleteFrom(MOVIE).where(MOVIE.ID.eq(row.getId())).execute();
        AuditLog.record(tx, actor, AuditAction.DELETE, "movie", row.getId(), row.getTitle(), changes);
    }

    /** The movie, locked until commit, if it is still at {@code expectedVersion}; else NOT_FOUND or CONFLICT. */
    private static MovieRecord lockAtVersion(DSLContext tx, long id, int expectedVersion) {
        MovieRecord row = tx.selectFrom(MOVIE).where(MOVIE.ID.eq(id)).forUpdate().fetchOne();
        if (row == null) {
            throw UserErrorsException.of("NOT_FOUND", "There is no movie with ID " + id, "id");
        }
        if (row.getVersion() != expectedVersion) {
            throw new UserErrorsException(List.of(UserError.of("CONFLICT",
                    "Someone else changed this movie since you loaded it (you had version " + expectedVersion
                            + ", it is now " + row.getVersion() + "). Compare, then reload or overwrite.",
                    "expectedVersion")), new MoviePayload(null, Movie.from(row), null));
        }
        return row;
    }

    private static void setGenres(DSLContext tx, long movieId, List<Long> genreIds) {
        tx.deleteFrom(MOVIE_GENRE).where(MOVIE_GENRE.MOVIE_ID.eq(movieId)).execute();
        addGenres(tx, movieId, genreIds);
    }

    /** One multi-row insert, whatever the number of genres. */
    private static void addGenres(DSLContext tx, long movieId, List<Long> genreIds) {
        if (genreIds.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(MOVIE_GENRE, MOVIE_GENRE.MOVIE_ID, MOVIE_GENRE.GENRE_ID);
        for (Long genreId : genreIds) {
            insert = insert.values(movieId, genreId);
        }
        insert.execute();
    }

    private static void setDirectors(DSLContext tx, long movieId, List<Long> personIds) {
        tx.deleteFrom(MOVIE_DIRECTOR).where(MOVIE_DIRECTOR.MOVIE_ID.eq(movieId)).execute();
        addDirectors(tx, movieId, personIds);
    }

    /** One multi-row insert, in billing order. */
    private static void addDirectors(DSLContext tx, long movieId, List<Long> personIds) {
        if (personIds.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(MOVIE_DIRECTOR, MOVIE_DIRECTOR.MOVIE_ID, MOVIE_DIRECTOR.PERSON_ID,
                MOVIE_DIRECTOR.POSITION);
        short position = 0;
        for (Long personId : personIds) {
            insert = insert.values(movieId, personId, position++);
        }
        insert.execute();
    }

    private static List<Inputs.Ref> refs(Map<String, Object> input, String field, NamedRefs<?> kind,
                                         List<UserError> errors) {
        Object value = input.get(field);
        return value == null ? List.of() : Inputs.refs(value, field, kind.maxNameLength(), errors);
    }

    /** Runs a write; userErrors thrown inside, or constraints violated, roll it back and become the payload. */
    private MoviePayload inTransaction(java.util.function.Function<DSLContext, MoviePayload> work) {
        return Transactions.write(dsl, cfg -> work.apply(cfg.dsl()),
                (errors, prepared) -> new MoviePayload(null, currentOf(prepared), errors));
    }

    private static Movie currentOf(Object prepared) {
        return prepared instanceof MoviePayload payload ? payload.current() : null;
    }
}

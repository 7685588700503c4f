package org.mymoviedb.movie;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.mymoviedb.base.UserError;
import org.mymoviedb.base.UserErrorsException;
import org.mymoviedb.data.Transactions;
import org.mymoviedb.history.AuditAction;
import org.mymoviedb.history.AuditLog;
import org.mymoviedb.history.Author;
import org.mymoviedb.history.Changes;
import org.mymoviedb.jooq.tables.records.MovieRecord;
import org.mymoviedb.names.NameCache;
import org.mymoviedb.names.NameRef;
import org.mymoviedb.names.NamedEntries;
import static org.mymoviedb.jooq.Tables.MOVIE;
import static org.mymoviedb.jooq.Tables.MOVIE_DIRECTOR;
import static org.mymoviedb.jooq.Tables.MOVIE_GENRE;
import static org.mymoviedb.jooq.Tables.PERSON;

/**
 * Creates, changes and deletes movies, each in one transaction together with its history entry. Changes and
 * deletes name the version the editor saw: a stale one writes nothing and answers CONFLICT. Every method throws
 * {@link UserErrorsException} for what a person can fix, and then nothing is written.
 */
public final class MovieWrites {

    /** A movie named with the version of it the editor saw. */
    public record ExpectedVersion(long id, int version) {
    }

    private final DSLContext dsl;

    public MovieWrites(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** createMovie. */
    public Movie create(Author author, MovieInput input) {
        List<UserError> errors = new ArrayList<>();
        MovieRules.checkTitle(input.title(), errors);
        MovieRules.checkReleaseDate(input.releaseDate(), errors);
        MovieRules.checkRating(input.rating(), errors);
        MovieRules.checkRuntime(input.runtimeMinutes(), errors);
        List<NameRef.Checked> genreRefs = check(input.genres(), "genres", NamedEntries.GENRES, errors);
        List<NameRef.Checked> directorRefs = check(input.directors(), "directors", NamedEntries.PEOPLE, errors);
        refuseIfAny(errors);
        LocalDate releaseDate = (LocalDate) input.releaseDate();
        return Transactions.write(dsl, tx -> {
            List<UserError> refErrors = new ArrayList<>();
            List<Long> genreIds = NamedEntries.GENRES.resolve(tx, author, genreRefs, "genres", refErrors);
            List<Long> directorIds = NamedEntries.PEOPLE.resolve(tx, author, directorRefs, "directors", refErrors);
            refuseIfAny(refErrors);
            return Movie.from(insertWithHistory(tx, author, input.title(), releaseDate, input.rating(),
                    input.runtimeMinutes(), genreIds, directorIds));
        });
    }

    /**
     * The importer's write, inside its batch's transaction {@code tx}: adds the movie, or fills in what an
     * existing one (same title in any case, same release date) lacks, never touching one it has nothing new for.
     * Genres and people are found or created through {@code genres} and {@code people}, remembered per batch.
     */
    public MergeOutcome merge(DSLContext tx, Author author, MovieFacts facts, NameCache genres, NameCache people) {
        MovieRecord existing = tx.selectFrom(MOVIE)
                .where(DSL.lower(MOVIE.TITLE).eq(DSL.lower(DSL.val(facts.title()))))
                .and(MOVIE.RELEASE_DATE.eq(facts.releaseDate()))
                .fetchOne();
        if (existing == null) {
            insertWithHistory(tx, author, facts.title(), facts.releaseDate(), facts.rating(), facts.runtimeMinutes(),
                    idsOf(tx, author, genres, facts.genres()), idsOf(tx, author, people, facts.directors()));
            return MergeOutcome.ADDED;
        }
        return fillIn(tx, author, existing, facts, genres, people);
    }

    private static MergeOutcome fillIn(DSLContext tx, Author author, MovieRecord movie, MovieFacts facts,
                                       NameCache genres, NameCache people) {
        long movieId = movie.getId();
        boolean fillRating = movie.getRating() == null && facts.rating() != null;
        boolean fillRuntime = movie.getRuntimeMinutes() == null && facts.runtimeMinutes() != null;
        Set<Long> newGenres = new LinkedHashSet<>(idsOf(tx, author, genres, facts.genres()));
        newGenres.removeAll(tx.select(MOVIE_GENRE.GENRE_ID).from(MOVIE_GENRE)
                .where(MOVIE_GENRE.MOVIE_ID.eq(movieId)).fetchSet(MOVIE_GENRE.GENRE_ID));
        Result<Record2<String, Short>> credited = tx.select(PERSON.NAME, MOVIE_DIRECTOR.POSITION)
                .from(MOVIE_DIRECTOR).join(PERSON).on(PERSON.ID.eq(MOVIE_DIRECTOR.PERSON_ID))
                .where(MOVIE_DIRECTOR.MOVIE_ID.eq(movieId))
                .fetch();
        // Compared by name, not person id: a homonym already credited here is the same director.
        Set<String> creditedNames = credited.stream().map(r -> r.value1().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<String> newDirectors = facts.directors().stream()
                .filter(name -> !creditedNames.contains(name.toLowerCase(Locale.ROOT))).toList();
        int nextPosition = credited.stream().mapToInt(r -> r.value2() + 1).max().orElse(0);
        if (!fillRating && !fillRuntime && newGenres.isEmpty() && newDirectors.isEmpty()) {
            return MergeOutcome.UNCHANGED;
        }
        MovieSnapshot before = MovieSnapshot.of(tx, movie);
        addGenres(tx, movieId, List.copyOf(newGenres));
        addDirectors(tx, movieId, nextPosition, idsOf(tx, author, people, newDirectors));
        MovieRecord updated = tx.update(MOVIE)
                // coalesce: only ever fills a gap, even if someone filled it since we looked
                .set(MOVIE.RATING, DSL.coalesce(MOVIE.RATING, DSL.val(asShort(facts.rating()), MOVIE.RATING)))
                .set(MOVIE.RUNTIME_MINUTES, DSL.coalesce(MOVIE.RUNTIME_MINUTES,
                        DSL.val(facts.runtimeMinutes(), MOVIE.RUNTIME_MINUTES)))
                .set(MOVIE.VERSION, MOVIE.VERSION.plus(1))
                .set(MOVIE.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(MOVIE.ID.eq(movieId))
                .returning().fetchSingle();
        AuditLog.record(tx, author, AuditAction.UPDATE, "movie", movieId, updated.getTitle(),
                before.diff(MovieSnapshot.of(tx, updated)));
        return MergeOutcome.UPDATED;
    }

    /** A new movie with its genres, its directors in billing order, and its history entry. */
    private static MovieRecord insertWithHistory(DSLContext tx, Author author, String title, LocalDate releaseDate,
                                                 Integer rating, Integer runtimeMinutes, List<Long> genreIds,
                                                 List<Long> directorIds) {
        MovieRecord row = tx.insertInto(MOVIE)
                .set(MOVIE.TITLE, title)
                .set(MOVIE.RELEASE_DATE, releaseDate)
                .set(MOVIE.RATING, asShort(rating))
                .set(MOVIE.RUNTIME_MINUTES, runtimeMinutes)
                .returning().fetchOne();
        addGenres(tx, row.getId(), genreIds);
        addDirectors(tx, row.getId(), 0, directorIds);
        AuditLog.record(tx, author, AuditAction.CREATE, "movie", row.getId(), row.getTitle(),
                MovieSnapshot.EMPTY.diff(MovieSnapshot.of(tx, row)));
        return row;
    }

    private static List<Long> idsOf(DSLContext tx, Author author, NameCache cache, List<String> names) {
        Set<Long> ids = new LinkedHashSet<>();
        names.forEach(name -> ids.add(cache.idOf(tx, author, name)));
        return List.copyOf(ids);
    }

    /** updateMovie: only the fields {@code input} gives change. */
    public Movie update(Author author, long id, int expectedVersion, MovieInput input) {
        List<UserError> errors = new ArrayList<>();
        if (input.gives("title")) {
            MovieRules.checkTitle(input.title(), errors);
        }
        if (input.gives("releaseDate")) {
            MovieRules.checkReleaseDate(input.releaseDate(), errors);
        }
        MovieRules.checkRating(input.rating(), errors);
        MovieRules.checkRuntime(input.runtimeMinutes(), errors);
        List<NameRef.Checked> genreRefs = check(input.genres(), "genres", NamedEntries.GENRES, errors);
        List<NameRef.Checked> directorRefs = check(input.directors(), "directors", NamedEntries.PEOPLE, errors);
        refuseIfAny(errors);
        return Transactions.write(dsl, tx -> {
            MovieRecord row = lockAtVersion(tx, id, expectedVersion);
            MovieSnapshot before = MovieSnapshot.of(tx, row);
            if (input.gives("title")) {
                row.setTitle(input.title());
            }
            if (input.gives("releaseDate")) {
                row.setReleaseDate((LocalDate) input.releaseDate());
            }
            if (input.gives("rating")) {
                row.setRating(asShort(input.rating()));
            }
            if (input.gives("runtimeMinutes")) {
                row.setRuntimeMinutes(input.runtimeMinutes());
            }
            List<UserError> refErrors = new ArrayList<>();
            if (input.genres() != null) {
                setGenres(tx, id, NamedEntries.GENRES.resolve(tx, author, genreRefs, "genres", refErrors));
            }
            if (input.directors() != null) {
                setDirectors(tx, id, NamedEntries.PEOPLE.resolve(tx, author, directorRefs, "directors", refErrors));
            }
            refuseIfAny(refErrors);
            MovieSnapshot after = MovieSnapshot.of(tx, row);
            Changes changes = before.diff(after);
            if (changes.isEmpty()) {
                return Movie.from(row); // nothing to write, nothing to record
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
            AuditLog.record(tx, author, AuditAction.UPDATE, "movie", id, updated.getTitle(), changes);
            return Movie.from(updated);
        });
    }

    /** deleteMovie: only at the expected version (else CONFLICT with the movie as it is now). The history stays. */
    public void delete(Author author, long id, int expectedVersion) {
        Transactions.write(dsl, tx -> {
            deleteWithHistory(tx, author, lockAtVersion(tx, id, expectedVersion));
            return null;
        });
    }

    /**
     * deleteMovies: all of them, each at the version the editor saw, or none. A missing movie is NOT_FOUND and a
     * changed one CONFLICT, each at its index; the refusal carries the changed ones as they are now.
     *
     * @return the ids deleted, without repeats
     */
    public List<Long> deleteAll(Author author, List<ExpectedVersion> movies) {
        List<Long> distinct = movies.stream().map(ExpectedVersion::id).distinct().toList();
        return Transactions.write(dsl, tx -> {
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
                throw new UserErrorsException(errors, List.copyOf(changed.values()));
            }
            for (Long id : distinct) {
                deleteWithHistory(tx, author, rows.get(id));
            }
            return distinct;
        });
    }

    private static void deleteWithHistory(DSLContext tx, Author author, MovieRecord row) {
        Changes changes = MovieSnapshot.of(tx, row).diff(MovieSnapshot.EMPTY);
        tx.deleteFrom(MOVIE).where(MOVIE.ID.eq(row.getId())).execute();
        AuditLog.record(tx, author, AuditAction.DELETE, "movie", row.getId(), row.getTitle(), changes);
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
                    "expectedVersion")), Movie.from(row));
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
        addDirectors(tx, movieId, 0, personIds);
    }

    /** One multi-row insert, in billing order from {@code firstPosition}. */
    private static void addDirectors(DSLContext tx, long movieId, int firstPosition, List<Long> personIds) {
        if (personIds.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(MOVIE_DIRECTOR, MOVIE_DIRECTOR.MOVIE_ID, MOVIE_DIRECTOR.PERSON_ID,
                MOVIE_DIRECTOR.POSITION);
        short position = (short) firstPosition;
        for (Long personId : personIds) {
            insert = insert.values(movieId, personId, position++);
        }
        insert.execute();
    }

    private static List<NameRef.Checked> check(List<NameRef> refs, String field, NamedEntries<?, ?> kind,
                                               List<UserError> errors) {
        return refs == null ? List.of() : kind.check(refs, field, errors);
    }

    private static void refuseIfAny(List<UserError> errors) {
        if (!errors.isEmpty()) {
            throw new UserErrorsException(errors);
        }
    }

    private static Short asShort(Integer value) {
        return value == null ? null : value.shortValue();
    }
}

package org.mymoviedb.movie;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.mymoviedb.base.UserError;
import org.mymoviedb.base.UserErrorsException;
import org.mymoviedb.data.ConstraintErrors;
import org.mymoviedb.data.Transactions;
import org.mymoviedb.history.AuditAction;
import org.mymoviedb.history.AuditLog;
import org.mymoviedb.history.Author;
import org.mymoviedb.history.Changes;
import org.mymoviedb.jooq.tables.records.MovieRecord;
import org.mymoviedb.names.NameCache;
import org.mymoviedb.names.NameRef;
import org.mymoviedb.names.NameResolution;
import org.mymoviedb.names.NamedEntries;
import org.mymoviedb.names.NamedEntry;
import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE;
import static org.mymoviedb.jooq.Tables.MOVIE_DIRECTOR;
import static org.mymoviedb.jooq.Tables.MOVIE_GENRE;

/**
 * Creates, changes and deletes movies, each in one transaction together with its history entry. Changes and
 * deletes name the version the editor saw: a stale one writes nothing and answers CONFLICT. Every method throws
 * {@link UserErrorsException} for what a person can fix, and then nothing is written.
 */
public final class MovieWrites {

    /** A movie named with the version of it the editor saw. */
    public record ExpectedVersion(long id, int version) {
    }

    /** Made once: building an array type parses its type name (jOOQ), which each write paid for. */
    private static final DataType<Long[]> BIGINT_ARRAY = SQLDataType.BIGINT.array();

    private final DSLContext dsl;

    public MovieWrites(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * createMovie, in one transaction of two statements: one finds or creates every genre and person it names
     * ({@link NameResolution}), the other inserts the movie, its links and its history entry, built from what the
     * first returned. Without genres or directors, only the second.
     */
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
            Named named = resolve(tx, author, genreRefs, directorRefs);
            return Movie.from(insertWithHistory(tx, author, input.title(), releaseDate, input.rating(),
                    input.runtimeMinutes(), named.genres(), named.directors()));
        });
    }

    /** A write's genres (as the database lists them, by name) and directors (in billing order). */
    private record Named(List<NamedEntry> genres, List<NamedEntry> directors) {
    }

    /** The genres and people the references name, found or created in one statement; userErrors if one is unknown. */
    private static Named resolve(DSLContext tx, Author author, List<NameRef.Checked> genreRefs,
                                 List<NameRef.Checked> directorRefs) {
        if (genreRefs.isEmpty() && directorRefs.isEmpty()) {
            return new Named(List.of(), List.of());
        }
        List<UserError> errors = new ArrayList<>();
        List<List<NameResolution.Resolved>> found = NameResolution.resolve(tx, author, List.of(
                new NameResolution.Wanted(NamedEntries.GENRES, genreRefs, "genres"),
                new NameResolution.Wanted(NamedEntries.PEOPLE, directorRefs, "directors")), errors);
        refuseIfAny(errors);
        List<NamedEntry> genres = found.get(0).stream()
                .sorted(Comparator.comparingLong(NameResolution.Resolved::nameRank))
                .map(NameResolution.Resolved::entry).toList();
        return new Named(genres, found.get(1).stream().map(NameResolution.Resolved::entry).toList());
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
                    byName(tx, entriesOf(tx, author, genres, facts.genres())),
                    entriesOf(tx, author, people, facts.directors()));
            return MergeOutcome.ADDED;
        }
        return fillIn(tx, author, existing, facts, genres, people);
    }

    private static MergeOutcome fillIn(DSLContext tx, Author author, MovieRecord movie, MovieFacts facts,
                                       NameCache genres, NameCache people) {
        long movieId = movie.getId();
        boolean fillRating = movie.getRating() == null && facts.rating() != null;
        boolean fillRuntime = movie.getRuntimeMinutes() == null && facts.runtimeMinutes() != null;
        Set<Long> newGenres = new LinkedHashSet<>(ids(tx, author, genres, facts.genres()));
        newGenres.removeAll(tx.select(MOVIE_GENRE.GENRE_ID).from(MOVIE_GENRE)
                .where(MOVIE_GENRE.MOVIE_ID.eq(movieId)).fetchSet(MOVIE_GENRE.GENRE_ID));
        Result<Record2<Long, Short>> credited = tx.select(MOVIE_DIRECTOR.PERSON_ID, MOVIE_DIRECTOR.POSITION)
                .from(MOVIE_DIRECTOR).where(MOVIE_DIRECTOR.MOVIE_ID.eq(movieId))
                .fetch();
        // One person per name (the database's rule), so a director already credited here has the same id.
        Set<Long> newDirectors = new LinkedHashSet<>(ids(tx, author, people, facts.directors()));
        credited.forEach(r -> newDirectors.remove(r.value1()));
        int nextPosition = credited.stream().mapToInt(r -> r.value2() + 1).max().orElse(0);
        if (!fillRating && !fillRuntime && newGenres.isEmpty() && newDirectors.isEmpty()) {
            return MergeOutcome.UNCHANGED;
        }
        MovieSnapshot before = MovieSnapshot.of(tx, movie);
        addGenres(tx, movieId, List.copyOf(newGenres));
        addDirectors(tx, movieId, nextPosition, List.copyOf(newDirectors));
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

    /**
     * A new movie with its genres, its directors in billing order, and its history entry, in one statement;
     * {@code genres} in the order the movie lists them (by name), as the history entry shows them. The row is
     * inserted with the genre ids the links give it (ascending, no repeats: migration V4's rule), so the trigger
     * that derives them from movie_genre finds nothing to change: no second version of the row, and none of the
     * movie's nine index entries written twice (the GIN index rules out a HOT update).
     */
    private static MovieRecord insertWithHistory(DSLContext tx, Author author, String title, LocalDate releaseDate,
                                                 Integer rating, Integer runtimeMinutes, List<NamedEntry> genres,
                                                 List<NamedEntry> directors) {
        Changes changes = MovieSnapshot.EMPTY.diff(MovieSnapshot.of(title, releaseDate, rating, runtimeMinutes,
                genres.stream().map(NamedEntry::name).toList(), directors.stream().map(NamedEntry::name).toList()));
        return withLinkErrors(() -> tx.resultQuery("""
                        WITH m AS (INSERT INTO movie (title, release_date, rating, runtime_minutes, genre_ids)
                                   VALUES ({0}, {1}, {2}, {3}, CAST({10} AS bigint[])) RETURNING *),
                        g AS (INSERT INTO movie_genre (movie_id, genre_id)
                              SELECT m.id, x.id FROM m, unnest(CAST({4} AS bigint[])) AS x (id)),
                        d AS (INSERT INTO movie_director (movie_id, person_id, position)
                              SELECT m.id, x.id, x.n - 1 FROM m, unnest(CAST({5} AS bigint[])) WITH ORDINALITY AS x (id, n)),
                        h AS (INSERT INTO audit_entry (user_id, username, action, entity_type, entity_id, entity_label,
                                                       changes)
                              SELECT {6}, {7}, {8}, 'movie', m.id, m.title, CAST({9} AS jsonb) FROM m)
                        SELECT * FROM m""",
                DSL.val(title, MOVIE.TITLE), DSL.val(releaseDate, MOVIE.RELEASE_DATE),
                DSL.val(asShort(rating), MOVIE.RATING), DSL.val(runtimeMinutes, MOVIE.RUNTIME_MINUTES),
                DSL.val(ids(genres), BIGINT_ARRAY), DSL.val(ids(directors), BIGINT_ARRAY),
                DSL.val(author.userId(), SQLDataType.BIGINT), DSL.val(author.name(), SQLDataType.CLOB),
                DSL.val(AuditAction.CREATE.name(), SQLDataType.CLOB), DSL.val(AuditLog.json(changes), SQLDataType.JSONB),
                DSL.val(genreIds(genres), BIGINT_ARRAY))
                // The row's fields are the movie table's: jOOQ need not read (and type) the result's metadata.
                .coerce(MOVIE)
                .fetchSingle());
    }

    /** The movie row's genre_ids for these genres: ascending, without repeats. */
    private static Long[] genreIds(List<NamedEntry> genres) {
        return genres.stream().map(NamedEntry::id).distinct().sorted().toArray(Long[]::new);
    }

    private static Long[] ids(List<NamedEntry> entries) {
        return entries.stream().map(NamedEntry::id).toArray(Long[]::new);
    }

    /**
     * Runs a statement that links a movie to genres or people: one deleted by someone else since it was resolved
     * is NOT_FOUND on the write's list of them (not IN_USE, which is what deleting a linked entry answers).
     */
    private static <T> T withLinkErrors(Supplier<T> statement) {
        try {
            return statement.get();
        } catch (DataAccessException e) {
            String field = switch (ConstraintErrors.constraintOf(e).orElse("")) {
                case "movie_genre_genre_id_fkey" -> "genres";
                case "movie_director_person_id_fkey" -> "directors";
                default -> throw e;
            };
            throw UserErrorsException.of("NOT_FOUND", "Someone deleted one of these " + field
                    + " while you saved; reload them and save again", "input", field);
        }
    }

    /** The entries of {@code names}, found or created through {@code cache}, without repeats. */
    private static List<NamedEntry> entriesOf(DSLContext tx, Author author, NameCache cache, List<String> names) {
        Map<Long, NamedEntry> entries = new LinkedHashMap<>();
        names.forEach(name -> {
            NamedEntry entry = cache.entryOf(tx, author, name);
            entries.putIfAbsent(entry.id(), entry);
        });
        return List.copyOf(entries.values());
    }

    private static List<Long> ids(DSLContext tx, Author author, NameCache cache, List<String> names) {
        return entriesOf(tx, author, cache, names).stream().map(NamedEntry::id).toList();
    }

    /** {@code genres} as a movie lists them: by name, in the database's order. */
    private static List<NamedEntry> byName(DSLContext tx, List<NamedEntry> genres) {
        if (genres.size() < 2) {
            return genres;
        }
        return tx.select(GENRE.ID, GENRE.NAME).from(GENRE).where(GENRE.ID.eq(DSL.any(ids(genres))))
                .orderBy(DSL.lower(GENRE.NAME), GENRE.ID)
                .fetch(r -> new NamedEntry(r.value1(), r.value2()));
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
            Named named = resolve(tx, author, genreRefs, directorRefs);
            if (input.genres() != null) {
                withLinkErrors(() -> setGenres(tx, id, List.of(ids(named.genres()))));
            }
            if (input.directors() != null) {
                withLinkErrors(() -> setDirectors(tx, id, List.of(ids(named.directors()))));
            }
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

    private static Void setGenres(DSLContext tx, long movieId, List<Long> genreIds) {
        tx.deleteFrom(MOVIE_GENRE).where(MOVIE_GENRE.MOVIE_ID.eq(movieId)).execute();
        addGenres(tx, movieId, genreIds);
        return null;
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

    private static Void setDirectors(DSLContext tx, long movieId, List<Long> personIds) {
        tx.deleteFrom(MOVIE_DIRECTOR).where(MOVIE_DIRECTOR.MOVIE_ID.eq(movieId)).execute();
        addDirectors(tx, movieId, 0, personIds);
        return null;
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

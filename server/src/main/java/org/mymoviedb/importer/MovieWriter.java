package org.mymoviedb.importer;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.val;
import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE;
import static org.mymoviedb.jooq.Tables.MOVIE_DIRECTOR;
import static org.mymoviedb.jooq.Tables.MOVIE_GENRE;
import static org.mymoviedb.jooq.Tables.PERSON;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Result;
import org.mymoviedb.history.AuditAction;
import org.mymoviedb.history.AuditLog;
import org.mymoviedb.history.Author;
import org.mymoviedb.jooq.tables.records.GenreRecord;
import org.mymoviedb.jooq.tables.records.MovieRecord;
import org.mymoviedb.jooq.tables.records.PersonRecord;
import org.mymoviedb.movie.MovieSnapshot;

/**
 * Writes one accepted row: adds the movie, or fills in what an existing one lacks; either way with its history
 * entry, in the same transaction, by the importing command.
 */
final class MovieWriter {

    private final NameIds<GenreRecord> genres = new NameIds<>(GENRE, GENRE.ID, GENRE.NAME);
    private final NameIds<PersonRecord> people = new NameIds<>(PERSON, PERSON.ID, PERSON.NAME);
    private final Author actor;

    /** {@code actor}: who history says wrote, e.g. {@code import:vega-movies.json}. */
    MovieWriter(String actor) {
        this.actor = Author.command(actor);
    }

    /** Writes {@code row} in {@code tx}; never touches a movie it has nothing new for. */
    RowResult write(DSLContext tx, MovieImportRow row) {
        MovieRecord existing = tx.selectFrom(MOVIE)
                .where(lower(MOVIE.TITLE).eq(lower(val(row.title()))))
                .and(MOVIE.RELEASE_DATE.eq(row.releaseDate()))
                .fetchOne();
        return existing == null ? add(tx, row) : merge(tx, existing, row);
    }

    /** Forgets cached genre and person ids: called when a rollback may have removed some. */
    void forgetIds() {
        genres.forget();
        people.forget();
    }

    private RowResult add(DSLContext tx, MovieImportRow row) {
        MovieRecord movie = tx.insertInto(MOVIE)
                .set(MOVIE.TITLE, row.title())
                .set(MOVIE.RELEASE_DATE, row.releaseDate())
                .set(MOVIE.RATING, asShort(row.rating()))
                .set(MOVIE.RUNTIME_MINUTES, row.runtimeMinutes())
                .returning()
                .fetchSingle();
        linkGenres(tx, movie.getId(), genreIds(tx, row.genres()));
        linkDirectors(tx, movie.getId(), 0, personIds(tx, row.directors()));
        AuditLog.record(tx, actor, AuditAction.CREATE, "movie", movie.getId(), movie.getTitle(),
                MovieSnapshot.EMPTY.diff(MovieSnapshot.of(tx, movie)));
        return RowResult.ADDED;
    }

    private RowResult merge(DSLContext tx, MovieRecord movie, MovieImportRow row) {
        long movieId = movie.getId();
        boolean fillRating = movie.getRating() == null && row.rating() != null;
        boolean fillRuntime = movie.getRuntimeMinutes() == null && row.runtimeMinutes() != null;

        Set<Long> newGenres = genreIds(tx, row.genres());
        newGenres.removeAll(tx.select(MOVIE_GENRE.GENRE_ID)
                .from(MOVIE_GENRE)
                .where(MOVIE_GENRE.MOVIE_ID.eq(movieId))
                .fetchSet(MOVIE_GENRE.GENRE_ID));

        Result<Record2<String, Short>> credited = tx.select(PERSON.NAME, MOVIE_DIRECTOR.POSITION)
                .from(MOVIE_DIRECTOR)
                .join(PERSON).on(PERSON.ID.eq(MOVIE_DIRECTOR.PERSON_ID))
                .where(MOVIE_DIRECTOR.MOVIE_ID.eq(movieId))
                .fetch();
        // Compared by name, not person id: a homonym already credited here is the same director.
        Set<String> creditedNames = credited.stream()
                .map(r -> r.value1().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<String> newDirectors = row.directors().stream()
                .filter(name -> !creditedNames.contains(name.toLowerCase(Locale.ROOT)))
                .toList();
        int nextPosition = credited.stream().mapToInt(r -> r.value2() + 1).max().orElse(0);

        if (!fillRating && !fillRuntime && newGenres.isEmpty() && newDirectors.isEmpty()) {
            return RowResult.UNCHANGED;
        }
        MovieSnapshot before = MovieSnapshot.of(tx, movie);
        linkGenres(tx, movieId, newGenres);
        linkDirectors(tx, movieId, nextPosition, personIds(tx, newDirectors));
        MovieRecord updated = tx.update(MOVIE)
                // coalesce: only ever fills a gap, even if someone filled it since we looked
                .set(MOVIE.RATING, coalesce(MOVIE.RATING, val(asShort(row.rating()), MOVIE.RATING)))
                .set(MOVIE.RUNTIME_MINUTES, coalesce(MOVIE.RUNTIME_MINUTES, val(row.runtimeMinutes(), MOVIE.RUNTIME_MINUTES)))
                .set(MOVIE.VERSION, MOVIE.VERSION.plus(1))
                .set(MOVIE.UPDATED_AT, currentOffsetDateTime())
                .where(MOVIE.ID.eq(movieId))
                .returning()
                .fetchSingle();
        AuditLog.record(tx, actor, AuditAction.UPDATE, "movie", movieId, updated.getTitle(),
                before.diff(MovieSnapshot.of(tx, updated)));
        return RowResult.UPDATED;
    }

    private Set<Long> genreIds(DSLContext tx, List<String> names) {
        Set<Long> ids = new LinkedHashSet<>();
        names.forEach(name -> ids.add(genres.idOf(tx, name)));
        return ids;
    }

    private List<Long> personIds(DSLContext tx, List<String> names) {
        List<Long> ids = new ArrayList<>();
        names.forEach(name -> ids.add(people.idOf(tx, name)));
        return ids;
    }

    private static void linkGenres(DSLContext tx, long movieId, Set<Long> genreIds) {
        if (genreIds.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(MOVIE_GENRE, MOVIE_GENRE.MOVIE_ID, MOVIE_GENRE.GENRE_ID);
        genreIds.forEach(genreId -> insert.values(movieId, genreId));
        insert.execute();
    }

    private static void linkDirectors(DSLContext tx, long movieId, int firstPosition, List<Long> personIds) {
        if (personIds.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(MOVIE_DIRECTOR, MOVIE_DIRECTOR.MOVIE_ID, MOVIE_DIRECTOR.PERSON_ID,
                MOVIE_DIRECTOR.POSITION);
        for (int i = 0; i < personIds.size(); i++) {
            insert.values(movieId, personIds.get(i), (short) (firstPosition + i));
        }
        insert.execute();
    }

    private static Short asShort(Integer value) {
        return value == null ? null : value.shortValue();
    }
}

package org.mymoviedb.graphql.plan;

import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE;
import static org.mymoviedb.jooq.Tables.MOVIE_DIRECTOR;
import static org.mymoviedb.jooq.Tables.MOVIE_GENRE;
import static org.mymoviedb.jooq.Tables.PERSON;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.mymoviedb.movie.Movie;
import org.mymoviedb.names.Genre;
import org.mymoviedb.names.Person;

/**
 * A planned read's genres and directors, fetched in the movie's own row, so a page with its names is one
 * statement. The subqueries are rendered once, here (they hold no values), and put in as plain SQL, so no request
 * renders them again. Their order is the batched loaders' ({@code GenreRepository.byMovie},
 * {@code PersonRepository.directorsByMovie}): genres by lower-case name then id, directors by billing position,
 * both total, so the ids and names arrays line up.
 *
 * <p>Genres: the row's own {@code genre_ids} (kept from movie_genre by triggers, db/migration/V4) and the whole
 * genre list in that order, read once per statement (uncorrelated subqueries: PostgreSQL runs each once, not
 * per row), so no per-row join and sort; a movie's genres are its ids in the list's order. A catalogue with more
 * than {@link #LISTED_GENRES} genres gets correlated per-row subqueries instead ({@link #perRowGenres}): the list
 * would cost more than it saves. bench/README.md, "W1G: planned once".
 */
final class NamesAlongside {

    /** The most genres read as one list per statement; beyond, each row's genres come by correlated subqueries. */
    static final int LISTED_GENRES = 1_000;

    private static final Field<Long[]> MOVIE_GENRE_IDS = DSL.field(DSL.sql("\"movie\".\"genre_ids\""),
            SQLDataType.BIGINT.getArrayDataType()).as("movie_genre_ids");
    // One more than may be listed, so a longer list is told from a complete one. Every row carries the list; it
    // is read as the driver's undecoded array (OTHER) and decoded from the first row only.
    private static final Field<Object> LISTED_IDS = column(DSL.select(GENRE.ID).from(GENRE)
            .orderBy(DSL.lower(GENRE.NAME), GENRE.ID).limit(LISTED_GENRES + 1),
            SQLDataType.OTHER, "listed_genre_ids");
    private static final Field<Object> LISTED_NAMES = column(DSL.select(GENRE.NAME).from(GENRE)
            .orderBy(DSL.lower(GENRE.NAME), GENRE.ID).limit(LISTED_GENRES + 1),
            SQLDataType.OTHER, "listed_genre_names");
    private static final Field<Long[]> GENRE_IDS = column(DSL.select(GENRE.ID)
            .from(MOVIE_GENRE).join(GENRE).on(GENRE.ID.eq(MOVIE_GENRE.GENRE_ID))
            .where(MOVIE_GENRE.MOVIE_ID.eq(MOVIE.ID))
            .orderBy(DSL.lower(GENRE.NAME), GENRE.ID), SQLDataType.BIGINT.getArrayDataType(), "genre_ids");
    private static final Field<String[]> GENRE_NAMES = column(DSL.select(GENRE.NAME)
            .from(MOVIE_GENRE).join(GENRE).on(GENRE.ID.eq(MOVIE_GENRE.GENRE_ID))
            .where(MOVIE_GENRE.MOVIE_ID.eq(MOVIE.ID))
            .orderBy(DSL.lower(GENRE.NAME), GENRE.ID), SQLDataType.CLOB.getArrayDataType(), "genre_names");
    // The person by its primary key for each credit, whatever the planner thinks of the tables' sizes.
    private static final Field<Long[]> DIRECTOR_IDS = column(DSL.select(MOVIE_DIRECTOR.PERSON_ID)
            .from(MOVIE_DIRECTOR)
            .where(MOVIE_DIRECTOR.MOVIE_ID.eq(MOVIE.ID))
            .orderBy(MOVIE_DIRECTOR.POSITION), SQLDataType.BIGINT.getArrayDataType(), "director_ids");
    private static final Field<String[]> DIRECTOR_NAMES = column(DSL.select(DSL.field(DSL.select(PERSON.NAME)
                    .from(PERSON).where(PERSON.ID.eq(MOVIE_DIRECTOR.PERSON_ID))))
            .from(MOVIE_DIRECTOR)
            .where(MOVIE_DIRECTOR.MOVIE_ID.eq(MOVIE.ID))
            .orderBy(MOVIE_DIRECTOR.POSITION), SQLDataType.CLOB.getArrayDataType(), "director_names");

    private final boolean genres;
    private final boolean perRowGenres;
    private final boolean directors;
    private final List<Field<?>> columns;
    private final Map<Long, List<Genre>> genresByMovie = new HashMap<>();
    private final Map<Long, List<Person>> directorsByMovie = new HashMap<>();
    /** The statement's genre list: each genre by id, and its place in the list. */
    private Map<Long, Genre> listed;
    private Map<Long, Integer> places;
    private boolean unlisted;

    /**
     * The columns for a read that selects genres, directors, both or neither; {@code perRowGenres} when the
     * catalogue has too many genres to list ({@link #tooManyToList()}).
     */
    NamesAlongside(boolean genres, boolean perRowGenres, boolean directors) {
        this.genres = genres;
        this.perRowGenres = perRowGenres;
        this.directors = directors;
        List<Field<?>> fields = new ArrayList<>(4);
        if (genres && perRowGenres) {
            fields.add(GENRE_IDS);
            fields.add(GENRE_NAMES);
        } else if (genres) {
            fields.add(MOVIE_GENRE_IDS);
            fields.add(LISTED_IDS);
            fields.add(LISTED_NAMES);
        }
        if (directors) {
            fields.add(DIRECTOR_IDS);
            fields.add(DIRECTOR_NAMES);
        }
        this.columns = List.copyOf(fields);
    }

    /** What to select after the movie's own columns. */
    List<Field<?>> columns() {
        return columns;
    }

    /** Takes the names from {@code row}, whose last columns are {@link #columns()}. */
    void read(Movie movie, Record row) {
        int at = row.size() - columns.size();
        if (genres && !perRowGenres) {
            Long[] ids = (Long[]) row.get(at++);
            if (listed == null) {
                list(elements(row.get(at)), elements(row.get(at + 1)));
            }
            at += 2;
            List<Genre> list = new ArrayList<>(ids.length);
            for (Long id : ids) {
                Genre genre = listed.get(id);
                if (genre == null) {
                    unlisted = true; // beyond a list cut at LISTED_GENRES + 1
                } else {
                    list.add(genre);
                }
            }
            if (list.size() > 1) {
                list.sort(Comparator.comparing(genre -> places.get(genre.id())));
            }
            genresByMovie.put(movie.id(), list);
        } else if (genres) {
            Long[] ids = (Long[]) row.get(at++);
            String[] names = (String[]) row.get(at++);
            List<Genre> list = new ArrayList<>(ids.length);
            for (int i = 0; i < ids.length; i++) {
                list.add(new Genre(ids[i], names[i]));
            }
            genresByMovie.put(movie.id(), list);
        }
        if (directors) {
            Long[] ids = (Long[]) row.get(at++);
            String[] names = (String[]) row.get(at);
            List<Person> list = new ArrayList<>(ids.length);
            for (int i = 0; i < ids.length; i++) {
                list.add(new Person(ids[i], names[i]));
            }
            directorsByMovie.put(movie.id(), list);
        }
    }

    /** Whether the statement's genre list was cut at {@link #LISTED_GENRES}: its rows can't be answered so. */
    boolean tooManyToList() {
        return unlisted || (listed != null && listed.size() > LISTED_GENRES);
    }

    private void list(Object[] ids, Object[] names) {
        listed = new HashMap<>(ids.length * 2);
        places = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            Long id = ((Number) ids[i]).longValue();
            listed.put(id, new Genre(id, (String) names[i]));
            places.put(id, i);
        }
    }

    /** An array column read as OTHER: the driver's {@link Array}, decoded here. */
    private static Object[] elements(Object column) {
        try {
            return (Object[]) (column instanceof Array array ? array.getArray() : column);
        } catch (SQLException e) {
            throw new DataAccessException("Reading the genre list", e);
        }
    }

    Map<Long, List<Genre>> genres() {
        return genresByMovie;
    }

    Map<Long, List<Person>> directors() {
        return directorsByMovie;
    }

    /** {@code array(subquery) as name}: an empty array, never null, for a movie without any. */
    private static <T> Field<T> column(Select<?> subquery, DataType<T> type, String name) {
        String sql = DSL.using(SQLDialect.POSTGRES).renderInlined(subquery);
        return DSL.field(DSL.sql("array(" + sql + ")"), type).as(name);
    }
}

package org.mymoviedb.graphql.plan;

import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE;
import static org.mymoviedb.jooq.Tables.MOVIE_DIRECTOR;
import static org.mymoviedb.jooq.Tables.MOVIE_GENRE;
import static org.mymoviedb.jooq.Tables.PERSON;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.mymoviedb.movie.Movie;
import org.mymoviedb.names.Genre;
import org.mymoviedb.names.Person;

/**
 * A planned read's genres and directors, fetched in the movie's own row: correlated {@code array(select ...)}
 * columns after the movie's, so a page with its names is one statement. The subqueries are rendered once, here
 * (they hold no values), and put in as plain SQL, so no request renders them again. Their order is the batched
 * loaders' ({@code GenreRepository.byMovie}, {@code PersonRepository.directorsByMovie}): genres by lower-case
 * name then id, directors by billing position, both total, so the ids and names arrays line up.
 */
final class NamesAlongside {

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
    private final boolean directors;
    private final List<Field<?>> columns;
    private final Map<Long, List<Genre>> genresByMovie = new HashMap<>();
    private final Map<Long, List<Person>> directorsByMovie = new HashMap<>();

    /** The columns for a read that selects genres, directors, both or neither. */
    NamesAlongside(boolean genres, boolean directors) {
        this.genres = genres;
        this.directors = directors;
        List<Field<?>> fields = new ArrayList<>(4);
        if (genres) {
            fields.add(GENRE_IDS);
            fields.add(GENRE_NAMES);
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
        if (genres) {
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

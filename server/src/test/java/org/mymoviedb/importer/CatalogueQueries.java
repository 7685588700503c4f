package org.mymoviedb.importer;

import static org.jooq.impl.DSL.lower;
import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE;
import static org.mymoviedb.jooq.Tables.MOVIE_DIRECTOR;
import static org.mymoviedb.jooq.Tables.MOVIE_GENRE;
import static org.mymoviedb.jooq.Tables.PERSON;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.mymoviedb.jooq.tables.records.MovieRecord;

/** Reads back what an import wrote, for assertions. */
final class CatalogueQueries {

    private CatalogueQueries() {}

    static MovieRecord movie(DSLContext dsl, String title, LocalDate released) {
        return dsl.selectFrom(MOVIE)
                .where(lower(MOVIE.TITLE).eq(title.toLowerCase()))
                .and(MOVIE.RELEASE_DATE.eq(released))
                .fetchSingle();
    }

    static Set<String> genresOf(DSLContext dsl, long movieId) {
        return dsl.select(GENRE.NAME)
                .from(MOVIE_GENRE)
                .join(GENRE).on(GENRE.ID.eq(MOVIE_GENRE.GENRE_ID))
                .where(MOVIE_GENRE.MOVIE_ID.eq(movieId))
                .fetchSet(GENRE.NAME);
    }

    /** Directors in billing order. */
    static List<String> directorsOf(DSLContext dsl, long movieId) {
        return dsl.select(PERSON.NAME)
                .from(MOVIE_DIRECTOR)
                .join(PERSON).on(PERSON.ID.eq(MOVIE_DIRECTOR.PERSON_ID))
                .where(MOVIE_DIRECTOR.MOVIE_ID.eq(movieId))
                .orderBy(MOVIE_DIRECTOR.POSITION)
                .fetch(PERSON.NAME);
    }

    static Set<String> genreNames(DSLContext dsl) {
        return dsl.select(GENRE.NAME).from(GENRE).fetchSet(GENRE.NAME);
    }
}

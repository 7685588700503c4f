package org.mymoviedb.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE;
import static org.mymoviedb.jooq.Tables.MOVIE_DIRECTOR;
import static org.mymoviedb.jooq.Tables.MOVIE_GENRE;
import static org.mymoviedb.jooq.Tables.PERSON;

/** Writes known catalogue rows straight into a test database. */
public final class Catalogue {

    private final DSLContext dsl;

    public Catalogue(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long movie(String title, LocalDate releaseDate, Integer rating, Integer runtime) {
        return dsl.insertInto(MOVIE)
                .set(MOVIE.TITLE, title)
                .set(MOVIE.RELEASE_DATE, releaseDate)
                .set(MOVIE.RATING, rating == null ? null : rating.shortValue())
                .set(MOVIE.RUNTIME_MINUTES, runtime)
                .returning(MOVIE.ID).fetchOne(MOVIE.ID);
    }

    public long genre(String name) {
        return dsl.insertInto(GENRE).set(GENRE.NAME, name).returning(GENRE.ID).fetchOne(GENRE.ID);
    }

    public long person(String name) {
        return dsl.insertInto(PERSON).set(PERSON.NAME, name).returning(PERSON.ID).fetchOne(PERSON.ID);
    }

    public void tag(long movieId, long genreId) {
        dsl.insertInto(MOVIE_GENRE).set(MOVIE_GENRE.MOVIE_ID, movieId).set(MOVIE_GENRE.GENRE_ID, genreId).execute();
    }

    public void credit(long movieId, long personId, int position) {
        dsl.insertInto(MOVIE_DIRECTOR).set(MOVIE_DIRECTOR.MOVIE_ID, movieId)
                .set(MOVIE_DIRECTOR.PERSON_ID, personId).set(MOVIE_DIRECTOR.POSITION, (short) position).execute();
    }

    /**
     * {@code count} movies with many ties: titles repeat (in different cases), dates and ratings collide, a
     * fifth are unrated; every movie has two of three genres and one of four directors.
     */
    public List<Long> manyMovies(int count) {
        long[] genres = {genre("Drama"), genre("Comedy"), genre("Sci-fi")};
        long[] directors = {person("Agnès Varda"), person("Akira Kurosawa"), person("Ava DuVernay"),
            person("Bong Joon-ho")};
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String title = (i % 3 == 0 ? "the " : "The ") + "Film " + (i % 37);
            LocalDate date = LocalDate.of(1950 + (i % 60), 1 + (i % 12), 1 + (i % 28));
            Integer rating = i % 5 == 0 ? null : (i * 7) % 101;
            long id = movie(title, date, rating, 80 + i % 90);
            tag(id, genres[i % 3]);
            tag(id, genres[(i + 1) % 3]);
            credit(id, directors[i % 4], 0);
            ids.add(id);
        }
        return ids;
    }
}

package org.mymoviedb.names;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE_GENRE;

/** Reads genres, and the genres of many movies in one statement. */
public final class GenreRepository {

    private final DSLContext dsl;

    public GenreRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every genre, by name. */
    public List<Genre> all() {
        return dsl.select(GENRE.ID, GENRE.NAME).from(GENRE)
                .orderBy(DSL.lower(GENRE.NAME), GENRE.ID)
                .fetch(r -> new Genre(r.value1(), r.value2()));
    }

    public Optional<Genre> findById(long id) {
        return dsl.select(GENRE.ID, GENRE.NAME).from(GENRE).where(GENRE.ID.eq(id))
                .fetchOptional(r -> new Genre(r.value1(), r.value2()));
    }

    /** The genres among {@code ids} that exist, by id: one statement. */
    public Map<Long, Genre> byIds(Collection<Long> ids) {
        return dsl.select(GENRE.ID, GENRE.NAME).from(GENRE).where(GENRE.ID.eq(DSL.any(ids.toArray(Long[]::new))))
                .fetchMap(r -> r.value1(), r -> new Genre(r.value1(), r.value2()));
    }

    /** The genres of each of {@code movieIds}, by name; a movie without genres maps to an empty list. */
    public Map<Long, List<Genre>> byMovie(Collection<Long> movieIds) {
        Map<Long, List<Genre>> result = new HashMap<>();
        movieIds.forEach(id -> result.put(id, new ArrayList<>()));
        dsl.select(MOVIE_GENRE.MOVIE_ID, GENRE.ID, GENRE.NAME)
                .from(MOVIE_GENRE).join(GENRE).on(GENRE.ID.eq(MOVIE_GENRE.GENRE_ID))
                .where(MOVIE_GENRE.MOVIE_ID.eq(DSL.any(movieIds.toArray(Long[]::new))))
                .orderBy(DSL.lower(GENRE.NAME), GENRE.ID)
                .forEach(r -> result.get(r.value1()).add(new Genre(r.value2(), r.value3())));
        return result;
    }
}

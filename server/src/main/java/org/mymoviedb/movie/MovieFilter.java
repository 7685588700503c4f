package org.mymoviedb.movie;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.data.LikePattern;
import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE;
import static org.mymoviedb.jooq.Tables.MOVIE_DIRECTOR;
import static org.mymoviedb.jooq.Tables.MOVIE_GENRE;
import static org.mymoviedb.jooq.Tables.PERSON;

/**
 * Which movies a list shows: the client's MovieFilter, plus the scope of a nested list (a genre's movies, a
 * person's films). Every part given must hold.
 */
public record MovieFilter(
        String titleContains,
        List<String> genres,
        String director,
        Integer releaseYearMin,
        Integer releaseYearMax,
        Integer ratingMin,
        Integer ratingMax,
        Long genreId,
        Long directorId) {

    public static final MovieFilter NONE = new MovieFilter(null, List.of(), null, null, null, null, null, null, null);

    /** Reads the GraphQL argument {@code filter: MovieFilter}, checking its ranges. */
    @SuppressWarnings("unchecked")
    public static MovieFilter fromArgument(Map<String, Object> argument) {
        if (argument == null) {
            return NONE;
        }
        Map<String, Object> years = (Map<String, Object>) argument.get("releaseYear");
        Map<String, Object> ratings = (Map<String, Object>) argument.get("rating");
        List<String> genres = argument.get("genres") == null ? List.of() : (List<String>) argument.get("genres");
        MovieFilter filter = new MovieFilter(
                text(argument, "titleContains", 512),
                genres.stream().map(String::trim).filter(g -> !g.isEmpty()).toList(),
                text(argument, "director", 300),
                bound(years, "min"), bound(years, "max"),
                bound(ratings, "min"), bound(ratings, "max"),
                null, null);
        checkRange("releaseYear", filter.releaseYearMin, filter.releaseYearMax, 1, 9999);
        checkRange("rating", filter.ratingMin, filter.ratingMax, 0, 100);
        return filter;
    }

    /** This filter, narrowed to one genre's movies. */
    public MovieFilter inGenre(long id) {
        return new MovieFilter(titleContains, genres, director, releaseYearMin, releaseYearMax, ratingMin, ratingMax,
                id, directorId);
    }

    /** This filter, narrowed to the movies one person directed. */
    public MovieFilter directedBy(long personId) {
        return new MovieFilter(titleContains, genres, director, releaseYearMin, releaseYearMax, ratingMin, ratingMax,
                genreId, personId);
    }

    /** The SQL condition on MOVIE. */
    Condition condition() {
        List<Condition> conditions = new ArrayList<>();
        if (titleContains != null) {
            conditions.add(MOVIE.TITLE.likeIgnoreCase(LikePattern.contains(titleContains), LikePattern.ESCAPE));
        }
        if (!genres.isEmpty()) {
            conditions.add(hasAnyGenre());
        }
        if (director != null) {
            conditions.add(DSL.exists(DSL.selectOne()
                    .from(MOVIE_DIRECTOR).join(PERSON).on(PERSON.ID.eq(MOVIE_DIRECTOR.PERSON_ID))
                    .where(MOVIE_DIRECTOR.MOVIE_ID.eq(MOVIE.ID))
                    .and(PERSON.NAME.likeIgnoreCase(LikePattern.contains(director), LikePattern.ESCAPE))));
        }
        if (releaseYearMin != null) {
            conditions.add(MOVIE.RELEASE_DATE.ge(LocalDate.of(releaseYearMin, 1, 1)));
        }
        if (releaseYearMax != null) {
            conditions.add(MOVIE.RELEASE_DATE.lt(LocalDate.of(releaseYearMax, 1, 1).plusYears(1)));
        }
        if (ratingMin != null) {
            conditions.add(MOVIE.RATING.ge(ratingMin.shortValue()));
        }
        if (ratingMax != null) {
            conditions.add(MOVIE.RATING.le(ratingMax.shortValue()));
        }
        if (genreId != null) {
            conditions.add(DSL.exists(DSL.selectOne().from(MOVIE_GENRE)
                    .where(MOVIE_GENRE.MOVIE_ID.eq(MOVIE.ID)).and(MOVIE_GENRE.GENRE_ID.eq(genreId))));
        }
        if (directorId != null) {
            conditions.add(DSL.exists(DSL.selectOne().from(MOVIE_DIRECTOR)
                    .where(MOVIE_DIRECTOR.MOVIE_ID.eq(MOVIE.ID)).and(MOVIE_DIRECTOR.PERSON_ID.eq(directorId))));
        }
        return DSL.and(conditions);
    }

    /**
     * The movie has one of the named genres: its genre ids (kept by the database from movie_genre) overlap those
     * of the names. With titleContains, the index on (title, genre_ids) intersects both. Without it, the overlap
     * is wrapped so that no index takes it: a genre's bitmap holds 5-25% of the catalogue, and the planner, which
     * cannot know the ids while planning, would AND it with the release-date index instead of walking the
     * ordering's index and checking each row's array (bench/README.md, "Filtered search").
     */
    private Condition hasAnyGenre() {
        Field<Long[]> named = DSL.field(DSL.select(DSL.coalesce(DSL.arrayAgg(GENRE.ID), DSL.val(new Long[0])))
                .from(GENRE)
                .where(DSL.lower(GENRE.NAME).in(genres.stream().map(g -> g.toLowerCase(Locale.ROOT)).toList())));
        Condition overlap = DSL.arrayOverlap(MOVIE.GENRE_IDS, named);
        return titleContains != null ? overlap : DSL.condition("({0}) is true", overlap);
    }

    private static String text(Map<String, Object> argument, String name, int maxLength) {
        String value = (String) argument.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT, name + " may be at most " + maxLength + " characters");
        }
        return value.trim();
    }

    private static Integer bound(Map<String, Object> range, String end) {
        return range == null ? null : (Integer) range.get(end);
    }

    private static void checkRange(String name, Integer min, Integer max, int lowest, int highest) {
        for (Integer v : new Integer[] {min, max}) {
            if (v != null && (v < lowest || v > highest)) {
                throw new ApiException(ErrorCode.BAD_USER_INPUT,
                        name + " bounds must be between " + lowest + " and " + highest + ", not " + v);
            }
        }
        if (min != null && max != null && min > max) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT, name + ".min (" + min + ") is above max (" + max + ")");
        }
    }
}

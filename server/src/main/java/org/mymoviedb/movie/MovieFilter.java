package org.mymoviedb.movie;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
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
        Long directorId,
        Refinements more) {

    /**
     * The filter's later conditions, kept together so the scopes above stay short to copy.
     *
     * @param search       part of the title or of any director's name
     * @param updatedSince changed at or after this instant
     * @param releaseFrom  released on or after this day
     * @param releaseTo    released on or before this day
     * @param ids          one of these movies; null for any
     * @param hasDirector  whether a director is credited (null: either)
     * @param hasRating    whether a rating is known (null: either)
     * @param hasRuntime   whether a runtime is known (null: either)
     */
    public record Refinements(String search, OffsetDateTime updatedSince, LocalDate releaseFrom, LocalDate releaseTo,
                             List<Long> ids, Boolean hasDirector, Boolean hasRating, Boolean hasRuntime) {

        static final Refinements NONE = new Refinements(null, null, null, null, null, null, null, null);
    }

    /** At most this many ids in one {@code ids} filter, as a page holds at most 100 movies. */
    public static final int MAX_IDS = 100;

    public static final MovieFilter NONE = new MovieFilter(null, List.of(), null, null, null, null, null, null, null,
            Refinements.NONE);

    /** Reads the GraphQL argument {@code filter: MovieFilter}, checking its ranges. */
    @SuppressWarnings("unchecked")
    public static MovieFilter fromArgument(Map<String, Object> argument) {
        if (argument == null) {
            return NONE;
        }
        Map<String, Object> years = (Map<String, Object>) argument.get("releaseYear");
        Map<String, Object> released = (Map<String, Object>) argument.get("releaseDate");
        Map<String, Object> ratings = (Map<String, Object>) argument.get("rating");
        List<String> genres = argument.get("genres") == null ? List.of() : (List<String>) argument.get("genres");
        MovieFilter filter = new MovieFilter(
                text(argument, "titleContains", 512),
                genres.stream().map(String::trim).filter(g -> !g.isEmpty()).toList(),
                text(argument, "director", 300),
                bound(years, "min"), bound(years, "max"),
                bound(ratings, "min"), bound(ratings, "max"),
                null, argument.get("directorId") == null ? null : Ids.parse(argument.get("directorId"), NodeType.PERSON),
                new Refinements(text(argument, "search", 300), (OffsetDateTime) argument.get("updatedSince"),
                        released == null ? null : (LocalDate) released.get("from"),
                        released == null ? null : (LocalDate) released.get("to"),
                        ids((List<Object>) argument.get("ids")),
                        (Boolean) argument.get("hasDirector"), (Boolean) argument.get("hasRating"),
                        (Boolean) argument.get("hasRuntime")));
        checkRange("releaseYear", filter.releaseYearMin, filter.releaseYearMax, 1, 9999);
        checkRange("rating", filter.ratingMin, filter.ratingMax, 0, 100);
        LocalDate from = filter.more.releaseFrom();
        LocalDate to = filter.more.releaseTo();
        if (from != null && to != null && from.isAfter(to)) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT,
                    "releaseDate.from (" + from + ") is after to (" + to + ")");
        }
        return filter;
    }

    /** This filter, narrowed to one genre's movies. */
    public MovieFilter inGenre(long id) {
        return new MovieFilter(titleContains, genres, director, releaseYearMin, releaseYearMax, ratingMin, ratingMax,
                id, directorId, more);
    }

    /** This filter, narrowed to the movies one person directed. */
    public MovieFilter directedBy(long personId) {
        return new MovieFilter(titleContains, genres, director, releaseYearMin, releaseYearMax, ratingMin, ratingMax,
                genreId, personId, more);
    }

    /** The SQL condition on MOVIE, for a page in an order. */
    Condition condition() {
        return condition(false);
    }

    /**
     * The SQL condition on MOVIE, for counting all matches: no order to walk, so the genre overlap is left to the
     * title's GIN index, which ANDs it with the other conditions' indexes (bench/README.md, "Search plans at
     * 1,000,000 movies").
     */
    Condition countCondition() {
        return condition(true);
    }

    private Condition condition(boolean counting) {
        List<Condition> conditions = new ArrayList<>();
        if (titleContains != null) {
            conditions.add(MOVIE.TITLE.likeIgnoreCase(LikePattern.contains(titleContains), LikePattern.ESCAPE));
        }
        if (!genres.isEmpty()) {
            conditions.add(hasAnyGenre(counting));
        }
        if (director != null) {
            conditions.add(directorNamed(director));
        }
        if (more.search() != null) {
            conditions.add(MOVIE.TITLE.likeIgnoreCase(LikePattern.contains(more.search()), LikePattern.ESCAPE)
                    .or(directorNamed(more.search())));
        }
        if (more.updatedSince() != null) {
            conditions.add(MOVIE.UPDATED_AT.ge(more.updatedSince()));
        }
        if (more.releaseFrom() != null) {
            conditions.add(MOVIE.RELEASE_DATE.ge(more.releaseFrom()));
        }
        if (more.releaseTo() != null) {
            conditions.add(MOVIE.RELEASE_DATE.le(more.releaseTo()));
        }
        if (more.ids() != null) {
            conditions.add(MOVIE.ID.eq(DSL.any(more.ids().toArray(Long[]::new))));
        }
        if (more.hasDirector() != null) {
            Condition credited = DSL.exists(DSL.selectOne().from(MOVIE_DIRECTOR)
                    .where(MOVIE_DIRECTOR.MOVIE_ID.eq(MOVIE.ID)));
            conditions.add(more.hasDirector() ? credited : DSL.not(credited));
        }
        if (more.hasRating() != null) {
            conditions.add(more.hasRating() ? rated().ge(0) : rated().eq(-1));
        }
        if (more.hasRuntime() != null) {
            conditions.add(more.hasRuntime() ? MOVIE.RUNTIME_MINUTES.isNotNull() : MOVIE.RUNTIME_MINUTES.isNull());
        }
        if (releaseYearMin != null) {
            conditions.add(MOVIE.RELEASE_DATE.ge(LocalDate.of(releaseYearMin, 1, 1)));
        }
        if (releaseYearMax != null) {
            conditions.add(MOVIE.RELEASE_DATE.lt(LocalDate.of(releaseYearMax, 1, 1).plusYears(1)));
        }
        if (ratingMin != null) {
            conditions.add(rated().ge(ratingMin));
        }
        if (ratingMax != null) {
            conditions.add(rated().between(0, ratingMax));
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
     * Whether every movie this filter admits sorts strictly after {@code value} in {@code key}'s order read upward
     * (ascending) or, if not {@code upward}, downward: then a page that starts after a position holding that value
     * starts where the filter's bound on {@code key} does. False when the filter does not bound {@code key}.
     * PostgreSQL cannot tell which of a scalar bound and a row comparison starts an index scan later, and starts
     * it at the row comparison: a position far before the filter's range has it walk the index up to the range
     * (bench/README.md, "Positions outside the filter").
     */
    boolean admitsNothingUpTo(MovieOrder.Key key, Object value, boolean upward) {
        if (value == null) {
            return false;
        }
        return switch (key) {
            case RATING -> upward ? isBefore((Integer) value, lowestRating()) : isBefore(highestRating(), (Integer) value);
            case RELEASE_DATE -> upward ? isBefore((LocalDate) value, firstDay()) : isBefore(lastDay(), (LocalDate) value);
            case UPDATED_AT -> upward && isBefore((OffsetDateTime) value, more.updatedSince());
            default -> false;
        };
    }

    /** The lowest rating key (unrated -1, see {@link #rated()}) this filter admits; null if unbounded. */
    private Integer lowestRating() {
        if (ratingMin != null) {
            return ratingMin;
        }
        return ratingMax != null || Boolean.TRUE.equals(more.hasRating()) ? 0 : null;
    }

    /** The highest rating key this filter admits; null if unbounded. */
    private Integer highestRating() {
        return Boolean.FALSE.equals(more.hasRating()) ? Integer.valueOf(-1) : ratingMax;
    }

    /** The first release day this filter admits; null if unbounded. */
    private LocalDate firstDay() {
        LocalDate fromYear = releaseYearMin == null ? null : LocalDate.of(releaseYearMin, 1, 1);
        LocalDate from = more.releaseFrom();
        return from == null || fromYear != null && fromYear.isAfter(from) ? fromYear : from;
    }

    /** The last release day this filter admits; null if unbounded. */
    private LocalDate lastDay() {
        LocalDate toYear = releaseYearMax == null ? null : LocalDate.of(releaseYearMax, 12, 31);
        LocalDate to = more.releaseTo();
        return to == null || toYear != null && toYear.isBefore(to) ? toYear : to;
    }

    /** Whether {@code a} comes strictly before {@code b}; false if either is unknown (unbounded). */
    private static <T extends Comparable<? super T>> boolean isBefore(T a, T b) {
        return a != null && b != null && a.compareTo(b) < 0;
    }

    /**
     * The movie has one of the named genres: its genre ids (kept by the database from movie_genre) overlap those
     * of the names. With titleContains, the index on (title, genre_ids) intersects both. Without it, the overlap
     * is wrapped so that no index takes it: a genre's bitmap holds 5-25% of the catalogue, and the planner, which
     * cannot know the ids while planning, would AND it with the release-date index instead of walking the
     * ordering's index and checking each row's array (bench/README.md, "Filtered search"). A count has no
     * ordering's index to walk: it leaves the overlap to the index ({@code indexed}).
     */
    private Condition hasAnyGenre(boolean indexed) {
        Field<Long[]> named = DSL.field(DSL.select(DSL.coalesce(DSL.arrayAgg(GENRE.ID), DSL.val(new Long[0])))
                .from(GENRE)
                .where(DSL.lower(GENRE.NAME).in(genres.stream().map(g -> g.toLowerCase(Locale.ROOT)).toList())));
        Condition overlap = DSL.arrayOverlap(MOVIE.GENRE_IDS, named);
        return titleContains != null || indexed ? overlap : DSL.condition("({0}) is true", overlap);
    }

    /**
     * The rating as the RATING order's index holds it, unrated as -1: a rating condition written on it is a range
     * of that index, so a page by rating starts at the range instead of walking the index past every movie below
     * it (bench/README.md, "Search plans at 1,000,000 movies"). Ratings are 0-100 (a check constraint), so
     * {@code rating >= min} is {@code key >= min} for any min >= 0, {@code rating <= max} is
     * {@code key between 0 and max}, and an unknown rating is {@code key = -1}.
     */
    @SuppressWarnings("unchecked")
    private static Field<Integer> rated() {
        return (Field<Integer>) MovieOrder.Key.RATING.field();
    }

    /** The movie credits a director whose name contains {@code part}, in any case. */
    private static Condition directorNamed(String part) {
        return DSL.exists(DSL.selectOne()
                .from(MOVIE_DIRECTOR).join(PERSON).on(PERSON.ID.eq(MOVIE_DIRECTOR.PERSON_ID))
                .where(MOVIE_DIRECTOR.MOVIE_ID.eq(MOVIE.ID))
                .and(PERSON.NAME.likeIgnoreCase(LikePattern.contains(part), LikePattern.ESCAPE)));
    }

    /** The {@code ids} filter's movie ids: at most {@link #MAX_IDS}, each a valid ID. */
    private static List<Long> ids(List<Object> ids) {
        if (ids == null) {
            return null;
        }
        if (ids.size() > MAX_IDS) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT,
                    "ids may name at most " + MAX_IDS + " movies, not " + ids.size());
        }
        return ids.stream().map(id -> Ids.parse(id, NodeType.MOVIE)).distinct().toList();
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

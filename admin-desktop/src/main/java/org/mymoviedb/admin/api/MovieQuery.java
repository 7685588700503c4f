package org.mymoviedb.admin.api;

import java.util.List;

/**
 * Which movies the list shows, in which order; null fields do not filter. {@code search} matches titles and
 * directors' names; {@code hasDirector}, {@code hasRating} and {@code hasRuntime} false ask for the movies that lack
 * one ("no director"), true for those that have one.
 */
public record MovieQuery(String titleContains, String genre, String director, Integer yearMin, Integer yearMax,
                         Integer ratingMin, Integer ratingMax, List<MovieOrder> orderBy, String search,
                         Boolean hasDirector, Boolean hasRating, Boolean hasRuntime) {

    /** One sort key; field is a MovieOrderField: TITLE, RELEASE_DATE, RATING, RUNTIME, UPDATED_AT, CREATED_AT. */
    public record MovieOrder(String field, boolean descending) {
    }

    public MovieQuery(String titleContains, String genre, String director, Integer yearMin, Integer yearMax,
                      Integer ratingMin, Integer ratingMax, List<MovieOrder> orderBy) {
        this(titleContains, genre, director, yearMin, yearMax, ratingMin, ratingMax, orderBy, null, null, null, null);
    }

    public static MovieQuery everything() {
        return new MovieQuery(null, null, null, null, null, null, null, List.of());
    }
}

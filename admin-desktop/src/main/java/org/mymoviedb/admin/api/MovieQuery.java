package org.mymoviedb.admin.api;

import java.util.List;

/** Which movies the list shows, in which order; null fields do not filter. */
public record MovieQuery(String titleContains, String genre, String director, Integer yearMin, Integer yearMax,
                         Integer ratingMin, Integer ratingMax, List<MovieOrder> orderBy) {

    /** One sort key; field is TITLE, RELEASE_DATE or RATING. */
    public record MovieOrder(String field, boolean descending) {
    }

    public static MovieQuery everything() {
        return new MovieQuery(null, null, null, null, null, null, null, List.of());
    }
}

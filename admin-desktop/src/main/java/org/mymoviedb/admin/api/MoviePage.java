package org.mymoviedb.admin.api;

import java.util.List;

/** One page of the movie list, the cursor to continue after it and how many match in all. */
public record MoviePage(List<Movie> movies, int totalCount, boolean hasNextPage, String endCursor) {
}

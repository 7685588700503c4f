package org.mymoviedb.graphql.movie;

import java.util.List;
import java.util.Map;
import org.mymoviedb.base.PageRequest;
import org.mymoviedb.graphql.fetching.PageArguments;
import org.mymoviedb.movie.MovieFilter;
import org.mymoviedb.movie.MovieOrder;

/**
 * A page of movies as a connection field's arguments ask for it, checked (page size, cursor, orderBy) before
 * anything is read.
 */
public record MoviePage(MovieFilter filter, List<MovieOrder> orders, PageArguments arguments, PageRequest request) {

    /** Query.movies: the filter comes from the arguments too. */
    @SuppressWarnings("unchecked")
    public static MoviePage ofMovies(Map<String, Object> arguments) {
        return of(arguments, MovieFilter.fromArgument((Map<String, Object>) arguments.get("filter")));
    }

    /** A movie connection's coerced arguments (first/after/last/before, orderBy) over {@code filter}. */
    @SuppressWarnings("unchecked")
    public static MoviePage of(Map<String, Object> arguments, MovieFilter filter) {
        PageArguments page = PageArguments.from(arguments);
        List<MovieOrder> orders = MovieOrder.fromArgument((List<Map<String, Object>>) arguments.get("orderBy"));
        return new MoviePage(filter, orders, page, page.toRequest(cursor -> MovieCursors.decode(orders, cursor)));
    }
}

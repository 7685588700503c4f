package org.mymoviedb.graphql.movie;

import java.util.List;
import org.mymoviedb.base.Keyset;
import org.mymoviedb.graphql.fetching.Cursors;
import org.mymoviedb.movie.Movie;
import org.mymoviedb.movie.MovieOrder;

/** A movie list's cursors: the movie's position in the list's ordering, tagged with that ordering. */
final class MovieCursors {

    private MovieCursors() {
    }

    static String encode(List<MovieOrder> orders, Movie movie) {
        return Cursors.encode(MovieOrder.signature(orders), MovieOrder.positionOf(orders, movie));
    }

    static Keyset decode(List<MovieOrder> orders, String cursor) {
        return Cursors.decode(cursor, MovieOrder.signature(orders), MovieOrder.positionTypes(orders));
    }
}

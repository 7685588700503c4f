package org.mymoviedb.graphql.movie;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.PageRequest;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.graphql.fetching.Connection;
import org.mymoviedb.graphql.fetching.Loaders;
import org.mymoviedb.graphql.fetching.PageArguments;
import org.mymoviedb.graphql.fetching.Selections;
import org.mymoviedb.movie.Movie;
import org.mymoviedb.movie.MovieFilter;
import org.mymoviedb.movie.MovieOrder;
import org.mymoviedb.movie.MovieRepository;
import org.mymoviedb.names.Genre;
import org.mymoviedb.names.Person;

/** The movie fields of the schema: the movie lists, one movie, and a movie's genres and directors. */
public final class MovieFetchers {

    private final MovieRepository movies;
    private final DatabaseExecutor executor;

    public MovieFetchers(MovieRepository movies, DatabaseExecutor executor) {
        this.movies = movies;
        this.executor = executor;
    }

    /** Query.movies */
    public CompletableFuture<Connection<Movie>> movies(DataFetchingEnvironment env) {
        return page(env, MovieFilter.fromArgument(env.getArgument("filter")));
    }

    /** Genre.movies, Person.directed and Query.movies: a page of movies matching {@code filter}. */
    public CompletableFuture<Connection<Movie>> page(DataFetchingEnvironment env, MovieFilter filter) {
        PageArguments arguments = PageArguments.from(env);
        List<Map<String, Object>> orderBy = env.getArgument("orderBy");
        List<MovieOrder> orders = MovieOrder.fromArgument(orderBy);
        PageRequest request = arguments.toRequest(cursor -> MovieCursors.decode(orders, cursor));
        boolean count = Selections.selects(env, "totalCount");
        return executor.supply(() -> Connection.of(movies.page(filter, orders, request, count), arguments,
                movie -> MovieCursors.encode(orders, movie)));
    }

    /** Query.movie */
    public CompletableFuture<Movie> movie(DataFetchingEnvironment env) {
        long id = Ids.parse(env.getArgument("id"));
        return executor.supply(() -> movies.findById(id)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "There is no movie with ID " + id)));
    }

    /** Movie.genres, batched per request. */
    public CompletableFuture<List<Genre>> genres(DataFetchingEnvironment env) {
        Movie movie = env.getSource();
        return env.<Long, List<Genre>>getDataLoader(Loaders.GENRES_BY_MOVIE).load(movie.id());
    }

    /** Movie.directors, batched per request. */
    public CompletableFuture<List<Person>> directors(DataFetchingEnvironment env) {
        Movie movie = env.getSource();
        return env.<Long, List<Person>>getDataLoader(Loaders.DIRECTORS_BY_MOVIE).load(movie.id());
    }
}

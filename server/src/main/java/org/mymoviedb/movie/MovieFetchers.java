package org.mymoviedb.movie;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.genre.Genre;
import org.mymoviedb.graphql.ApiException;
import org.mymoviedb.graphql.Connection;
import org.mymoviedb.graphql.ErrorCode;
import org.mymoviedb.graphql.Ids;
import org.mymoviedb.graphql.Loaders;
import org.mymoviedb.graphql.PageRequest;
import org.mymoviedb.graphql.Selections;
import org.mymoviedb.person.Person;

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
        PageRequest request = PageRequest.from(env);
        List<Map<String, Object>> orderBy = env.getArgument("orderBy");
        List<MovieOrder> orders = MovieOrder.fromArgument(orderBy);
        boolean count = Selections.selects(env, "totalCount");
        return executor.supply(() -> movies.page(filter, orders, request, count));
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

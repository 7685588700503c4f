package org.mymoviedb.graphql.movie;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.jooq.Field;
import org.jooq.Record;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.graphql.fetching.Connection;
import org.mymoviedb.graphql.fetching.Loaders;
import org.mymoviedb.graphql.fetching.Selections;
import org.mymoviedb.movie.Movie;
import org.mymoviedb.movie.MovieFilter;
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
        MoviePage page = MoviePage.ofMovies(env.getArguments());
        boolean count = Selections.selects(env, "totalCount");
        return executor.supply(() -> read(page, count));
    }

    /** Genre.movies, Person.directed and Query.movies: a page of movies matching {@code filter}. */
    public CompletableFuture<Connection<Movie>> page(DataFetchingEnvironment env, MovieFilter filter) {
        MoviePage page = MoviePage.of(env.getArguments(), filter);
        boolean count = Selections.selects(env, "totalCount");
        return executor.supply(() -> read(page, count));
    }

    /** Reads {@code page} now, on the calling thread; counts every match if {@code count}. */
    public Connection<Movie> read(MoviePage page, boolean count) {
        return Connection.of(movies.page(page.filter(), page.orders(), page.request(), count), page.arguments(),
                movie -> MovieCursors.encode(page.orders(), movie));
    }

    /** As {@link #read(MoviePage, boolean)}, with {@code extra} columns in each movie's row for {@code alongside}. */
    public Connection<Movie> read(MoviePage page, boolean count, List<Field<?>> extra,
                                  BiConsumer<Movie, Record> alongside) {
        return Connection.of(movies.page(page.filter(), page.orders(), page.request(), count, extra, alongside),
                page.arguments(), movie -> MovieCursors.encode(page.orders(), movie));
    }

    /** Query.movie */
    public CompletableFuture<Movie> movie(DataFetchingEnvironment env) {
        long id = Ids.parse(env.getArgument("id"), NodeType.MOVIE);
        return executor.supply(() -> movie(id));
    }

    /** The movie with {@code id}, read now on the calling thread, or NOT_FOUND. */
    public Movie movie(long id) {
        return movies.findById(id)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "There is no movie with ID " + id));
    }

    /** As {@link #movie(long)}, with {@code extra} columns in the movie's row for {@code alongside}. */
    public Movie movie(long id, List<Field<?>> extra, BiConsumer<Movie, Record> alongside) {
        return movies.findById(id, extra, alongside)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "There is no movie with ID " + id));
    }

    /** Runs {@code work} on the database executor, as every movie fetcher does. */
    public <T> CompletableFuture<T> onDatabase(java.util.function.Supplier<T> work) {
        return executor.supply(work);
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

package org.mymoviedb.graphql.names;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.graphql.fetching.Connection;
import org.mymoviedb.graphql.movie.MovieFetchers;
import org.mymoviedb.movie.Movie;
import org.mymoviedb.movie.MovieFilter;
import org.mymoviedb.names.Genre;
import org.mymoviedb.names.GenreRepository;

/** The genre fields of the schema. */
public final class GenreFetchers {

    private final GenreRepository genres;
    private final MovieFetchers movies;
    private final DatabaseExecutor executor;

    public GenreFetchers(GenreRepository genres, MovieFetchers movies, DatabaseExecutor executor) {
        this.genres = genres;
        this.movies = movies;
        this.executor = executor;
    }

    /** Query.genres */
    public CompletableFuture<List<Genre>> genres(DataFetchingEnvironment env) {
        return executor.supply(genres::all);
    }

    /** Query.genre */
    public CompletableFuture<Genre> genre(DataFetchingEnvironment env) {
        long id = Ids.parse(env.getArgument("id"), NodeType.GENRE);
        return executor.supply(() -> genres.findById(id)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "There is no genre with ID " + id)));
    }

    /** Genre.movies */
    public CompletableFuture<Connection<Movie>> movies(DataFetchingEnvironment env) {
        Genre genre = env.getSource();
        return movies.page(env, MovieFilter.NONE.inGenre(genre.id()));
    }
}

package org.mymoviedb.graphql.movie;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.base.UserError;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.graphql.fetching.DeletePayload;
import org.mymoviedb.graphql.auth.Actor;
import org.mymoviedb.movie.Movie;
import org.mymoviedb.movie.MovieInput;
import org.mymoviedb.movie.MovieWrites;
import org.mymoviedb.names.NameRef;

/** createMovie, updateMovie, deleteMovie, deleteMovies, importMovies. */
public final class MovieMutations {

    /** MoviePayload: the movie, or userErrors (and on CONFLICT, the movie as it is now). */
    public record MoviePayload(Movie movie, Movie current, List<UserError> userErrors) {

        static MoviePayload refused(List<UserError> errors, Object current) {
            return new MoviePayload(null, current instanceof Movie movie ? movie : null, errors);
        }
    }

    /** DeleteMoviesPayload: what was deleted, or userErrors and each changed movie as it is now. */
    public record DeleteMoviesPayload(List<String> deletedIds, List<Movie> current, List<UserError> userErrors) {
    }

    private final MovieWrites writes;
    private final DatabaseExecutor executor;
    private final MovieCsvImport csvImport;

    public MovieMutations(MovieWrites writes, DatabaseExecutor executor, MovieCsvImport csvImport) {
        this.writes = writes;
        this.executor = executor;
        this.csvImport = csvImport;
    }

    /** importMovies: the CSV as the import command would take it, in one transaction, or a dry run of it. */
    public CompletableFuture<MovieCsvImport.ImportMoviesPayload> importCsv(DataFetchingEnvironment env) {
        String csv = env.getArgument("csv");
        boolean dryRun = Boolean.TRUE.equals(env.getArgument("dryRun"));
        return Actor.write(env, executor, user -> csvImport.run(user.author(), csv, dryRun),
                (errors, current) -> {
                    throw new IllegalStateException("an import reports rejections, not userErrors: " + errors);
                });
    }

    public CompletableFuture<MoviePayload> create(DataFetchingEnvironment env) {
        MovieInput input = input(env.getArgument("input"));
        return Actor.write(env, executor, user -> new MoviePayload(writes.create(user.author(), input), null,
                List.of()), MoviePayload::refused);
    }

    public CompletableFuture<MoviePayload> update(DataFetchingEnvironment env) {
        long id = Ids.parse(env.getArgument("id"), NodeType.MOVIE);
        int expectedVersion = env.getArgument("expectedVersion");
        MovieInput input = input(env.getArgument("input"));
        return Actor.write(env, executor, user -> new MoviePayload(
                writes.update(user.author(), id, expectedVersion, input), null, List.of()), MoviePayload::refused);
    }

    public CompletableFuture<DeletePayload> delete(DataFetchingEnvironment env) {
        long id = Ids.parse(env.getArgument("id"), NodeType.MOVIE);
        int expectedVersion = env.getArgument("expectedVersion");
        return Actor.write(env, executor, user -> {
            writes.delete(user.author(), id, expectedVersion);
            return DeletePayload.deleted(NodeType.MOVIE, id);
        }, DeletePayload::refused);
    }

    @SuppressWarnings("unchecked")
    public CompletableFuture<DeleteMoviesPayload> deleteAll(DataFetchingEnvironment env) {
        List<Map<String, Object>> raw = env.getArgument("movies");
        List<MovieWrites.ExpectedVersion> movies = raw.stream().map(m -> new MovieWrites.ExpectedVersion(
                Ids.parse(m.get("id"), NodeType.MOVIE), (Integer) m.get("expectedVersion"))).toList();
        return Actor.write(env, executor,
                user -> new DeleteMoviesPayload(writes.deleteAll(user.author(), movies).stream()
                        .map(id -> Ids.global(NodeType.MOVIE, id)).toList(), List.of(), List.of()),
                (errors, current) -> new DeleteMoviesPayload(List.of(),
                        current instanceof List<?> changed ? (List<Movie>) changed : List.of(), errors));
    }

    /** The MovieInput argument as the write service reads it: the fields given, and the named references. */
    private static MovieInput input(Map<String, Object> input) {
        return new MovieInput(input.keySet(), (String) input.get("title"), input.get("releaseDate"),
                (Integer) input.get("rating"), (Integer) input.get("runtimeMinutes"),
                refs(input.get("genres")), refs(input.get("directors")));
    }

    @SuppressWarnings("unchecked")
    private static List<NameRef> refs(Object value) {
        if (value == null) {
            return null;
        }
        return ((List<Map<String, Object>>) value).stream()
                .map(ref -> new NameRef(ref.get("id") == null ? null : ref.get("id").toString(),
                        (String) ref.get("name")))
                .toList();
    }
}

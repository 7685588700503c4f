package org.mymoviedb.movie;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.mymoviedb.auth.Actor;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.graphql.Ids;

/** createMovie, updateMovie, deleteMovie, deleteMovies. */
public final class MovieMutations {

    private final MovieWrites writes;
    private final DatabaseExecutor executor;

    public MovieMutations(MovieWrites writes, DatabaseExecutor executor) {
        this.writes = writes;
        this.executor = executor;
    }

    public CompletableFuture<MovieWrites.MoviePayload> create(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        return Actor.write(env, executor, user -> writes.create(user, input));
    }

    public CompletableFuture<MovieWrites.MoviePayload> update(DataFetchingEnvironment env) {
        long id = Ids.parse(env.getArgument("id"));
        int expectedVersion = env.getArgument("expectedVersion");
        Map<String, Object> input = env.getArgument("input");
        return Actor.write(env, executor, user -> writes.update(user, id, expectedVersion, input));
    }

    public CompletableFuture<MovieWrites.DeletePayload> delete(DataFetchingEnvironment env) {
        long id = Ids.parse(env.getArgument("id"));
        int expectedVersion = env.getArgument("expectedVersion");
        return Actor.write(env, executor, user -> writes.delete(user, id, expectedVersion));
    }

    public CompletableFuture<MovieWrites.DeleteMoviesPayload> deleteAll(DataFetchingEnvironment env) {
        List<Map<String, Object>> raw = env.getArgument("movies");
        List<MovieWrites.ExpectedVersion> movies = raw.stream().map(m -> new MovieWrites.ExpectedVersion(
                Ids.parse(m.get("id")), (Integer) m.get("expectedVersion"))).toList();
        return Actor.write(env, executor, user -> writes.deleteAll(user, movies));
    }
}

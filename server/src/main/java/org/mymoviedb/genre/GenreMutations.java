package org.mymoviedb.genre;

import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.mymoviedb.auth.Actor;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.graphql.Ids;
import org.mymoviedb.movie.MovieWrites;

/** createGenre, renameGenre, deleteGenre. */
public final class GenreMutations {

    private final GenreWrites writes;
    private final DatabaseExecutor executor;

    public GenreMutations(GenreWrites writes, DatabaseExecutor executor) {
        this.writes = writes;
        this.executor = executor;
    }

    public CompletableFuture<GenreWrites.GenrePayload> create(DataFetchingEnvironment env) {
        String name = env.getArgument("name");
        return Actor.write(env, executor, user -> writes.create(user, name));
    }

    public CompletableFuture<GenreWrites.GenrePayload> rename(DataFetchingEnvironment env) {
        long id = Ids.parse(env.getArgument("id"));
        String name = env.getArgument("name");
        return Actor.write(env, executor, user -> writes.rename(user, id, name));
    }

    public CompletableFuture<MovieWrites.DeletePayload> delete(DataFetchingEnvironment env) {
        long id = Ids.parse(env.getArgument("id"));
        boolean cascade = Boolean.TRUE.equals(env.getArgument("cascade"));
        return Actor.write(env, executor, user -> writes.delete(user, id, cascade));
    }
}

package org.mymoviedb.auth;

import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.graphql.ApiException;
import org.mymoviedb.graphql.ErrorCode;

/** Runs a write on a database thread on behalf of the signed-in user (whom @auth has already checked). */
public final class Actor {

    private Actor() {
    }

    public static <T> CompletableFuture<T> write(DataFetchingEnvironment env, DatabaseExecutor executor,
                                                 Function<User, T> work) {
        Viewer viewer = env.getGraphQlContext().get(Viewer.KEY);
        return viewer.user().thenCompose(user -> executor.supply(() -> work.apply(user.orElseThrow(
                () -> new ApiException(ErrorCode.UNAUTHENTICATED, "Sign in first")))));
    }
}

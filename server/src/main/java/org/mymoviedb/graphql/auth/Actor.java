package org.mymoviedb.graphql.auth;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.mymoviedb.auth.User;
import org.mymoviedb.auth.Viewer;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.base.UserError;
import org.mymoviedb.base.UserErrorsException;
import org.mymoviedb.data.DatabaseExecutor;

/** Runs a write on a database thread on behalf of the signed-in user (whom @auth has already checked). */
public final class Actor {

    private Actor() {
    }

    /**
     * Runs {@code work} for the signed-in user; a write refused with userErrors answers with the payload
     * {@code refused} builds from them and from what the write was refused over, as it is now.
     */
    public static <T> CompletableFuture<T> write(DataFetchingEnvironment env, DatabaseExecutor executor,
                                                 Function<User, T> work,
                                                 BiFunction<List<UserError>, Object, T> refused) {
        Viewer viewer = env.getGraphQlContext().get(Viewer.KEY);
        return viewer.user().thenCompose(user -> executor.supply(() -> {
            User signedIn = user.orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "Sign in first"));
            try {
                return work.apply(signedIn);
            } catch (UserErrorsException e) {
                return refused.apply(e.errors(), e.current());
            }
        }));
    }
}

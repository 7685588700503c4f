package org.mymoviedb.history;

import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.graphql.Connection;
import org.mymoviedb.graphql.Ids;
import org.mymoviedb.graphql.PageRequest;
import org.mymoviedb.movie.Movie;

/** Movie.history and Query.auditLog. */
public final class HistoryFetchers {

    private final AuditRepository audit;
    private final DatabaseExecutor executor;

    public HistoryFetchers(AuditRepository audit, DatabaseExecutor executor) {
        this.audit = audit;
        this.executor = executor;
    }

    public CompletableFuture<Connection<AuditEntry>> movieHistory(DataFetchingEnvironment env) {
        Movie movie = env.getSource();
        PageRequest request = PageRequest.of(env.getArgument("first"), env.getArgument("after"), null, null);
        return executor.supply(() -> audit.forEntity("movie", movie.id(), request));
    }

    public CompletableFuture<Connection<AuditEntry>> auditLog(DataFetchingEnvironment env) {
        PageRequest request = PageRequest.of(env.getArgument("first"), env.getArgument("after"), null, null);
        Object user = env.getArgument("user");
        Long userId = user == null ? null : Ids.parse(user);
        String action = env.getArgument("action");
        return executor.supply(() -> audit.all(userId, action == null ? null : AuditAction.valueOf(action), request));
    }
}

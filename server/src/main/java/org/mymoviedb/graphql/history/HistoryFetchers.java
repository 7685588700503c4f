package org.mymoviedb.graphql.history;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.base.Keyset;
import org.mymoviedb.base.Page;
import org.mymoviedb.base.PageRequest;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.graphql.fetching.Connection;
import org.mymoviedb.graphql.fetching.Cursors;
import org.mymoviedb.graphql.fetching.PageArguments;
import org.mymoviedb.history.AuditAction;
import org.mymoviedb.history.AuditEntry;
import org.mymoviedb.history.AuditRepository;
import org.mymoviedb.movie.Movie;

/** Movie.history and Query.auditLog. */
public final class HistoryFetchers {

    /** History's only ordering, newest first, as its cursors name it. */
    private static final String ORDERING = "audit-";

    private final AuditRepository audit;
    private final DatabaseExecutor executor;

    public HistoryFetchers(AuditRepository audit, DatabaseExecutor executor) {
        this.audit = audit;
        this.executor = executor;
    }

    public CompletableFuture<Connection<AuditEntry>> movieHistory(DataFetchingEnvironment env) {
        Movie movie = env.getSource();
        PageArguments arguments = PageArguments.forwardFrom(env);
        PageRequest request = arguments.toRequest(HistoryFetchers::decode);
        return executor.supply(() -> connection(audit.forEntity("movie", movie.id(), request), arguments));
    }

    public CompletableFuture<Connection<AuditEntry>> auditLog(DataFetchingEnvironment env) {
        PageArguments arguments = PageArguments.forwardFrom(env);
        PageRequest request = arguments.toRequest(HistoryFetchers::decode);
        Object user = env.getArgument("user");
        Long userId = user == null ? null : Ids.parse(user, NodeType.USER);
        String action = env.getArgument("action");
        return executor.supply(() -> connection(
                audit.all(userId, action == null ? null : AuditAction.valueOf(action), request), arguments));
    }

    private static Connection<AuditEntry> connection(Page<AuditEntry> page, PageArguments arguments) {
        return Connection.of(page, arguments, e -> Cursors.encode(ORDERING, AuditRepository.positionOf(e)));
    }

    private static Keyset decode(String cursor) {
        return Cursors.decode(cursor, ORDERING, List.of(Long.class));
    }
}

package org.mymoviedb.graphql.history;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Locale;
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
import org.mymoviedb.history.AuditFilter;
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
        PageArguments arguments = PageArguments.from(env);
        PageRequest request = arguments.toRequest(HistoryFetchers::decode);
        AuditFilter filter = filterFrom(env);
        return executor.supply(() -> connection(audit.all(filter, request), arguments));
    }

    /** auditLog's arguments; EntityType's values are the lower-case names history stores. */
    private static AuditFilter filterFrom(DataFetchingEnvironment env) {
        Object user = env.getArgument("user");
        String action = env.getArgument("action");
        String entityType = env.getArgument("entityType");
        Object entityId = env.getArgument("entityId");
        Long entityNumber = null;
        if (entityId != null && entityType != null) {
            entityNumber = Ids.parse(entityId, NodeType.valueOf(entityType.toUpperCase(Locale.ROOT)));
        } else if (entityId != null) {
            // A global id names its type too; a legacy number is any type's entry of that number.
            Ids.GlobalId global = String.valueOf(entityId).chars().allMatch(Character::isDigit) ? null
                    : Ids.parseGlobal(entityId);
            entityNumber = global == null ? Ids.parse(entityId, NodeType.MOVIE) : global.databaseId();
            entityType = global == null ? null : global.type().name();
        }
        return new AuditFilter(user == null ? null : Ids.parse(user, NodeType.USER),
                action == null ? null : AuditAction.valueOf(action),
                entityType == null ? null : entityType.toLowerCase(Locale.ROOT),
                entityNumber, env.getArgument("since"), env.getArgument("until"));
    }

    private static Connection<AuditEntry> connection(Page<AuditEntry> page, PageArguments arguments) {
        return Connection.of(page, arguments, e -> Cursors.encode(ORDERING, AuditRepository.positionOf(e)));
    }

    private static Keyset decode(String cursor) {
        return Cursors.decode(cursor, ORDERING, List.of(Long.class));
    }
}

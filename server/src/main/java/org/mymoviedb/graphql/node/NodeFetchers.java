package org.mymoviedb.graphql.node;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.Viewer;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.graphql.auth.AuthDirective;

/**
 * Query.node and Query.nodes: any object by its global id, through one DataLoader per type, so a request reads
 * each type in one statement however many ids it names. Users and history entries need ADMIN, as
 * {@code users} and {@code auditLog} do.
 */
public final class NodeFetchers {

    /** The most ids one nodes call takes, as the most items a page holds. */
    public static final int MAX_IDS = 100;

    /** The types only an admin may read, as the role their list fields need. */
    private static final Map<NodeType, Role> GUARDED = Map.of(NodeType.USER, Role.ADMIN,
            NodeType.AUDIT_ENTRY, Role.ADMIN);

    private final Map<NodeType, Function<Collection<Long>, Map<Long, ?>>> reads;
    private final DatabaseExecutor executor;

    /** {@code reads}: for each type, the rows among some ids that exist, by id, in one statement. */
    public NodeFetchers(Map<NodeType, Function<Collection<Long>, Map<Long, ?>>> reads, DatabaseExecutor executor) {
        this.reads = new EnumMap<>(reads);
        this.executor = executor;
        if (this.reads.size() != NodeType.values().length) {
            throw new IllegalArgumentException("Every node type needs a read; got " + reads.keySet());
        }
    }

    /** Query.node */
    public CompletableFuture<Object> node(DataFetchingEnvironment env) {
        return load(env, env.getArgument("id"));
    }

    /** Query.nodes: in order; a refused id is a null with its error at its index, the rest keep their data. */
    public CompletableFuture<DataFetcherResult<List<Object>>> nodes(DataFetchingEnvironment env) {
        List<Object> ids = env.getArgument("ids");
        if (ids.size() > MAX_IDS) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT,
                    "nodes takes at most " + MAX_IDS + " ids; this asked for " + ids.size());
        }
        List<CompletableFuture<Object>> loads = new ArrayList<>();
        for (Object id : ids) {
            loads.add(load(env, id));
        }
        return CompletableFuture.allOf(loads.stream().map(f -> f.exceptionally(e -> null))
                .toArray(CompletableFuture[]::new)).thenApply(all -> {
                    List<Object> data = new ArrayList<>();
                    List<GraphQLError> errors = new ArrayList<>();
                    ResultPath path = env.getExecutionStepInfo().getPath();
                    for (int i = 0; i < loads.size(); i++) {
                        try {
                            data.add(loads.get(i).join());
                        } catch (RuntimeException e) {
                            // Anything but a refusal (the database, a bug) fails the field as any fetcher's would.
                            ApiException refusal = refusal(e);
                            data.add(null);
                            errors.add(GraphqlErrorBuilder.newError().path(path.segment(i))
                                    .location(env.getField().getSourceLocation()).message(refusal.getMessage())
                                    .extensions(Map.of("code", refusal.code().name())).build());
                        }
                    }
                    return DataFetcherResult.<List<Object>>newResult().data(data).errors(errors).build();
                });
    }

    private CompletableFuture<Object> load(DataFetchingEnvironment env, Object id) {
        Ids.GlobalId global;
        try {
            global = Ids.parseGlobal(id);
        } catch (ApiException invalid) {
            return CompletableFuture.failedFuture(invalid);
        }
        Role required = GUARDED.get(global.type());
        CompletableFuture<Void> allowed = required == null ? CompletableFuture.completedFuture(null)
                : AuthDirective.require(env.getGraphQlContext().get(Viewer.KEY), required);
        // Loaded now, beside the role check: a load queued after the check (which may wait for the session's row)
        // would miss this level's dispatch. A refusal discards what was read.
        return loader(env, global.type()).load(global.databaseId()).thenCombine(allowed, (found, ok) -> {
            if (found == null) {
                throw new ApiException(ErrorCode.NOT_FOUND, "There is no " + global.type().typeName()
                        + " with ID " + id);
            }
            return found;
        });
    }

    /** The request's loader of {@code type}, created on first use like every other loader of the request. */
    private DataLoader<Long, Object> loader(DataFetchingEnvironment env, NodeType type) {
        Function<Collection<Long>, Map<Long, ?>> read = reads.get(type);
        return env.getDataLoaderRegistry().computeIfAbsent("node:" + type.typeName(), key ->
                DataLoaderFactory.<Long, Object>newMappedDataLoader(ids ->
                        executor.supply(() -> Map.<Long, Object>copyOf(read.apply(ids)))));
    }

    private static ApiException refusal(RuntimeException e) {
        Throwable cause = e;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ApiException api && api.code() != ErrorCode.DATABASE_UNAVAILABLE) {
            return api;
        }
        throw e;
    }
}

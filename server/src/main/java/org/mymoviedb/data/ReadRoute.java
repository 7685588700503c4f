package org.mymoviedb.data;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Whether the database work running on this thread may read from a replica: only an anonymous query's may. The
 * request sets it where it starts ({@code GraphQLApi}); {@link DatabaseExecutor} carries it to the thread that runs
 * each piece of the request's work, and {@link RoutedConnections} reads it when jOOQ asks for a connection. Work that
 * nobody marked (a mutation, a signed-in viewer's request, startup, the importer) goes to the primary.
 */
public final class ReadRoute {

    private static final ThreadLocal<Boolean> REPLICA_ALLOWED = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final ThreadLocal<Boolean> WRITING = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final ThreadLocal<Boolean> PLANS_KEPT = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private ReadRoute() {
    }

    /** Runs {@code work} with replicas allowed or not, restoring the thread's previous route afterwards. */
    public static <T> T with(boolean replicaAllowed, Supplier<T> work) {
        Boolean previous = REPLICA_ALLOWED.get();
        REPLICA_ALLOWED.set(replicaAllowed);
        try {
            return work.get();
        } finally {
            REPLICA_ALLOWED.set(previous);
        }
    }

    /** Runs {@code work} on the primary, whatever the request it belongs to: writes, and reads that must see them. */
    public static <T> T primary(Supplier<T> work) {
        return with(false, work);
    }

    /**
     * Runs a write transaction, {@code work}, on the primary's pool of writes (see {@link RoutedConnections}); the
     * reads inside it too, so they see what it wrote.
     */
    static <T> T write(Supplier<T> work) {
        Boolean previous = WRITING.get();
        WRITING.set(Boolean.TRUE);
        try {
            return primary(work);
        } finally {
            WRITING.set(previous);
        }
    }

    /**
     * Runs a read whose best plan is the same whatever its values, {@code work}, on the primary's pool of kept
     * plans (see {@link RoutedConnections}), unless it may go to a replica or is part of a write transaction.
     */
    static <T> T keepingPlans(Supplier<T> work) {
        Boolean previous = PLANS_KEPT.get();
        PLANS_KEPT.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            PLANS_KEPT.set(previous);
        }
    }

    static boolean plansKept() {
        return PLANS_KEPT.get();
    }

    static boolean writing() {
        return WRITING.get();
    }

    static boolean replicaAllowed() {
        return REPLICA_ALLOWED.get();
    }

    /**
     * An executor that runs each task with the route of the thread that handed it over. CompletableFuture completes
     * a task's dependents inside the task, so the fetchers graphql-java calls next keep the request's route.
     */
    static Executor carrying(Executor executor) {
        return task -> {
            boolean allowed = REPLICA_ALLOWED.get();
            executor.execute(() -> with(allowed, () -> {
                task.run();
                return null;
            }));
        };
    }
}

package org.mymoviedb.data;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;

/**
 * The only threads that run JDBC: as many as the pool has connections, with a bounded queue in front. HTTP IO
 * threads hand database work here and never wait for it (the Java counterpart of database_sync_to_async).
 */
public final class DatabaseExecutor implements AutoCloseable {

    private final ThreadPoolExecutor executor;
    private final Executor routed;
    private final DatabaseHealth health;

    /**
     * Publishes its threads and queue in {@code metrics} as executor_*{name="database"}. While {@code health} says
     * the database is down, work is refused at once with DATABASE_UNAVAILABLE, queued work included, instead of
     * waiting for the pool's connection timeout.
     */
    public DatabaseExecutor(int threads, int queueCapacity, DatabaseHealth health, MeterRegistry metrics) {
        this.health = health;
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity),
                task -> {
                    Thread thread = new Thread(task, "db-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        this.routed = ReadRoute.carrying(executor);
        // Bound to the pool itself rather than wrapped in a timed executor: gauges read at scrape time
        // (queued tasks, remaining queue room, active threads) cost the work nothing.
        new ExecutorServiceMetrics(executor, "database", Tags.empty()).bindTo(metrics);
    }

    /**
     * Runs {@code work} on a database thread; fails with SERVER_BUSY when the queue is full, and with
     * DATABASE_UNAVAILABLE while the database is down (checked again when the work's turn comes). The work reads
     * where the calling thread's {@link ReadRoute} says.
     */
    public <T> CompletableFuture<T> supply(Supplier<T> work) {
        if (!health.isUp()) {
            return CompletableFuture.failedFuture(unavailable());
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                if (!health.isUp()) {
                    throw unavailable();
                }
                return work.get();
            }, routed);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new ApiException(ErrorCode.SERVER_BUSY,
                    "The server is at capacity; retry shortly."));
        }
    }

    /** The refusal of work while the database is down. */
    public static ApiException unavailable() {
        return new ApiException(ErrorCode.DATABASE_UNAVAILABLE,
                "The database is unavailable; retry in a moment");
    }

    /** Stops taking work and waits up to {@code seconds} for queued work to finish. */
    public void shutdown(long seconds) throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

package org.mymoviedb.data;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
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

    /** Publishes its threads and queue in {@code metrics} as executor_*{name="database"}. */
    public DatabaseExecutor(int threads, int queueCapacity, MeterRegistry metrics) {
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity),
                task -> {
                    Thread thread = new Thread(task, "db-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        // Bound to the pool itself rather than wrapped in a timed executor: gauges read at scrape time
        // (queued tasks, remaining queue room, active threads) cost the work nothing.
        new ExecutorServiceMetrics(executor, "database", Tags.empty()).bindTo(metrics);
    }

    /** Runs {@code work} on a database thread; fails with SERVER_BUSY when the queue is full. */
    public <T> CompletableFuture<T> supply(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new ApiException(ErrorCode.SERVER_BUSY,
                    "The server is at capacity; retry shortly."));
        }
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

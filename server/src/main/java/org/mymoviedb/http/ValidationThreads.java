package org.mymoviedb.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.mymoviedb.base.ErrorCode;

/**
 * The threads that parse and validate documents the document cache does not hold yet, so that an expensive new
 * document never stalls an IO thread and the connections it serves. Bounded twice: at most {@code queue} documents
 * wait, and one that waited longer than {@code maxWaitMillis} is refused rather than validated; both refusals are
 * SERVER_BUSY (503). Threads are daemons and lapse when idle, so an instance nobody closes costs nothing.
 */
final class ValidationThreads {

    private final ThreadPoolExecutor executor;
    private final long maxWaitNanos;

    /** Publishes its threads and queue in {@code metrics} as executor_*{name="validation"}. */
    ValidationThreads(int threads, int queue, int maxWaitMillis, MeterRegistry metrics) {
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                task -> {
                    Thread thread = new Thread(task, "validation-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        new ExecutorServiceMetrics(executor, "validation", Tags.empty()).bindTo(metrics);
    }

    /**
     * Runs {@code work} on a validation thread, or calls {@code refused} with the problem when it cannot. Work that
     * waited too long is refused only if it is {@code stillCostly} by then: a burst of one new document queues many
     * copies, and once the first is validated the rest are cheap.
     */
    void run(Runnable work, BooleanSupplier stillCostly, Consumer<HttpProblem> refused) {
        long queued = System.nanoTime();
        try {
            executor.execute(() -> {
                if (System.nanoTime() - queued > maxWaitNanos && stillCostly.getAsBoolean()) {
                    refused.accept(busy());
                } else {
                    work.run();
                }
            });
        } catch (RejectedExecutionException e) {
            refused.accept(busy());
        }
    }

    private static HttpProblem busy() {
        return new HttpProblem(503, ErrorCode.SERVER_BUSY,
                "The server is checking too many new documents at once; retry shortly");
    }
}

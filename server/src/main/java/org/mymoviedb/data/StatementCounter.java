package org.mymoviedb.data;

import java.util.concurrent.atomic.LongAdder;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/** Counts the SQL statements jOOQ sends: how tests and benchmarks see what a request costs the database. */
public final class StatementCounter implements ExecuteListener {

    private final LongAdder executed = new LongAdder();
    private final LongAdder onIoThreads = new LongAdder();

    @Override
    public void executeStart(ExecuteContext ctx) {
        sent();
    }

    /** One statement sent past jOOQ's execution (over JDBC, with SQL jOOQ rendered before: {@link RenderedOnce}). */
    void sent() {
        executed.increment();
        // Undertow's IO threads are XNIO's "I/O" threads; JDBC there would stall every connection they serve.
        if (Thread.currentThread().getName().contains(" I/O-")) {
            onIoThreads.increment();
        }
    }

    /** Statements that ran on an HTTP IO thread: always zero, or something blocks the server. */
    public long onIoThreads() {
        return onIoThreads.sum();
    }

    /** Statements executed since this counter was created. */
    public long total() {
        return executed.sum();
    }
}

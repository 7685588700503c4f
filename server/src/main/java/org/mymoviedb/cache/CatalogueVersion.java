package org.mymoviedb.cache;

import java.util.concurrent.atomic.AtomicLong;
import org.jooq.TransactionContext;
import org.jooq.TransactionListener;

/**
 * A number that moves on with every committed write: this instance's own (a jOOQ transaction listener) and other
 * instances' (PostgreSQL notifications). A cached result is served only while the number it was computed under is
 * still current.
 */
public final class CatalogueVersion implements TransactionListener {

    private final AtomicLong version = new AtomicLong();
    private volatile Runnable afterCommit = () -> { };

    public long current() {
        return version.get();
    }

    /** Something was written, here or elsewhere: every earlier result is stale. */
    public void advance() {
        version.incrementAndGet();
    }

    /** Runs {@code action} after each commit of this instance, once the version has moved on; it must not block. */
    public void afterEachCommit(Runnable action) {
        this.afterCommit = action;
    }

    @Override
    public void commitEnd(TransactionContext ctx) {
        advance();
        afterCommit.run();
    }
}

package org.mymoviedb.admin.shell;

import java.util.function.Consumer;

/**
 * Lets only the newest of a run of requests land where a newer one supersedes the older (a new search, another
 * movie selected, more typed into a picker): an answer that comes after its request was superseded is dropped,
 * however late it comes. Requests start and answers land on the FX thread, so it needs no locking.
 */
public final class LatestOnly {

    private long newest;

    /** Starts a request that supersedes every earlier one; {@code land} gets its answer while it is the newest. */
    public <T> Consumer<T> newest(Consumer<T> land) {
        long mine = ++newest;
        return answer -> {
            if (mine == newest) {
                land.accept(answer);
            }
        };
    }

    /**
     * Continues the newest request (its next page): dropped once that request is superseded, without superseding
     * it itself.
     */
    public <T> Consumer<T> continuing(Consumer<T> land) {
        long mine = newest;
        return answer -> {
            if (mine == newest) {
                land.accept(answer);
            }
        };
    }

    /** The same for what happens when the newest request fails: skipped once a newer request is on its way. */
    public Runnable continuing(Runnable land) {
        Consumer<Boolean> guarded = continuing(ignored -> land.run());
        return () -> guarded.accept(true);
    }

    /** Drops every answer still on its way: what they would answer no longer stands. */
    public void supersede() {
        newest++;
    }
}

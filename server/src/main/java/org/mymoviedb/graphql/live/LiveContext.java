package org.mymoviedb.graphql.live;

import java.util.ArrayDeque;
import org.mymoviedb.feed.OutboxPosition;

/**
 * One subscription's state in its GraphQL context: where it resumes, and the ids of the events handed to
 * graphql-java whose results have not come out yet (graphql-java keeps them in order, one result per event).
 */
public final class LiveContext {

    public static final String KEY = LiveContext.class.getName();

    private final OutboxPosition resumeAfter;
    private final ArrayDeque<String> pending = new ArrayDeque<>();

    public LiveContext(OutboxPosition resumeAfter) {
        this.resumeAfter = resumeAfter;
    }

    OutboxPosition resumeAfter() {
        return resumeAfter;
    }

    synchronized void handedOn(String eventId) {
        pending.add(eventId);
    }

    /** The id of the event whose result just came out. */
    public synchronized String answered() {
        return pending.poll();
    }
}

package org.mymoviedb.graphql.live;

import org.mymoviedb.feed.LiveEvent;
import org.mymoviedb.feed.OutboxPosition;
import org.reactivestreams.Publisher;

/**
 * One execution's live state in its GraphQL context. A subscription's: where it resumes, and (once its root field
 * ran) the feed's events for it. An event's: the one event whose result is executed, once for every subscriber of
 * the same subscription.
 */
public final class LiveContext {

    public static final String KEY = LiveContext.class.getName();

    private final OutboxPosition resumeAfter;
    private final LiveEvent single;
    private volatile Publisher<LiveEvent> events;

    private LiveContext(OutboxPosition resumeAfter, LiveEvent single) {
        this.resumeAfter = resumeAfter;
        this.single = single;
    }

    /** A subscription, resuming after {@code resumeAfter} (or null: from now on). */
    public static LiveContext subscription(OutboxPosition resumeAfter) {
        return new LiveContext(resumeAfter, null);
    }

    /** The execution of one event's result. */
    public static LiveContext event(LiveEvent event) {
        return new LiveContext(null, event);
    }

    OutboxPosition resumeAfter() {
        return resumeAfter;
    }

    LiveEvent single() {
        return single;
    }

    void events(Publisher<LiveEvent> events) {
        this.events = events;
    }

    /** The feed's events for this subscription, or null when its root field has not asked the feed. */
    public Publisher<LiveEvent> events() {
        return events;
    }
}

package org.mymoviedb.feed;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.live.LiveException;
import org.mymoviedb.history.AuditEntry;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * One subscriber of the feed: the events its filter keeps wait in a bounded queue until it asks for them
 * (reactive-streams demand). Past {@code maxQueued} waiting events the subscriber is cut off with SLOW_CONSUMER and
 * its queue dropped: it resumes from the last event it was sent. Events are handed on one at a time, never while a
 * lock is held, from whichever thread offers or requests.
 */
final class LiveSubscription implements Subscription {

    private final LiveFeed feed;
    private final Predicate<AuditEntry> filter;
    private final Subscriber<? super LiveEvent> downstream;
    private final Object lock = new Object();
    private final ArrayDeque<LiveEvent> queue = new ArrayDeque<>();
    private final AtomicInteger wip = new AtomicInteger();
    private int maxQueued;
    private long demand;
    /** While the events missed since the resume point are read: live events wait behind them. */
    private boolean catchingUp;
    private Throwable failure;
    private boolean completing;
    private boolean cancelled;
    private boolean terminated;

    LiveSubscription(LiveFeed feed, Predicate<AuditEntry> filter, Subscriber<? super LiveEvent> downstream,
                     int maxQueued, boolean catchingUp) {
        this.feed = feed;
        this.filter = filter;
        this.downstream = downstream;
        this.maxQueued = maxQueued;
        this.catchingUp = catchingUp;
    }

    /** Whether this subscriber wants {@code entry}. */
    boolean wants(AuditEntry entry) {
        return filter.test(entry);
    }

    /** Queues a new event for this subscriber, without handing it on yet ({@link #drain} does); never blocks. */
    void offer(LiveEvent event) {
        synchronized (lock) {
            if (terminated || cancelled || failure != null) {
                return;
            }
            queue.add(event);
            if (queue.size() > maxQueued) {
                queue.clear();
                failure = new LiveException(ErrorCode.SLOW_CONSUMER, "More than " + maxQueued + " events waited for"
                        + " this subscriber (LIVE_MAX_QUEUED_EVENTS): resubscribe with the last event id received");
            }
        }
    }

    /** The events missed since the resume point, before everything offered so far. */
    void caughtUp(List<LiveEvent> missed) {
        synchronized (lock) {
            for (int i = missed.size() - 1; i >= 0; i--) {
                if (wants(missed.get(i).entry())) {
                    queue.addFirst(missed.get(i));
                }
            }
            maxQueued += queue.size();
            catchingUp = false;
        }
        drain();
    }

    /** Ends the stream with {@code error} (an unusable resume point, the feed failing). */
    void fail(Throwable error) {
        synchronized (lock) {
            if (failure == null) {
                failure = error;
            }
            queue.clear();
        }
        drain();
    }

    /** Ends the stream at once (the server is stopping); the subscriber resumes elsewhere. */
    void complete() {
        synchronized (lock) {
            completing = true;
            queue.clear();
        }
        drain();
    }

    @Override
    public void request(long n) {
        synchronized (lock) {
            if (n <= 0) {
                failure = new IllegalArgumentException("reactive-streams 3.9: request(" + n + ")");
            } else {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            }
        }
        drain();
    }

    @Override
    public void cancel() {
        synchronized (lock) {
            cancelled = true;
            queue.clear();
        }
        feed.remove(this);
    }

    /** Hands on what may be handed on; one thread at a time, the others leaving their work to it. */
    void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            while (true) {
                LiveEvent next = null;
                Throwable error = null;
                boolean complete = false;
                synchronized (lock) {
                    if (terminated || cancelled) {
                        break;
                    }
                    if (failure != null) {
                        error = failure;
                        terminated = true;
                    } else if (completing) {
                        complete = true;
                        terminated = true;
                    } else if (!catchingUp && demand > 0 && !queue.isEmpty()) {
                        next = queue.poll();
                        demand--;
                    } else {
                        break;
                    }
                }
                if (error != null) {
                    feed.remove(this);
                    downstream.onError(error);
                } else if (complete) {
                    feed.remove(this);
                    downstream.onComplete();
                } else {
                    try {
                        downstream.onNext(next);
                    } catch (RuntimeException e) {
                        // reactive-streams 2.13: onNext must not throw; if it does, this subscription is over
                        synchronized (lock) {
                            terminated = true;
                            queue.clear();
                        }
                        feed.remove(this);
                        throw e;
                    }
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }
}

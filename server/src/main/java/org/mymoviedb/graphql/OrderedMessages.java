package org.mymoviedb.graphql;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.mymoviedb.feed.LiveEvent;
import org.mymoviedb.live.LiveMessage;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * One subscription's events mapped to their messages, in the events' order, each message a future that alike
 * subscriptions share (usually done already when a subscriber reaches it). Demand passes straight through: each
 * event gives exactly one message. A failed message ends the stream with its failure, after the messages before it.
 * The lean per-subscriber step of a fan-out to thousands (graphql-java's ordered mapping publisher takes locks and
 * callbacks per item).
 */
final class OrderedMessages implements Publisher<LiveMessage> {

    private final Publisher<LiveEvent> events;
    private final Function<LiveEvent, CompletableFuture<LiveMessage>> messages;

    OrderedMessages(Publisher<LiveEvent> events, Function<LiveEvent, CompletableFuture<LiveMessage>> messages) {
        this.events = events;
        this.messages = messages;
    }

    @Override
    public void subscribe(Subscriber<? super LiveMessage> subscriber) {
        events.subscribe(new Mapping(subscriber));
    }

    private final class Mapping implements Subscriber<LiveEvent>, Subscription {

        private final Subscriber<? super LiveMessage> downstream;
        private final ArrayDeque<CompletableFuture<LiveMessage>> pending = new ArrayDeque<>();
        private final AtomicInteger wip = new AtomicInteger();
        private volatile Subscription upstream;
        private Throwable failure;
        private boolean upstreamDone;
        private boolean terminated;

        Mapping(Subscriber<? super LiveMessage> downstream) {
            this.downstream = downstream;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            upstream = subscription;
            downstream.onSubscribe(this);
        }

        @Override
        public void onNext(LiveEvent event) {
            CompletableFuture<LiveMessage> message = messages.apply(event);
            synchronized (pending) {
                pending.add(message);
            }
            if (message.isDone()) {
                drain();
            } else {
                message.whenComplete((m, e) -> drain());
            }
        }

        @Override
        public void onError(Throwable error) {
            synchronized (pending) {
                failure = error;
                upstreamDone = true;
            }
            drain();
        }

        @Override
        public void onComplete() {
            synchronized (pending) {
                upstreamDone = true;
            }
            drain();
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            synchronized (pending) {
                terminated = true;
                pending.clear();
            }
            upstream.cancel();
        }

        /** Hands on the messages that are ready, in order; one thread at a time. */
        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                while (true) {
                    CompletableFuture<LiveMessage> next;
                    Throwable ended = null;
                    boolean complete = false;
                    synchronized (pending) {
                        if (terminated) {
                            break;
                        }
                        next = pending.peek();
                        if (next != null && next.isDone()) {
                            pending.poll();
                        } else if (next == null && upstreamDone) {
                            terminated = true;
                            ended = failure;
                            complete = failure == null;
                            next = null;
                        } else {
                            break;
                        }
                    }
                    if (complete) {
                        downstream.onComplete();
                        break;
                    }
                    if (ended != null) {
                        downstream.onError(ended);
                        break;
                    }
                    LiveMessage message;
                    try {
                        message = next.join();
                    } catch (CompletionException | java.util.concurrent.CancellationException e) {
                        synchronized (pending) {
                            terminated = true;
                            pending.clear();
                        }
                        upstream.cancel();
                        downstream.onError(e instanceof CompletionException && e.getCause() != null
                                ? e.getCause() : e);
                        break;
                    }
                    downstream.onNext(message);
                }
                missed = wip.addAndGet(-missed);
            } while (missed != 0);
        }
    }
}

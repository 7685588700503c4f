package org.mymoviedb.admin.live;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mymoviedb.admin.api.ApiException;
import org.mymoviedb.admin.api.CatalogueChange;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.CatalogueEvents;
import org.mymoviedb.admin.shell.Background;

/**
 * Tells the screens of every change other editors commit, on the FX thread (through {@link Background#publish}):
 * subscribed to {@code catalogueChanged} over SSE on a thread of its own, it reconnects after a drop with a
 * growing pause and resumes after the last event it heard, so nothing is missed; when the server has no push it
 * polls for changes instead. When the server cannot replay what was missed, listeners are told to read afresh.
 */
public final class LiveFeed {

    /** How the feed hears of changes right now. */
    public enum Mode { CONNECTING, LIVE, RECONNECTING, POLLING, STOPPED }

    static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    /** Three of the server's keep-alives (every 15 s) missed: the connection is dead, though it never closed. */
    static final Duration MOST_SILENCE = Duration.ofSeconds(45);
    /** Refused for now (the server's subscription limit): polled meanwhile, then subscribed again after this. */
    static final Duration PUSH_AGAIN_AFTER = Duration.ofMinutes(1);

    private final CatalogueClient client;
    private final CatalogueEvents events;
    private final Background background;
    private final Duration pollEvery;
    private final Duration mostSilence;
    private final List<Consumer<CatalogueChange>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> resyncs = new CopyOnWriteArrayList<>();
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.STOPPED);
    private volatile boolean running;
    private volatile Thread thread;
    private volatile String lastEventId;
    /** The mode as the feed's thread knows it; {@link #mode} follows it on the FX thread. */
    private volatile Mode current = Mode.STOPPED;
    /** The pause before the next attempt; reset once a stream opens. Feed thread only. */
    private Duration pause = FIRST_PAUSE;
    /** Polling that gave way to a stream again: one last round once the stream is open, so nothing falls between. */
    private ChangePolling catchUp;
    /** A stream ended before its first event: with no id to resume after, what came meanwhile is read afresh. */
    private boolean unresumable;
    private boolean wasOpen;

    public LiveFeed(CatalogueClient client, Background background, Duration pollEvery) {
        this(client, background, pollEvery, MOST_SILENCE);
    }

    /** @param mostSilence a stream silent longer than this is given up and subscribed again (tests shorten it) */
    LiveFeed(CatalogueClient client, Background background, Duration pollEvery, Duration mostSilence) {
        this.mostSilence = mostSilence;
        this.client = client;
        this.events = new CatalogueEvents(client, Duration.ofSeconds(10));
        this.background = background;
        this.pollEvery = pollEvery;
    }

    /** {@code listener} hears every change from now on; the returned action stops that. */
    public Runnable listen(Consumer<CatalogueChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** {@code resync} runs when changes may have been missed (the server could not replay them): read afresh. */
    public void onResync(Runnable resync) {
        resyncs.add(resync);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread feed = new Thread(this::run, "live-feed");
        feed.setDaemon(true);
        thread = feed;
        feed.start();
        Thread watchdog = new Thread(() -> watch(feed), "live-feed-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Gives up a stream that has gone silent, so the feed subscribes again (and resumes) instead of waiting. */
    private void watch(Thread feed) {
        long every = Math.max(50, mostSilence.toMillis() / 4);
        while (running && thread == feed) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            if (events.silence().compareTo(mostSilence) > 0) {
                // Closing may not wake a reader blocked on a dead connection; the interrupt does.
                events.close();
                feed.interrupt();
            }
        }
    }

    /** Ends the stream or the polling; no listener hears anything after this returns and lands. */
    public synchronized void stop() {
        running = false;
        Thread feed = thread;
        thread = null;
        if (feed != null) {
            feed.interrupt();
        }
        events.close();
        publishMode(Mode.STOPPED);
    }

    public ReadOnlyObjectProperty<Mode> mode() {
        return mode.getReadOnlyProperty();
    }

    /** The id of the last event heard: where a new stream resumes. */
    public String lastEventId() {
        return lastEventId;
    }

    private void run() {
        publishMode(Mode.CONNECTING);
        while (running) {
            try {
                wasOpen = false;
                try {
                    events.stream(lastEventId, this::opened, this::heard);
                    // The server completed the stream (it is shutting down, say): subscribe again at once.
                } finally {
                    unresumable |= wasOpen && lastEventId == null;
                }
            } catch (ApiException e) {
                if (!running) {
                    return;
                }
                // A watchdog's interrupt has done its work: the pause below is a real one.
                Thread.interrupted();
                if (e.code().equals(CatalogueEvents.NO_PUSH)) {
                    poll(null);
                    return;
                }
                if (e.code().equals(CatalogueEvents.SUBSCRIPTION_LIMIT)) {
                    poll(PUSH_AGAIN_AFTER);
                    continue;
                }
                if (e.code().equals(CatalogueEvents.RESUME_TOO_OLD)) {
                    lastEventId = null;
                    background.publish(() -> resyncs.forEach(Runnable::run));
                }
                publishMode(Mode.RECONNECTING);
                if (!sleep(jittered(pause))) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            } catch (RuntimeException bug) {
                // A bug of ours must not end the feed silently: wait, then go on.
                if (!sleep(LONGEST_PAUSE)) {
                    return;
                }
            }
        }
    }

    /** The server answered with an event stream: live from here on. */
    private void opened() {
        pause = FIRST_PAUSE;
        wasOpen = true;
        publishMode(Mode.LIVE);
        if (unresumable) {
            unresumable = false;
            background.publish(() -> resyncs.forEach(Runnable::run));
        }
        ChangePolling last = catchUp;
        catchUp = null;
        if (last != null) {
            try {
                last.poll().forEach(this::deliver);
            } catch (ApiException e) {
                background.publish(() -> resyncs.forEach(Runnable::run));
            }
        }
    }

    private void heard(CatalogueChange change) {
        if (change.eventId() != null) {
            lastEventId = change.eventId();
        }
        deliver(change);
    }

    private void deliver(CatalogueChange change) {
        background.publish(() -> {
            if (running) {
                listeners.forEach(listener -> listener.accept(change));
            }
        });
    }

    /**
     * A round every {@code pollEvery} until stopped, or until {@code giveWay} has passed (then the stream is tried
     * again); a round that fails is tried again at the next.
     */
    private void poll(Duration giveWay) {
        ChangePolling polling = new ChangePolling(client, events);
        long until = giveWay == null ? Long.MAX_VALUE : System.nanoTime() + giveWay.toNanos();
        boolean started = false;
        while (running && System.nanoTime() < until) {
            try {
                if (!started) {
                    polling.start();
                    started = true;
                    if (lastEventId != null) {
                        // What changed between the stream's end and polling's start is read afresh, not lost.
                        background.publish(() -> resyncs.forEach(Runnable::run));
                    }
                } else {
                    polling.poll().forEach(this::deliver);
                }
                publishMode(Mode.POLLING);
            } catch (RuntimeException e) {
                publishMode(Mode.RECONNECTING);
            }
            if (!sleep(pollEvery)) {
                return;
            }
        }
        catchUp = started ? polling : null;
    }

    private void publishMode(Mode now) {
        if (current != now) {
            current = now;
            background.publish(() -> mode.set(running || now == Mode.STOPPED ? now : Mode.STOPPED));
        }
    }

    private static Duration jittered(Duration pause) {
        long millis = pause.toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    /** False once {@link #stop} has been called. */
    private boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            // Stopped, or a watchdog's late interrupt: running says which.
        }
        return running;
    }
}

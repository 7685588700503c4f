package org.mymoviedb.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.xnio.XnioIoThread;

/**
 * Writes that wait a moment for the rest of their burst, gathered per IO thread: the first stream with a ready frame
 * starts one short timer on its connection's IO thread, and when it fires every stream of that thread that became
 * ready meanwhile writes (one timer per IO thread and burst, not one per stream: XNIO's timers are a sorted set).
 *
 * <p>The timer is set from the IO thread itself. XNIO 3.8 loses the wake-up of a timer set from another thread
 * while the IO thread is about to select (it has computed its wait and not yet said it is polling): the thread
 * then sleeps until its next timer or socket event, which for 500 quiet event streams was 10-19 s, enough to cut
 * them all off as slow consumers (W7, bench/README.md). A task handed on with {@code execute} is never lost.
 */
final class WriteGathering {

    /** How long a burst is gathered. */
    static final long GATHER_MICROS = 1_000;

    private final Map<XnioIoThread, Gathered> threads = new ConcurrentHashMap<>();

    /** Runs {@code flush} on {@code thread} once the gathering time is over, with the others gathered there. */
    void later(XnioIoThread thread, Runnable flush) {
        threads.computeIfAbsent(thread, t -> new Gathered(t)).add(flush);
    }

    private static final class Gathered {

        private final XnioIoThread thread;
        private List<Runnable> waiting = new ArrayList<>();
        private boolean scheduled;

        Gathered(XnioIoThread thread) {
            this.thread = thread;
        }

        void add(Runnable flush) {
            synchronized (this) {
                waiting.add(flush);
                if (scheduled) {
                    return;
                }
                scheduled = true;
            }
            try {
                thread.execute(() -> thread.executeAfter(this::runAll, GATHER_MICROS, TimeUnit.MICROSECONDS));
            } catch (RejectedExecutionException stopping) {
                synchronized (this) {
                    scheduled = false; // the server is stopping: its connections go with it
                    waiting.clear();
                }
            }
        }

        private void runAll() {
            List<Runnable> ready;
            synchronized (this) {
                ready = waiting;
                waiting = new ArrayList<>();
                scheduled = false;
            }
            ready.forEach(Runnable::run);
        }
    }
}

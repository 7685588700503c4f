package org.mymoviedb.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the event streams handed to their sockets: frames (events, keep-alives, the last words) and the writes that
 * carried them. Coalescing shows as fewer writes than frames ({@code mymoviedb.sse.frames},
 * {@code mymoviedb.sse.writes} on /metrics).
 */
final class EventStreamWrites {

    private final LongAdder frames = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final WriteGathering gathering = new WriteGathering();

    EventStreamWrites(MeterRegistry metrics) {
        FunctionCounter.builder("mymoviedb.sse.frames", frames, LongAdder::sum)
                .description("Frames the event streams sent").register(metrics);
        FunctionCounter.builder("mymoviedb.sse.writes", writes, LongAdder::sum)
                .description("Socket writes that carried the event streams' frames").register(metrics);
    }

    /** Where the streams' writes wait for the rest of their bursts. */
    WriteGathering gathering() {
        return gathering;
    }

    /** One write carrying {@code frameCount} frames. */
    void wrote(int frameCount) {
        frames.add(frameCount);
        writes.increment();
    }
}

package org.mymoviedb.bench.live;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * One subscriber: a GraphQL-over-SSE stream (graphql-sse, distinct connections: {@code POST /graphql} with
 * {@code Accept: text/event-stream}) to {@code movieChanged}, read by {@link SseStreams}. Each {@code next} frame
 * for a created movie is handed to the {@link Deliveries}, which knows the movie by a dense number; this stream
 * keeps the numbers it saw, so that what it missed can be counted at the end without a set of boxed ids per
 * subscriber.
 */
final class SseSubscriber {

    static final String SUBSCRIPTION =
            "subscription W7 { movieChanged { id kind movieId version at } }";

    private final Deliveries deliveries;
    private final CompletableFuture<Integer> opened = new CompletableFuture<>();
    private volatile String failure;
    private volatile boolean ended;
    private int[] seen = new int[256];
    private int seenCount;
    // The frame being read: its event type and its data lines (one, from the server).
    private String event;
    private String data;

    SseSubscriber(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    CompletableFuture<Integer> opened() {
        return opened;
    }

    /** The answer's status arrived (200: the stream is open). */
    void opened(int status) {
        opened.complete(status);
    }

    /** The answer was not a stream: what it said, so far. */
    void refused(String text) {
        failure = text;
        ended = true;
    }

    /** The stream ended: {@code why}, or null when the server ended it. */
    void ended(String why) {
        if (failure == null && why != null) {
            failure = why;
        }
        opened.complete(-1); // no-op once the status came
        ended = true;
    }

    /** One line of the event stream (the empty line that ends a frame included). */
    void line(String line) {
        if (line.isEmpty()) {
            if ("next".equals(event) && data != null) {
                int movie = deliveries.received(data);
                if (movie >= 0) {
                    remember(movie);
                }
            } else if ("complete".equals(event)) {
                ended = true;
            }
            event = null;
            data = null;
        } else if (line.startsWith("event:")) {
            event = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
            String part = line.substring(5).stripLeading();
            data = data == null ? part : data + "\n" + part;
        }
        // "id:", ":" comments (keep-alives) and "retry:" need nothing here.
    }

    private synchronized void remember(int movie) {
        if (seenCount == seen.length) {
            seen = Arrays.copyOf(seen, seen.length * 2);
        }
        seen[seenCount++] = movie;
    }

    /** How many of {@code expected} (movie numbers) this stream never received. */
    synchronized int missing(int[] expected) {
        int[] mine = Arrays.copyOf(seen, seenCount);
        Arrays.sort(mine);
        int missing = 0;
        for (int movie : expected) {
            if (Arrays.binarySearch(mine, movie) < 0) {
                missing++;
            }
        }
        return missing;
    }

    /** Frames received more than once (a resumed stream may repeat none; a broken one might). */
    synchronized int duplicates() {
        int[] mine = Arrays.copyOf(seen, seenCount);
        Arrays.sort(mine);
        int duplicates = 0;
        for (int i = 1; i < mine.length; i++) {
            if (mine[i] == mine[i - 1]) {
                duplicates++;
            }
        }
        return duplicates;
    }

    /** Why the stream ended before the client closed it, or null. */
    String failure() {
        return failure;
    }

    boolean ended() {
        return ended;
    }

}

package org.mymoviedb.bench.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * One subscriber: a GraphQL-over-SSE stream (graphql-sse, distinct connections: {@code POST /graphql} with
 * {@code Accept: text/event-stream}) to {@code movieChanged}. Each {@code next} frame for a created movie is handed
 * to the {@link Deliveries}, which knows the movie by a dense number; this stream keeps the numbers it saw, so that
 * what it missed can be counted at the end without a set of boxed ids per subscriber.
 */
final class SseSubscriber implements Flow.Subscriber<String> {

    static final String SUBSCRIPTION =
            "subscription W7 { movieChanged { id kind movieId version at } }";

    private final Deliveries deliveries;
    private final CompletableFuture<Integer> opened = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
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

    /** Sends the subscription; the answer completes {@link #opened()} with its status once its headers arrive. */
    void open(HttpClient client, URI graphql, String body) {
        HttpRequest request = HttpRequest.newBuilder(graphql)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        client.sendAsync(request, info -> {
            opened.complete(info.statusCode());
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(
                        StandardCharsets.UTF_8), text -> {
                            failure = "HTTP " + info.statusCode() + ": " + text.substring(0, Math.min(300, text.length()));
                            ended = true;
                            return (Void) null;
                        });
            }
            return HttpResponse.BodySubscribers.fromLineSubscriber(this);
        }).whenComplete((response, error) -> {
            if (error != null) {
                opened.complete(-1);
                if (failure == null) {
                    failure = String.valueOf(error);
                }
                ended = true;
            }
        });
    }

    CompletableFuture<Integer> opened() {
        return opened;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
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

    @Override
    public void onError(Throwable throwable) {
        if (failure == null) {
            failure = String.valueOf(throwable);
        }
        ended = true;
    }

    @Override
    public void onComplete() {
        ended = true;
    }

    /** Why the stream ended before the client closed it, or null. */
    String failure() {
        return failure;
    }

    boolean ended() {
        return ended;
    }

    void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}

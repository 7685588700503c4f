package org.mymoviedb.bench.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The editors: {@code createMovie} through instance A at a fixed rate, at most {@link #MAX_IN_FLIGHT} at a time (a
 * tick that finds them all busy is counted as behind, not queued). Remembers every movie an answer acknowledged.
 */
final class MovieWriter {

    static final int MAX_IN_FLIGHT = 64;
    private static final String CREATE = "mutation W7($i: MovieInput!) { createMovie(input: $i) "
            + "{ movie { id } userErrors { code message } } }";

    private final HttpClient client;
    private final URI graphql;
    private final String token;
    private final String runId;
    private final Deliveries deliveries;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger behind = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final List<Integer> acknowledged = new ArrayList<>();
    private volatile String firstFailure;

    MovieWriter(HttpClient client, URI graphql, String token, String runId, Deliveries deliveries) {
        this.client = client;
        this.graphql = graphql;
        this.token = token;
        this.runId = runId;
        this.deliveries = deliveries;
    }

    /** One create, waited for: its movie's number (the probe that shows every stream is live), or -1. */
    int createNow(String label) throws Exception {
        return create(label).get(60, TimeUnit.SECONDS);
    }

    /** Writes {@code perSecond} movies a second for {@code duration}, then waits for the answers still due. */
    void run(int perSecond, Duration duration) throws InterruptedException {
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / perSecond;
        long total = duration.toNanos() / periodNanos;
        AtomicInteger ticked = new AtomicInteger();
        ticks.scheduleAtFixedRate(() -> {
            int n = ticked.getAndIncrement();
            if (n >= total) {
                return;
            }
            if (!inFlight.tryAcquire()) {
                behind.incrementAndGet();
                return;
            }
            create("w").whenComplete((movie, error) -> inFlight.release());
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (ticked.get() < total) {
            Thread.sleep(20);
        }
        ticks.shutdownNow();
        // Every answer still due, before the count of acknowledged writes is read.
        inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS);
        inFlight.release(MAX_IN_FLIGHT);
    }

    private CompletableFuture<Integer> create(String label) {
        String title = "W7 " + runId + " " + label + sent.incrementAndGet();
        String body = "{\"query\":\"" + CREATE + "\",\"variables\":{\"i\":{\"title\":\"" + title
                + "\",\"releaseDate\":\"" + LocalDate.of(2000, 1, 1) + "\"}}}";
        HttpRequest request = HttpRequest.newBuilder(graphql).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            String id = null;
            if (error == null && response.statusCode() == 200 && !response.body().contains("\"userErrors\":[{")
                    && !response.body().contains("\"errors\"")) {
                id = Deliveries.field(response.body(), "id");
            }
            if (id == null) {
                failed.incrementAndGet();
                if (firstFailure == null) {
                    firstFailure = error != null ? String.valueOf(error)
                            : "HTTP " + response.statusCode() + ": " + response.body();
                }
                return -1;
            }
            int movie = deliveries.number(id);
            synchronized (acknowledged) {
                acknowledged.add(movie);
            }
            return movie;
        });
    }

    /** The numbers of the movies whose creation was acknowledged (the probe's included, if it was). */
    int[] acknowledged() {
        synchronized (acknowledged) {
            return acknowledged.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    int sent() {
        return sent.get();
    }

    int behind() {
        return behind.get();
    }

    int failed() {
        return failed.get();
    }

    String firstFailure() {
        return firstFailure;
    }
}

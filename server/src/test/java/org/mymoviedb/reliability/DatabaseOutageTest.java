package org.mymoviedb.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.MOVIE;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mymoviedb.Application;
import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.UserAccounts;
import org.mymoviedb.config.ServerConfig;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.StoppablePostgres;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL stopped and started again under writes and reads, twice (a crash, then a fast shutdown): while it is
 * down every request is a prompt 503 DATABASE_UNAVAILABLE with Retry-After and /ready says 503; when it is back the
 * same server serves again without a restart (from the health monitor's first successful check on, no request is
 * refused and /ready says 200 at once; the time from the database's return to the first acknowledged write is
 * printed, not asserted); and every write the server acknowledged is in the database.
 */
class DatabaseOutageTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String CREATE = "mutation($i: MovieInput!) { createMovie(input: $i) { movie { id title } "
            + "userErrors { code } } }";
    private static final String READ = "{ movies(first: 5) { edges { node { id title } } } }";
    /** Well under the pool's 3 s connection timeout and the old 10 s: an answer slower than this was not fast. */
    private static final Duration PROMPT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROMPT).build();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> codes = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** When the test saw the health monitor up again after the current outage (System.nanoTime; 0: not yet). */
    private volatile long upAgainNanos;
    /** When PostgreSQL accepted connections again, and when the load's first write after that was acknowledged. */
    private volatile long backNanos;
    private final AtomicLong firstWriteNanos = new AtomicLong();
    /** DATABASE_UNAVAILABLE answers to requests sent after the monitor was seen up: recovery must leave none. */
    private final AtomicInteger refusedAfterUp = new AtomicInteger();

    @Test
    void nothingAcknowledgedIsLostAndAnOutageIsAPrompt503UntilTheDatabaseReturns() throws Exception {
        try (StoppablePostgres postgres = StoppablePostgres.start()) {
            Map<String, String> env = new HashMap<>(Map.of("HOST", "127.0.0.1", "PORT", "0",
                    "LOAD_SAMPLE_DATA", "false", "DB_POOL_SIZE", "4", "IO_THREADS", "2",
                    "SHUTDOWN_GRACE_SECONDS", "2", "RESULT_CACHE_ENABLED", "false"));
            try (Application app = Application.start(ServerConfig.fromEnvironment(env),
                    postgres.settings("mymoviedb_outage"), "outage test")) {
                new UserAccounts(app.database().dsl(), new PasswordHasher()).create(null, "agnes", PASSWORD, Role.EDITOR);
                String token = Json.MAPPER.readTree(post(app, null, Duration.ofSeconds(60), "mutation { login(username: \"agnes\", password: \""
                        + PASSWORD + "\") { token } }", Map.of()).body()).get("data").get("login").get("token").asString();

                ExecutorService load = Executors.newFixedThreadPool(5);
                List<Future<?>> workers = new ArrayList<>();
                for (int w = 0; w < 3; w++) {
                    int writer = w;
                    workers.add(load.submit(() -> write(app, token, writer)));
                }
                for (int r = 0; r < 2; r++) {
                    workers.add(load.submit(() -> read(app)));
                }
                try {
                    for (String mode : List.of("immediate", "fast")) {
                        int before = writes.get();
                        awaitWrites(before + 15);
                        upAgainNanos = 0; // before the stop: the last outage's recovery ends here
                        backNanos = 0;
                        firstWriteNanos.set(0);
                        postgres.stop(mode);
                        assertThat(awaitReady(app, 503)).as("/ready after stop -m %s", mode).isTrue();
                        for (int i = 0; i < 20; i++) {
                            HttpResponse<String> refused = post(app, token, CREATE, movie("refused " + mode + i));
                            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                            assertThat(codesOf(refused.body())).containsExactly("DATABASE_UNAVAILABLE");
                            assertThat(codesOf(post(app, null, READ, Map.of()).body()))
                                    .containsExactly("DATABASE_UNAVAILABLE");
                        }
                        postgres.startAgain();
                        backNanos = System.nanoTime();
                        assertThat(awaitMonitorUp(app)).as("the health monitor after the return").isTrue();
                        upAgainNanos = System.nanoTime();
                        assertThat(http.send(HttpRequest.newBuilder(uri(app, "/ready")).timeout(PROMPT).GET().build(),
                                HttpResponse.BodyHandlers.ofString()).statusCode())
                                .as("/ready on its first ask once the monitor is up").isEqualTo(200);
                        int afterRestart = writes.get();
                        awaitWrites(afterRestart + 5);
                        assertThat(writes.get()).as("acknowledged writes after the return").isGreaterThan(afterRestart);
                        System.out.printf("DatabaseOutageTest: after stop -m %s, PostgreSQL back: health monitor up"
                                + " in %d ms, first acknowledged write in %d ms, no restart%n", mode,
                                (upAgainNanos - backNanos) / 1_000_000, (firstWriteNanos.get() - backNanos) / 1_000_000);
                    }
                } finally {
                    running.set(false);
                    for (Future<?> worker : workers) {
                        worker.get(60, TimeUnit.SECONDS);
                    }
                    load.shutdownNow();
                }
                List<String> stored = app.database().dsl().select(MOVIE.TITLE).from(MOVIE)
                        .where(MOVIE.TITLE.in(acknowledged)).fetch(MOVIE.TITLE);
                assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(30);
                assertThat(stored).as("acknowledged writes in the database").hasSameSizeAs(acknowledged)
                        .containsExactlyInAnyOrderElementsOf(acknowledged);
                assertThat(refusedAfterUp.get()).as("DATABASE_UNAVAILABLE answers once the monitor was up again")
                        .isZero();
                assertThat(codes).as("codes seen under load").doesNotContainKey("INTERNAL_SERVER_ERROR")
                        .containsKey("DATABASE_UNAVAILABLE");
            }
        }
    }

    /** Creates movies one after the other, noting each one the server acknowledged; bounded. */
    private void write(Application app, String token, int writer) {
        for (int n = 0; running.get() && n < 100_000; n++) {
            String title = "outage w" + writer + " #" + n;
            long sent = System.nanoTime();
            HttpResponse<String> response = tryPost(app, token, CREATE, movie(title));
            if (response == null) {
                continue;
            }
            JsonNode body = Json.MAPPER.readTree(response.body());
            count(body, sent);
            JsonNode created = body.path("data").path("createMovie").path("movie");
            if (response.statusCode() == 200 && created.isObject() && title.equals(created.get("title").asString())) {
                acknowledged.add(title);
                writes.incrementAndGet();
                if (backNanos != 0) {
                    firstWriteNanos.compareAndSet(0, System.nanoTime());
                }
            }
        }
    }

    private void read(Application app) {
        for (int n = 0; running.get() && n < 100_000; n++) {
            long sent = System.nanoTime();
            HttpResponse<String> response = tryPost(app, null, READ, Map.of());
            if (response != null) {
                count(Json.MAPPER.readTree(response.body()), sent);
            }
        }
    }

    /** Counts the answer's codes; {@code sentNanos}: when its request was sent. */
    private void count(JsonNode body, long sentNanos) {
        long upAgain = upAgainNanos;
        for (JsonNode error : body.path("errors")) {
            String code = error.path("extensions").path("code").asString();
            codes.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
            if (upAgain != 0 && sentNanos > upAgain && "DATABASE_UNAVAILABLE".equals(code)) {
                refusedAfterUp.incrementAndGet();
            }
        }
    }

    /** Asks the health signal (never waits) every 10 ms, at most 3,000 times, until it says up. */
    private static boolean awaitMonitorUp(Application app) throws InterruptedException {
        for (int i = 0; i < 3_000; i++) {
            if (app.database().health().isUp()) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** Waits, bounded (at most 600 polls), until the load has had {@code count} writes acknowledged. */
    private void awaitWrites(int count) throws InterruptedException {
        for (int i = 0; i < 600 && writes.get() < count; i++) {
            Thread.sleep(100);
        }
        assertThat(writes.get()).as("acknowledged writes").isGreaterThanOrEqualTo(count);
    }

    /** Polls /ready, each answer within PROMPT, at most 150 times, until it says {@code status}. */
    private boolean awaitReady(Application app, int status) throws Exception {
        for (int i = 0; i < 150; i++) {
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri(app, "/ready")).timeout(PROMPT).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (ready.statusCode() == status) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static Map<String, Object> movie(String title) {
        return Map.of("i", Map.of("title", title, "releaseDate", "1962-04-11"));
    }

    /** POSTs in the graphql-response+json media type; the answer must come within PROMPT. */
    private HttpResponse<String> post(Application app, String token, String query, Map<String, Object> variables)
            throws Exception {
        return post(app, token, PROMPT, query, variables);
    }

    private HttpResponse<String> post(Application app, String token, Duration timeout, String query,
                                      Map<String, Object> variables) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(app, "/graphql")).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(
                        Map.of("query", query, "variables", variables))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The load's requests: a slow answer in the moment the database goes away is null, not a failure. */
    private HttpResponse<String> tryPost(Application app, String token, String query, Map<String, Object> variables) {
        try {
            return post(app, token, Duration.ofSeconds(30), query, variables);
        } catch (HttpTimeoutException e) {
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> codesOf(String body) {
        List<String> found = new ArrayList<>();
        Json.MAPPER.readTree(body).path("errors").forEach(e -> found.add(e.path("extensions").path("code").asString()));
        return found;
    }

    private static URI uri(Application app, String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }
}

package org.mymoviedb.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.UserAccounts;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.db.ConnectionSettings;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.PrometheusScrape;
import org.mymoviedb.testing.ServerProcess;
import org.mymoviedb.testing.SseClient;
import org.mymoviedb.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Two server processes on one database: a write on A reaches a subscriber on B within a second, and B's result
 * cache never serves an answer older than the event its subscribers just heard of, also for a write that nobody
 * announced (the cache moves on from the same outbox the subscribers read).
 */
class LiveAcrossInstancesTest {

    private static final String MOVIE = "query($id: ID!) { movie(id: $id) { title rating version } }";
    private static final String EVENTS = "subscription($id: ID) { movieChanged(id: $id) { id kind version } }";

    private static TestDatabase database;
    private static ServerProcess a;
    private static ServerProcess b;
    private static String editor;

    @BeforeAll
    static void startTwoProcesses() throws Exception {
        database = TestDatabase.create();
        Path logs = Files.createTempDirectory("live-across");
        Map<String, String> env = environment(database.settings());
        a = ServerProcess.start(env, logs.resolve("a.log"));
        b = ServerProcess.start(env, logs.resolve("b.log"));
        a.awaitReady();
        b.awaitReady();
        new UserAccounts(database.dsl(), new PasswordHasher()).create(null, "agnes", "correct horse battery", Role.EDITOR);
        editor = graphql(a, null, "mutation { login(username: \"agnes\", password: \"correct horse battery\") "
                + "{ token } }", Map.of()).get("data").get("login").get("token").asString();
    }

    @AfterAll
    static void stop() {
        try {
            a.close();
            b.close();
        } finally {
            database.close();
        }
    }

    @Test
    void aWriteOnOneInstanceReachesASubscriberOnTheOtherAndItsCacheWithinASecond() throws Exception {
        String id = graphql(a, editor, "mutation { createMovie(input: {title: \"Sans toit ni loi\", releaseDate: "
                + "\"1985-12-04\"}) { movie { id } } }", Map.of()).get("data").get("createMovie").get("movie")
                .get("id").asString();
        try (SseClient subscriber = SseClient.subscribe(b.uri("/graphql"), EVENTS, Map.of("id", id))) {
            assertThat(subscriber.status()).isEqualTo(200);
            // A first update, not timed: both fresh processes run the write's and the event's code once.
            graphql(a, editor, "mutation($id: ID!) { updateMovie(id: $id, expectedVersion: 1, input: {rating: 87}) "
                    + "{ movie { version } } }", Map.of("id", id));
            assertThat(nextUpdate(subscriber).data().get("data").get("movieChanged").get("version").asInt())
                    .isEqualTo(2);
            cachedOnB(id, 2);
            long written = System.nanoTime();
            graphql(a, editor, "mutation($id: ID!) { updateMovie(id: $id, expectedVersion: 2, input: {rating: 88}) "
                    + "{ movie { version } } }", Map.of("id", id));
            SseClient.Event event = nextUpdate(subscriber);
            long heardMillis = (System.nanoTime() - written) / 1_000_000;
            assertThat(event.data().get("data").get("movieChanged").get("version").asInt()).isEqualTo(3);
            assertThat(heardMillis).as("from the write on A to the event on B, ms").isLessThan(1_000);
            // Once B's subscribers heard of it, B's cache answers no older than that.
            assertThat(movieOn(b, id).get("rating").asInt()).isEqualTo(88);
        }
    }

    @Test
    void aWriteNobodyAnnouncedStillReachesTheOtherInstancesSubscribersAndCache() throws Exception {
        String id = graphql(a, editor, "mutation { createMovie(input: {title: \"Documenteur\", releaseDate: "
                + "\"1981-01-01\"}) { movie { id } } }", Map.of()).get("data").get("createMovie").get("movie")
                .get("id").asString();
        cachedOnB(id, 1);
        try (SseClient subscriber = SseClient.subscribe(b.uri("/graphql"), EVENTS, Map.of("id", id))) {
            // As if A died between its commit and its NOTIFY: the same write in plain SQL announces nothing.
            long movieId = Ids.parse(id, NodeType.MOVIE);
            database.dsl().transaction(tx -> {
                tx.dsl().execute("UPDATE movie SET rating = 42, version = version + 1 WHERE id = ?", movieId);
                tx.dsl().execute("INSERT INTO audit_entry (username, action, entity_type, entity_id, entity_label, "
                        + "changes) VALUES ('sql', 'UPDATE', 'movie', ?, 'Documenteur', "
                        + "'{\"rating\": {\"before\": null, \"after\": 42}}')", movieId);
            });
            SseClient.Event event = nextUpdate(subscriber);
            assertThat(event.data().get("data").get("movieChanged").get("version").asInt()).isEqualTo(2);
            assertThat(movieOn(b, id).get("rating").asInt()).as("B's cached answer moved on with the event")
                    .isEqualTo(42);
        }
    }

    /** Asks B for the movie until its answer comes from B's result cache (a hit), at {@code version}. */
    private static void cachedOnB(String id, int version) throws Exception {
        double hits = cacheHits(b);
        for (int i = 0; i < 3; i++) {
            assertThat(movieOn(b, id).get("version").asInt()).isEqualTo(version);
        }
        assertThat(cacheHits(b)).as("B answers the movie from its result cache").isGreaterThan(hits);
    }

    private static SseClient.Event nextUpdate(SseClient subscriber) {
        while (true) {
            SseClient.Event event = subscriber.nextEvent();
            JsonNode changed = event.data().get("data").get("movieChanged");
            if (changed.get("kind").asString().equals("UPDATED")) {
                return event;
            }
        }
    }

    private static JsonNode movieOn(ServerProcess server, String id) throws Exception {
        return graphql(server, null, MOVIE, Map.of("id", id)).get("data").get("movie");
    }

    private static double cacheHits(ServerProcess server) throws Exception {
        HttpResponse<String> metrics = server.client().send(HttpRequest.newBuilder(server.uri("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        return PrometheusScrape.parse(metrics.body()).stream()
                .filter(s -> s.name().equals("mymoviedb_result_cache_hits_total"))
                .mapToDouble(PrometheusScrape.Sample::value).sum();
    }

    private static JsonNode graphql(ServerProcess server, String token, String query, Map<String, Object> variables)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(
                        Map.of("query", query, "variables", variables))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = server.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    private static Map<String, String> environment(ConnectionSettings settings) {
        String url = "postgres://" + settings.user() + (settings.password() == null ? "" : ":" + settings.password())
                + "@" + settings.host() + ":" + settings.port() + "/" + settings.database();
        return Map.of("DATABASE_URL", url, "LOAD_SAMPLE_DATA", "false", "DB_POOL_SIZE", "2", "LIVE_POLL_MS", "200",
                "JAVA_TOOL_OPTIONS", "-Xmx256m");
    }
}

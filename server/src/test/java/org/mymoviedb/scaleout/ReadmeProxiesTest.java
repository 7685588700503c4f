package org.mymoviedb.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.UserAccounts;
import org.mymoviedb.db.ConnectionSettings;
import org.mymoviedb.http.Json;
import org.mymoviedb.live.WebSocketClient;
import org.mymoviedb.testing.ServerProcess;
import org.mymoviedb.testing.SseClient;
import org.mymoviedb.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The README's nginx and HAProxy examples, run for real ({@link ReadmeProxy}) in front of two server processes on
 * one database, with TRUSTED_PROXIES=127.0.0.1 (the proxies' address): queries, a token from either instance, a
 * graphql-sse stream and a graphql-transport-ws subscription that hear of writes made on both instances while they
 * stay open (so the proxy does not buffer them), and the sign-in throttle counting the real client's address.
 */
class ReadmeProxiesTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String EVENTS = "subscription { movieChanged { id kind movie { title } } }";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static TestDatabase database;
    private static Path dir;
    private static ServerProcess a;
    private static ServerProcess b;
    private static String editor;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        database = TestDatabase.create();
        dir = Files.createTempDirectory("readme-proxies");
        ConnectionSettings settings = database.settings();
        String url = "postgres://" + settings.user() + (settings.password() == null ? "" : ":" + settings.password())
                + "@" + settings.host() + ":" + settings.port() + "/" + settings.database();
        Map<String, String> env = Map.of("DATABASE_URL", url, "LOAD_SAMPLE_DATA", "false", "DB_POOL_SIZE", "2",
                "LIVE_POLL_MS", "200", "TRUSTED_PROXIES", "127.0.0.1", "JAVA_TOOL_OPTIONS", "-Xmx256m");
        a = ServerProcess.start(env, dir.resolve("a.log"));
        b = ServerProcess.start(env, dir.resolve("b.log"));
        a.awaitReady();
        b.awaitReady();
        new UserAccounts(database.dsl(), new PasswordHasher()).create(null, "agnes", PASSWORD, Role.EDITOR);
        editor = graphql(a.uri("/graphql"), null, "mutation { login(username: \"agnes\", password: \""
                + PASSWORD + "\") { token } }").at("/data/login/token").asString();
    }

    @AfterAll
    static void stop() {
        try {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        } finally {
            database.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx", "haproxy"})
    void aQueryAndATokenFromEitherInstanceWorkThroughTheProxy(String kind) throws Exception {
        try (ReadmeProxy proxy = ReadmeProxy.start(kind, port(a), port(b), Files.createTempDirectory(dir, kind))) {
            for (int i = 0; i < 4; i++) { // round robin: both instances answer
                assertThat(graphql(proxy.uri("/graphql"), null, "{ movies(first: 1) { totalCount } }")
                        .at("/data/movies/totalCount").isNumber()).isTrue();
            }
            String token = graphql(proxy.uri("/graphql"), null, "mutation { login(username: \"agnes\", password: \""
                    + PASSWORD + "\") { token } }").at("/data/login/token").asString();
            for (URI where : new URI[] {a.uri("/graphql"), b.uri("/graphql"), proxy.uri("/graphql"),
                    proxy.uri("/graphql")}) {
                assertThat(graphql(where, token, "{ me { username } }").at("/data/me/username").asString())
                        .as(where.toString()).isEqualTo("agnes");
            }
            assertThat(graphql(proxy.uri("/graphql"), editor, "{ me { username } }").at("/data/me/username")
                    .asString()).isEqualTo("agnes");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx", "haproxy"})
    void anEventStreamThroughTheProxyHearsOfWritesOnBothInstancesWhileItStaysOpen(String kind) throws Exception {
        try (ReadmeProxy proxy = ReadmeProxy.start(kind, port(a), port(b), Files.createTempDirectory(dir, kind))) {
            String start = createMovie(a, kind + " sse start");
            try (SseClient stream = SseClient.subscribe(proxy.uri("/graphql"), EVENTS, Map.of(), null, start)) {
                assertThat(stream.status()).as(proxy.output()).isEqualTo(200);
                createMovie(a, kind + " sse on A");
                SseClient.Event first = stream.nextEvent();
                assertThat(first).as("an event while the stream is open").isNotEqualTo(SseClient.END);
                createMovie(b, kind + " sse on B");
                SseClient.Event second = stream.nextEvent();
                assertThat(second).isNotEqualTo(SseClient.END);
                assertThat(Map.of("first", title(first.data()), "second", title(second.data())))
                        .isEqualTo(Map.of("first", kind + " sse on A", "second", kind + " sse on B"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx", "haproxy"})
    void aWebSocketSubscriptionThroughTheProxyHearsOfWritesOnBothInstances(String kind) throws Exception {
        try (ReadmeProxy proxy = ReadmeProxy.start(kind, port(a), port(b), Files.createTempDirectory(dir, kind))) {
            String start = createMovie(b, kind + " ws start");
            URI ws = URI.create("ws://127.0.0.1:" + proxy.port() + "/graphql");
            try (WebSocketClient client = WebSocketClient.initialised(ws, Map.of())) {
                client.subscribe("s", EVENTS, Map.of("lastEventId", start));
                createMovie(a, kind + " ws on A");
                createMovie(b, kind + " ws on B");
                Map<String, String> heard = new TreeMap<>();
                for (int i = 0; i < 2; i++) {
                    JsonNode next = client.expect("next");
                    heard.put("event " + i, title(next.get("payload")));
                }
                assertThat(heard).isEqualTo(Map.of("event 0", kind + " ws on A", "event 1", kind + " ws on B"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx", "haproxy"})
    void theInstancesCountASignInAgainstTheClientNotTheProxyNorAForgedAddress(String kind) throws Exception {
        try (ReadmeProxy proxy = ReadmeProxy.start(kind, port(a), port(b), Files.createTempDirectory(dir, kind))) {
            // The client is 127.0.0.2 (the proxy reaches the instances from 127.0.0.1, which they trust) and forges
            // an address of its own, which the proxy keeps at the left of the list.
            String client = kind.equals("nginx") ? "127.0.0.2" : "127.0.0.3";
            int before = SignIns.failuresOf(database.dsl(), client);
            for (int i = 0; i < 2; i++) { // both instances
                String answer = SignIns.loginFrom(client, proxy.port(), "nobody-" + kind + i, "wrong",
                        "X-Forwarded-For", "198.51.100.1");
                assertThat(answer).as(proxy.output()).startsWith("HTTP/1.").contains("INVALID_CREDENTIALS");
            }
            assertThat(SignIns.failuresOf(database.dsl(), client)).isEqualTo(before + 2);
            assertThat(SignIns.failuresOf(database.dsl(), "198.51.100.1")).isZero();
            assertThat(SignIns.failuresOf(database.dsl(), "127.0.0.1")).isZero();
        }
    }

    private static String title(JsonNode payload) {
        return payload.at("/data/movieChanged/movie/title").asString();
    }

    /** Creates a movie through {@code server} directly; returns the id of the event it made. */
    private static String createMovie(ServerProcess server, String title) throws Exception {
        JsonNode answer = graphql(server.uri("/graphql"), editor, "mutation { createMovie(input: {title: "
                + Json.MAPPER.writeValueAsString(title) + ", releaseDate: \"2001-02-03\"}) "
                + "{ movie { history(first: 1) { edges { node { id } } } } } }");
        return answer.at("/data/createMovie/movie/history/edges/0/node/id").asString();
    }

    private static int port(ServerProcess server) {
        return server.uri("/").getPort();
    }

    private static JsonNode graphql(URI uri, String token, String query) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Map.of("query", query))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.has("errors")).as(response.body()).isFalse();
        return body;
    }
}

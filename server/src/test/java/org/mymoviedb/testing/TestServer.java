package org.mymoviedb.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.mymoviedb.Application;
import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.UserAccounts;
import org.mymoviedb.config.ServerConfig;
import org.mymoviedb.graphql.GraphQLRequest;
import org.mymoviedb.http.Json;
import tools.jackson.databind.JsonNode;

/** The real service, over HTTP on a free port, on a test database of its own. */
public final class TestServer implements AutoCloseable {

    private final TestDatabase database;
    private final Application app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(TestDatabase database, Application app) {
        this.database = database;
        this.app = app;
    }

    /** Starts on a fresh, empty database (no sample data). */
    public static TestServer start() {
        return start(TestDatabase.create());
    }

    /** Starts on {@code database}, which the server closes and drops with itself. */
    public static TestServer start(TestDatabase database) {
        return start(database, Map.of());
    }

    /** Starts with extra configuration, as environment variables would give it. */
    public static TestServer start(Map<String, String> env) {
        return start(TestDatabase.create(), env);
    }

    /** Starts on a database another test owns (several servers may share it); closing leaves it in place. */
    public static TestServer startOn(TestDatabase shared) {
        return startOn(shared, Map.of());
    }

    public static TestServer startOn(TestDatabase shared, Map<String, String> env) {
        return new TestServer(null, start(shared, env).app);
    }

    /** Starts on a database this class knows nothing of (a test's own cluster); closing leaves it in place. */
    public static TestServer onDatabase(org.mymoviedb.db.ConnectionSettings database, Map<String, String> env) {
        return new TestServer(null, Application.start(config(env), database, "the test's own cluster"));
    }

    private static TestServer start(TestDatabase database, Map<String, String> env) {
        return new TestServer(database, Application.start(config(env), database.settings(), "test database"));
    }

    private static ServerConfig config(Map<String, String> env) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("HOST", "127.0.0.1", "PORT", "0",
                "LOAD_SAMPLE_DATA", "false", "DB_POOL_SIZE", "4", "IO_THREADS", "2", "SHUTDOWN_GRACE_SECONDS", "5"));
        settings.putAll(env);
        return ServerConfig.fromEnvironment(settings);
    }

    /** The server's database; null for a server started on a shared one. */
    public TestDatabase database() {
        return database;
    }

    public Application app() {
        return app;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    /** POSTs a query with variables and returns the whole JSON response; fails unless the status is 200. */
    public JsonNode query(String query, Map<String, Object> variables) {
        return queryAs(null, query, variables);
    }

    /** The same, sent with {@code Authorization: Bearer token} when the token is not null. */
    public JsonNode queryAs(String token, String query, Map<String, Object> variables) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(
                        Map.of("query", query, "variables", variables))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return Json.MAPPER.readTree(response.body());
    }

    public JsonNode query(String query) {
        return query(query, Map.of());
    }

    /** Creates an account straight in the database and signs it in over HTTP; returns its bearer token. */
    public String signedIn(String username, Role role) {
        String password = "correct horse battery " + username;
        new UserAccounts(app.database().dsl(), new PasswordHasher()).create(null, username, password, role);
        JsonNode login = query("mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
                Map.of("u", username, "p", password));
        return login.get("data").get("login").get("token").asString();
    }

    /** Runs a query in-process (no HTTP), for tests that care about GraphQL rather than transport. */
    public JsonNode execute(String query, Map<String, Object> variables) {
        Map<String, Object> result = app.api().execute(GraphQLRequest.of(query, variables)).join();
        return Json.MAPPER.valueToTree(result);
    }

    /** POSTs a raw body as application/json. */
    public HttpResponse<String> post(String body) {
        return send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}

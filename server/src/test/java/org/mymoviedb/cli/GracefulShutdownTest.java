package org.mymoviedb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mymoviedb.db.ConnectionSettings;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.TestDatabase;

/** SIGTERM to the real server process: requests in flight finish, then the pool closes and the process exits. */
class GracefulShutdownTest {

    @TempDir
    Path logs;

    @Test
    void sigtermDrainsInFlightRequestsThenExits() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            new Catalogue(db.dsl()).manyMovies(300);
            int port = freePort();
            Path log = logs.resolve("server.log");
            Process server = startServer(db.settings(), port, log);
            try {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(2)).build();
                awaitReady(client, port, server, log);

                String body = "{\"query\":\"{ movies(first: 100, orderBy: [{field: RATING, direction: DESC}]) "
                        + "{ totalCount edges { node { title genres { name } directors { name } } } } }\"}";
                List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
                // Far more than two connections serve at once: most are still queued when the signal lands.
                for (int i = 0; i < 200; i++) {
                    inFlight.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
                CompletableFuture.anyOf(inFlight.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                server.destroy(); // SIGTERM while the rest are in flight

                int completed = 0;
                for (CompletableFuture<HttpResponse<String>> request : inFlight) {
                    try {
                        HttpResponse<String> response = request.get(30, TimeUnit.SECONDS);
                        // Accepted before the signal: a full answer. After it: a clean refusal.
                        assertThat(response.statusCode()).isIn(200, 503);
                        if (response.statusCode() == 200) {
                            assertThat(response.body()).contains("\"totalCount\":300");
                            completed++;
                        }
                    } catch (java.util.concurrent.ExecutionException e) {
                        // Never accepted before the listener closed: refused at connect, or its connection closed
                        // before a single byte of answer. Never an answer cut off halfway.
                        Throwable cause = e.getCause();
                        boolean neverStarted = cause instanceof java.net.ConnectException
                                || String.valueOf(cause.getMessage()).contains("received no bytes");
                        assertThat(neverStarted).as("%s", cause).isTrue();
                    }
                }
                assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
                String output = Files.readString(log);
                assertThat(server.exitValue()).as(output).isIn(0, 143);
                assertThat(completed).as(output).isGreaterThan(1);
                assertThat(output).contains("mymoviedb stopped");
            } finally {
                server.destroyForcibly();
            }
        }
    }

    private static Process startServer(ConnectionSettings settings, int port, Path log) throws IOException {
        String url = "postgres://" + settings.user() + (settings.password() == null ? "" : ":" + settings.password())
                + "@" + settings.host() + ":" + settings.port() + "/" + settings.database();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.mymoviedb.Main", "serve")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DATABASE_URL", url);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("HOST", "127.0.0.1");
        builder.environment().put("LOAD_SAMPLE_DATA", "false");
        builder.environment().put("DB_POOL_SIZE", "2");
        return builder.start();
    }

    private static void awaitReady(HttpClient client, int port, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("server exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server not ready in 60 s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package org.mymoviedb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mymoviedb.db.ConnectionSettings;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.ServerProcess;
import org.mymoviedb.testing.TestDatabase;

/** SIGTERM to the real server process: requests in flight finish, then the pool closes and the process exits. */
class GracefulShutdownTest {

    @TempDir
    Path logs;

    @Test
    void sigtermDrainsInFlightRequestsThenExits() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            new Catalogue(db.dsl()).manyMovies(300);
            try (ServerProcess server = ServerProcess.start(environment(db.settings()), logs.resolve("server.log"))) {
                server.awaitReady();
                HttpClient client = server.client();

                String body = "{\"query\":\"{ movies(first: 100, orderBy: [{field: RATING, direction: DESC}]) "
                        + "{ totalCount edges { node { title genres { name } directors { name } } } } }\"}";
                List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
                // Far more than two connections serve at once: most are still queued when the signal lands.
                for (int i = 0; i < 200; i++) {
                    inFlight.add(client.sendAsync(HttpRequest.newBuilder(server.uri("/graphql"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
                CompletableFuture.anyOf(inFlight.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                server.process().destroy(); // SIGTERM while the rest are in flight

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
                assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
                String output = server.output();
                assertThat(server.process().exitValue()).as(output).isIn(0, 143);
                assertThat(completed).as(output).isGreaterThan(1);
                assertThat(output).contains("mymoviedb stopped");
            }
        }
    }

    private static Map<String, String> environment(ConnectionSettings settings) {
        String url = "postgres://" + settings.user() + (settings.password() == null ? "" : ":" + settings.password())
                + "@" + settings.host() + ":" + settings.port() + "/" + settings.database();
        return Map.of("DATABASE_URL", url, "LOAD_SAMPLE_DATA", "false", "DB_POOL_SIZE", "2");
    }
}

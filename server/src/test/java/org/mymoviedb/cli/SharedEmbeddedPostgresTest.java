package org.mymoviedb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mymoviedb.testing.ServerProcess;

/**
 * Several real server processes on one embedded data directory: none stops PostgreSQL under another's feet, whether
 * the one leaving started it or not, and whether it leaves by SIGTERM or kill -9; the last one out stops it.
 */
class SharedEmbeddedPostgresTest {

    private static final String COUNT_MOVIES = "{\"query\":\"{ movies(first: 1) { totalCount } }\"}";

    @TempDir
    Path temp;

    private final List<ServerProcess> started = new ArrayList<>();

    @Test
    void aServerKeepsAnsweringWhenTheOneThatStartedPostgresStopsOrIsKilled() throws Exception {
        Path data = temp.resolve("postgres");
        ServerProcess starter = serve(data, "starter");
        assertAnswers(starter);
        ServerProcess second = serve(data, "second");
        assertAnswers(second);
        assertThat(second.output()).contains("Embedded PostgreSQL already running");

        assertThat(starter.stop()).as(starter.output()).isIn(0, 143);
        assertKeepsAnswering(second);
        assertThat(starter.output()).contains("Embedded PostgreSQL left running").contains("still uses it");

        ServerProcess third = serve(data, "third");
        assertAnswers(third);
        second.kill();
        assertKeepsAnswering(third);

        assertThat(third.stop()).as(third.output()).isIn(0, 143);
        // The killed one's lease lapsed with it, so it does not keep PostgreSQL running for nobody.
        assertThat(third.output()).contains("Embedded PostgreSQL stopped: this process")
                .contains("was the last one using it");
        assertThat(data.resolve("postmaster.pid")).as(third.output()).doesNotExist();
    }

    private ServerProcess serve(Path data, String name) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", null);
        for (String libpq : List.of("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE")) {
            env.put(libpq, null);
        }
        env.put("MYMOVIEDB_DATA_DIR", data.toString());
        env.put("LOAD_SAMPLE_DATA", "false");
        // Every answer must come from the database, not from an answer cached while it was up.
        env.put("RESULT_CACHE_ENABLED", "false");
        env.put("DB_POOL_SIZE", "2");
        ServerProcess server = ServerProcess.start(env, temp.resolve(name + ".log"));
        started.add(server);
        return server.awaitReady();
    }

    /** Several queries over a few seconds, each answered from the database. */
    private static void assertKeepsAnswering(ServerProcess server) throws Exception {
        for (int i = 0; i < 6; i++) {
            Thread.sleep(500);
            assertAnswers(server);
        }
    }

    private static void assertAnswers(ServerProcess server) throws Exception {
        HttpResponse<String> answer = server.post(COUNT_MOVIES);
        assertThat(answer.statusCode()).as(server.output()).isEqualTo(200);
        assertThat(answer.body()).as(server.output()).isEqualTo("{\"data\":{\"movies\":{\"totalCount\":0}}}");
        HttpResponse<String> ready = server.client().send(java.net.http.HttpRequest.newBuilder(server.uri("/ready"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    }

    /** Whatever the outcome, no server and no PostgreSQL outlives the test. */
    @AfterEach
    void stopEverything() throws Exception {
        started.forEach(ServerProcess::close);
        Path pidFile = temp.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            long postmaster = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
            var handle = ProcessHandle.of(postmaster);
            if (handle.isPresent()) {
                handle.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients are gone
                handle.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }
}

package org.mymoviedb.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.PrometheusScrape;
import org.mymoviedb.testing.StreamingReplica;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * A server on a real primary with a real streaming replica (pg_basebackup -R): anonymous reads are served by the
 * replica, a writer reads its own write from the primary, and a replica that lags or is down is skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadReplicaTest {

    private static final String DATABASE = "mymoviedb";
    private static final String LAG = "mymoviedb_db_replica_lag_milliseconds";
    private static final String READS = "mymoviedb_db_reads_total";
    private static final String MOVIE = "query($id: ID!) { movie(id: $id) { title } }";
    private static final String CREATE = "mutation($title: String!) { createMovie(input: {title: $title, "
            + "releaseDate: \"1962-04-11\"}) { movie { id } userErrors { code } } }";

    private StreamingReplica pair;
    private TestServer server;
    private String editor;

    @BeforeAll
    void startPrimaryReplicaAndServer() {
        Path bin = StreamingReplica.machineBinaries().orElse(null);
        assumeTrue(bin != null, "needs the machine's PostgreSQL programs (pg_basebackup) in /usr/lib/postgresql");
        pair = StreamingReplica.start(bin);
        server = TestServer.onDatabase(pair.primarySettings(DATABASE), Map.of(
                "DATABASE_REPLICA_URLS", pair.replicaUrl(DATABASE),
                "REPLICA_MAX_LAG_MS", "1000",
                "REPLICA_POOL_SIZE", "2",
                // Every anonymous read reaches a database: a cached answer would hide where it was read.
                "RESULT_CACHE_ENABLED", "false"));
        editor = server.signedIn("rosalind", Role.EDITOR);
        // A document is routed once it is parsed (before, the primary answers it): parse the ones used here.
        server.query(MOVIE, Map.of("id", "0"));
        awaitLag(lag -> lag >= 0 && lag <= 1000, "the replica in step");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void anAnonymousReadIsServedByTheReplica() throws SQLException {
        String id = create("Cleo from 5 to 7");
        awaitAnonymousTitle(id, "Cleo from 5 to 7");
        double replicaReads = reads("replica-1");
        double primaryReads = reads("primary");

        assertThat(anonymousTitle(id)).isEqualTo("Cleo from 5 to 7");

        assertThat(reads("replica-1")).isGreaterThan(replicaReads);
        assertThat(reads("primary")).isEqualTo(primaryReads);
        assertThat(backendsOnReplica("mymoviedb-replica-1")).isPositive();
    }

    @Test
    void aWriterReadsItsWriteAtOnceAndALaggingReplicaIsSkipped() {
        pair.pauseReplay(true);
        try {
            String id = create("The Umbrellas of Cherbourg");
            // The replica cannot have it (replay is paused), yet the writer reads it: its requests go to the primary.
            JsonNode own = server.queryAs(editor, MOVIE, Map.of("id", id));
            assertThat(own.get("data").get("movie").get("title").asString()).isEqualTo("The Umbrellas of Cherbourg");

            awaitLag(lag -> lag > 1000, "the paused replica past REPLICA_MAX_LAG_MS");
            double replicaReads = reads("replica-1");
            double primaryReads = reads("primary");
            assertThat(anonymousTitle(id)).isEqualTo("The Umbrellas of Cherbourg");
            assertThat(reads("replica-1")).isEqualTo(replicaReads);
            assertThat(reads("primary")).isGreaterThan(primaryReads);
        } finally {
            pair.pauseReplay(false);
        }
        awaitLag(lag -> lag >= 0 && lag <= 1000, "the replica in step again");
    }

    @Test
    void aStoppedReplicaIsSkippedAndReadsStillAnswer() {
        String id = create("Lola");
        pair.stopReplica();
        try {
            awaitLag(lag -> lag < 0, "the stopped replica noticed");
            double replicaReads = reads("replica-1");
            double primaryReads = reads("primary");
            assertThat(anonymousTitle(id)).isEqualTo("Lola");
            assertThat(reads("replica-1")).isEqualTo(replicaReads);
            assertThat(reads("primary")).isGreaterThan(primaryReads);
        } finally {
            pair.startReplica();
        }
        awaitLag(lag -> lag >= 0 && lag <= 1000, "the restarted replica back in step");
        double replicaReads = reads("replica-1");
        awaitAnonymousTitle(id, "Lola");
        assertThat(reads("replica-1")).isGreaterThan(replicaReads);
    }

    private String create(String title) {
        JsonNode created = server.queryAs(editor, CREATE, Map.of("title", title));
        assertThat(created.get("errors")).as("%s", created).isNull();
        return created.get("data").get("createMovie").get("movie").get("id").asString();
    }

    private String anonymousTitle(String id) {
        JsonNode answer = server.query(MOVIE, Map.of("id", id));
        JsonNode movie = answer.get("data").get("movie");
        return movie == null || movie.isNull() ? null : movie.get("title").asString();
    }

    /** Replication is asynchronous: a movie just written reaches the replica a moment later. */
    private void awaitAnonymousTitle(String id, String title) {
        for (int attempt = 0; attempt < 100 && !title.equals(anonymousTitle(id)); attempt++) {
            pause();
        }
        assertThat(anonymousTitle(id)).isEqualTo(title);
    }

    private double reads(String target) {
        return PrometheusScrape.of(server).value(READS, "target", target);
    }

    private void awaitLag(DoublePredicate wanted, String what) {
        for (int attempt = 0; attempt < 150; attempt++) {
            if (wanted.test(PrometheusScrape.of(server).value(LAG, "target", "replica-1"))) {
                return;
            }
            pause();
        }
        throw new AssertionError("Never saw " + what + "; lag "
                + PrometheusScrape.of(server).value(LAG, "target", "replica-1"));
    }

    private int backendsOnReplica(String applicationName) throws SQLException {
        try (Connection connection = DriverManager.getConnection(pair.replicaSettings("postgres").jdbcUrl(),
                "postgres", "");
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + applicationName + "'")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

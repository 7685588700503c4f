package org.mymoviedb.movie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.AUDIT_ENTRY;
import static org.mymoviedb.jooq.Tables.MOVIE;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.jooq.tables.records.MovieRecord;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** Two editors save the same movie at the same moment, many times: one wins, one is told, nothing is lost. */
class ConcurrentEditTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perTest().withAccount("agnes", Role.EDITOR)
            .withAccount("jacques", Role.EDITOR);

    private static final int RACES = 40;

    @Test
    void everyRaceHasExactlyOneWinnerAndOneConflict() throws Exception {
        String id = server.queryAs(server.token("agnes"), MovieMutationsTest.CREATE, Map.of("input",
                Map.of("title", "Cléo from 5 to 7", "releaseDate", "1962-04-11"))).get("data")
                .get("createMovie").get("movie").get("id").asString();
        ExecutorService editors = Executors.newFixedThreadPool(2);
        try {
            int version = 1;
            for (int race = 0; race < RACES; race++) {
                CyclicBarrier start = new CyclicBarrier(2);
                int seen = version;
                String agnesTitle = "Agnès's title " + race;
                String jacquesTitle = "Jacques's title " + race;
                CompletableFuture<JsonNode> a = CompletableFuture.supplyAsync(
                        () -> save(server.token("agnes"), id, seen, agnesTitle, start), editors);
                CompletableFuture<JsonNode> b = CompletableFuture.supplyAsync(
                        () -> save(server.token("jacques"), id, seen, jacquesTitle, start), editors);
                List<JsonNode> results = List.of(a.get(), b.get());

                List<JsonNode> winners = results.stream().filter(r -> r.get("userErrors").isEmpty()).toList();
                List<JsonNode> losers = results.stream().filter(r -> !r.get("userErrors").isEmpty()).toList();
                assertThat(winners).as("race %d: %s", race, results).hasSize(1);
                assertThat(losers).hasSize(1);
                assertThat(losers.get(0).get("userErrors").get(0).get("code").asString()).isEqualTo("CONFLICT");
                String winningTitle = winners.get(0).get("movie").get("title").asString();
                // The loser is shown exactly what won.
                assertThat(losers.get(0).get("current").get("title").asString()).isEqualTo(winningTitle);

                MovieRecord row = server.database().dsl().selectFrom(MOVIE).fetchOne();
                assertThat(row.getTitle()).isEqualTo(winningTitle);
                assertThat(row.getVersion()).isEqualTo(seen + 1);
                version = row.getVersion();
            }
        } finally {
            editors.shutdownNow();
        }
        assertThat(server.database().dsl().fetchCount(AUDIT_ENTRY,
                AUDIT_ENTRY.ENTITY_TYPE.eq("movie").and(AUDIT_ENTRY.ACTION.eq("UPDATE")))).isEqualTo(RACES);
    }

    private static JsonNode save(String token, String id, int version, String title, CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return server.queryAs(token, MovieMutationsTest.UPDATE,
                Map.of("id", id, "v", version, "input", Map.of("title", title))).get("data").get("updateMovie");
    }
}

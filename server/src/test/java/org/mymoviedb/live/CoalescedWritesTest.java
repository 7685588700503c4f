package org.mymoviedb.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.PrometheusScrape;
import org.mymoviedb.testing.SseClient;
import org.mymoviedb.testing.TestServer;

/**
 * A burst of events reaches an event stream in few socket writes: a stream sends every frame that is ready in one
 * write, so twenty events read together cost a stream a write or two, not one each, and every event still arrives,
 * once and in order.
 */
class CoalescedWritesTest {

    private static final String EVENTS = "subscription { movieChanged { movieId kind } }";

    @Test
    void aBurstOfTwentyCreatesReachesEachStreamInFewerWritesThanEvents() throws Exception {
        int streams = 10;
        int creates = 20;
        try (TestServer server = TestServer.start(Map.of("LIVE_POLL_MS", "100"));
             Connection holdBack = server.database().dataSource().getConnection()) {
            String editor = server.signedIn("agnes", Role.EDITOR);
            List<SseClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < streams; i++) {
                    SseClient client = SseClient.subscribe(server.uri("/graphql"), EVENTS, Map.of());
                    assertThat(client.status()).isEqualTo(200);
                    clients.add(client);
                }
                double framesBefore = sse(server, "mymoviedb_sse_frames_total");
                double writesBefore = sse(server, "mymoviedb_sse_writes_total");
                // A transaction of this database that began first and is still open holds every later write back
                // (none may overtake it): the burst becomes deliverable at once when it ends, whatever the
                // machine's speed.
                holdBack.setAutoCommit(false);
                try (Statement statement = holdBack.createStatement()) {
                    statement.execute("SELECT pg_current_xact_id()");
                }
                Set<String> created = new LinkedHashSet<>();
                for (int i = 0; i < creates; i++) {
                    created.add(LiveWrites.createMovie(server, editor, "Cléo de 5 à 7, take " + i));
                }
                assertThat(clients.get(0).waiting()).as("held back").isZero();
                holdBack.rollback();

                for (SseClient client : clients) {
                    List<String> received = new ArrayList<>();
                    for (int i = 0; i < creates; i++) {
                        received.add(client.nextEvent().data().get("data").get("movieChanged").get("movieId")
                                .asString());
                    }
                    assertThat(received).as("every create, once, in commit order").containsExactlyElementsOf(created);
                }
                double frames = sse(server, "mymoviedb_sse_frames_total") - framesBefore;
                double writes = sse(server, "mymoviedb_sse_writes_total") - writesBefore;
                assertThat(frames).as("event frames sent").isGreaterThanOrEqualTo(streams * creates);
                // Without coalescing each frame is a write of its own (200 here). With it, a write or two per stream;
                // the one stream that runs each event's shared execution may send each frame as it is executed.
                assertThat(writes).as("socket writes for %s frames", frames).isLessThanOrEqualTo(creates + 2 * streams);
            } finally {
                clients.forEach(SseClient::close);
            }
        }
    }

    private static double sse(TestServer server, String name) {
        return PrometheusScrape.of(server).value(name);
    }
}

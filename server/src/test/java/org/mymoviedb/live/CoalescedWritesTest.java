package org.mymoviedb.live;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Under a stream of writes an event stream's frames are coalesced: the feed reads history at most every
 * LIVE_BATCH_MS, and a stream sends every frame that is ready in one socket write, so a burst of events costs each
 * stream a few writes, not one per event, and every event still arrives, once and in order.
 */
class CoalescedWritesTest {

    private static final String EVENTS = "subscription { movieChanged { movieId kind } }";

    @Test
    void aBurstOfTwentyCreatesReachesEachStreamInFewerWritesThanEvents() {
        int streams = 3;
        int creates = 20;
        // One read of history at most every 2 s, and no reads but at notifications: the burst comes in few reads.
        try (TestServer server = TestServer.start(Map.of("LIVE_BATCH_MS", "2000", "LIVE_POLL_MS", "60000"))) {
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
                Set<String> created = new LinkedHashSet<>();
                for (int i = 0; i < creates; i++) {
                    created.add(LiveWrites.createMovie(server, editor, "Cléo de 5 à 7, take " + i));
                }

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
                // Without coalescing each frame is a write of its own (60 here); with it, a few per stream.
                assertThat(writes).as("socket writes for %s frames", frames).isLessThanOrEqualTo(streams * 5);
            } finally {
                clients.forEach(SseClient::close);
            }
        }
    }

    private static double sse(TestServer server, String name) {
        return PrometheusScrape.of(server).value(name);
    }
}

package org.mymoviedb.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.PrometheusScrape;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * A client that stops reading is cut off with 1013 (try again later: reconnect and resume), and what the server
 * holds for it stays bounded: by WS_MAX_QUEUED_BYTES in the WebSocket's send path, or by LIVE_MAX_QUEUED_EVENTS in
 * the subscription's queue, whichever fills first. And a connection sent events faster than
 * LIVE_MAX_EVENTS_PER_SECOND allows is cut off the same way with EVENT_RATE_LIMIT. Asserted by counts and bytes.
 */
class WebSocketSlowConsumerTest {

    /** Each event carries about 30 x 500 characters: the socket's buffers fill after a few dozen. */
    private static final String BIG_EVENTS = "subscription { movieChanged { id movie { "
            + IntStream.range(0, 30).mapToObj(i -> "t" + i + ": title").collect(Collectors.joining(" ")) + " } } }";
    private static final int MAX_WRITES = 600;

    @Test
    void aClientThatStopsReadingIsCutOffAtWsMaxQueuedBytes() {
        try (TestServer server = TestServer.start(Map.of("WS_MAX_QUEUED_BYTES", "65536",
                "LIVE_MAX_QUEUED_EVENTS", "100000", "WS_PING_INTERVAL_MS", "600000"))) {
            int writes = cutOff(server);
            PrometheusScrape metrics = PrometheusScrape.of(server);
            assertThat(metrics.value("mymoviedb_websocket_slow_consumers_total")).isEqualTo(1.0);
            assertThat(metrics.value("mymoviedb_websocket_closes_total", "code", "1013")).isEqualTo(1.0);
            // Never more than the bound was held for the socket, and all of it was let go with the connection.
            assertThat(metrics.value("mymoviedb_websocket_queued_bytes_peak")).isBetween(1.0, 65536.0);
            awaitReleased(server);
            assertThat(writes).isLessThan(MAX_WRITES);
        }
    }

    @Test
    void aClientThatStopsReadingIsCutOffAtLiveMaxQueuedEvents() {
        try (TestServer server = TestServer.start(Map.of("WS_MAX_QUEUED_BYTES", String.valueOf(1 << 30),
                "LIVE_MAX_QUEUED_EVENTS", "20", "WS_PING_INTERVAL_MS", "600000"))) {
            cutOff(server);
            PrometheusScrape metrics = PrometheusScrape.of(server);
            assertThat(metrics.value("mymoviedb_websocket_slow_consumers_total")).isEqualTo(1.0);
            assertThat(metrics.value("mymoviedb_websocket_closes_total", "code", "1013")).isEqualTo(1.0);
            // The send path held at most its window of events per subscription; the rest waited in the core's queue.
            assertThat(metrics.value("mymoviedb_websocket_queued_bytes_peak"))
                    .isLessThanOrEqualTo(8 * 20_000.0); // 8: the session's EVENT_WINDOW
            awaitReleased(server);
        }
    }

    @Test
    void aConnectionSentMoreEventsASecondThanAllowedIsCutOffWithEventRateLimit() {
        try (TestServer server = TestServer.start(Map.of("LIVE_MAX_EVENTS_PER_SECOND", "1",
                "LIVE_MAX_QUEUED_EVENTS", "3"))) {
            String token = server.signedIn("tulkas", Role.EDITOR);
            SocketWrites.Written start = SocketWrites.createMovie(server, token, "Rate start");
            try (WebSocketClient client = WebSocketClient.initialised(server, Map.of())) {
                client.subscribe("fast", "subscription { movieChanged { id } }", Map.of("lastEventId", start.eventId()));
                for (int i = 0; i < 12; i++) {
                    SocketWrites.createMovie(server, token, "Burst " + i);
                }
                WebSocketClient.Closed closed = client.awaitClose();
                assertThat(closed.code()).isEqualTo(1013);
                assertThat(closed.reason()).startsWith("EVENT_RATE_LIMIT");
                int delivered = 0;
                while (client.pending() > 0) {
                    JsonNode message = client.next();
                    assertThat(message.get("type").asString()).isEqualTo("next");
                    delivered++;
                }
                assertThat(delivered).isLessThan(12);
            }
        }
    }

    /**
     * Subscribes a raw client that reads nothing past the ack, writes movies until the server reports a slow
     * consumer, and returns how many writes that took.
     */
    private static int cutOff(TestServer server) {
        String token = server.signedIn("ulmo", Role.EDITOR);
        SocketWrites.Written start = SocketWrites.createMovie(server, token, "Slow start");
        try (RawWebSocket peer = new RawWebSocket(server, 4096)) {
            peer.send(Map.of("type", "connection_init"));
            assertThat(peer.read().text()).contains("connection_ack");
            peer.send(Map.of("id", "big", "type", "subscribe", "payload", Map.of("query", BIG_EVENTS,
                    "extensions", Map.of("lastEventId", start.eventId()))));
            String title = "y".repeat(480);
            for (int writes = 1; writes <= MAX_WRITES; writes++) {
                SocketWrites.createMovie(server, token, title + writes);
                if (writes % 10 == 0 && PrometheusScrape.of(server)
                        .series("mymoviedb_websocket_closes_total", "code", "1013").size() == 1) {
                    return writes;
                }
            }
            throw new AssertionError("The client that reads nothing was never cut off");
        }
    }

    /** Once the connection is gone, none of its bytes are held any more. */
    private static void awaitReleased(TestServer server) {
        for (int i = 0; i < 500; i++) {
            PrometheusScrape metrics = PrometheusScrape.of(server);
            if (metrics.value("mymoviedb_websocket_connections_open") == 0.0
                    && metrics.value("mymoviedb_websocket_queued_bytes") == 0.0) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("The cut-off connection still holds bytes: "
                + PrometheusScrape.of(server).series("mymoviedb_websocket_queued_bytes"));
    }
}

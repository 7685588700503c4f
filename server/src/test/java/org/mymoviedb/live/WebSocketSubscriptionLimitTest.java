package org.mymoviedb.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.SseClient;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * LIVE_MAX_SUBSCRIPTIONS over graphql-transport-ws: once the instance holds as many subscriptions as it allows
 * (on any transport), a subscribe is answered with an {@code error} message for its id, code SUBSCRIPTION_LIMIT,
 * and the connection stays open; once a subscription completes, its slot serves the next one.
 */
class WebSocketSubscriptionLimitTest {

    private static final String EVENTS = "subscription { movieChanged { id } }";

    @Test
    void aFullInstanceRefusesTheSubscriptionWithItsCodeAndKeepsTheConnection() throws Exception {
        try (TestServer server = TestServer.start(Map.of("LIVE_MAX_SUBSCRIPTIONS", "1"))) {
            String editor = server.signedIn("agnes", Role.EDITOR);
            SocketWrites.Written start = SocketWrites.createMovie(server, editor, "Before");
            try (WebSocketClient holder = WebSocketClient.initialised(server, Map.of());
                 WebSocketClient late = WebSocketClient.initialised(server, Map.of())) {
                holder.subscribe("first", EVENTS, Map.of("lastEventId", start.eventId()));
                SocketWrites.Written written = SocketWrites.createMovie(server, editor, "Heard");
                assertThat(holder.expect("next").at("/payload/data/movieChanged/id").asString())
                        .isEqualTo(written.eventId());

                late.subscribe("second", EVENTS);
                JsonNode refused = late.expect("error");
                assertThat(refused.get("id").asString()).isEqualTo("second");
                assertThat(refused.at("/payload/0/extensions/code").asString()).isEqualTo("SUBSCRIPTION_LIMIT");
                assertThat(late.isClosed()).as("only the subscription is refused").isFalse();

                holder.send(Map.of("type", "complete", "id", "first"));
                for (int i = 0; i < 100 && server.app().live().subscriptions() > 0; i++) {
                    Thread.sleep(50);
                }
                assertThat(server.app().live().subscriptions()).isZero();
                SocketWrites.Written next = SocketWrites.createMovie(server, editor, "Next");
                late.subscribe("third", EVENTS, Map.of("lastEventId", written.eventId()));
                JsonNode heard = late.expect("next");
                assertThat(heard.get("id").asString()).isEqualTo("third");
                assertThat(heard.at("/payload/data/movieChanged/id").asString()).isEqualTo(next.eventId());
            }
        }
    }

    @Test
    void aSlotHeldOverServerSentEventsCountsForWebSocketsToo() throws Exception {
        try (TestServer server = TestServer.start(Map.of("LIVE_MAX_SUBSCRIPTIONS", "1"));
             SseClient stream = SseClient.subscribe(server.uri("/graphql"), EVENTS, Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
            try (WebSocketClient client = WebSocketClient.initialised(server, Map.of())) {
                client.subscribe("over", EVENTS);
                JsonNode refused = client.expect("error");
                assertThat(refused.get("id").asString()).isEqualTo("over");
                assertThat(refused.at("/payload/0/extensions/code").asString()).isEqualTo("SUBSCRIPTION_LIMIT");
            }
        }
    }
}

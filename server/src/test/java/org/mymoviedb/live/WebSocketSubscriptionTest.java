package org.mymoviedb.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions over graphql-transport-ws against the real subscription core and PostgreSQL: events as
 * {@code next}, a client's {@code complete} ends its subscription, resume with {@code extensions.lastEventId}
 * after a dropped connection loses nothing, role-guarded fields keep their role, and the per-connection limits.
 * Each test starts after an event it made itself (resume), so no event can slip past a subscription not yet open.
 */
class WebSocketSubscriptionTest {

    private static final String EVENTS = "subscription { movieChanged { id kind movieId version movie { title } } }";

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().withAccount("aule", Role.EDITOR)
            .with("LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION", "3");

    private String token() {
        return server.token("aule");
    }

    private SocketWrites.Written create(String title) {
        return SocketWrites.createMovie(server.get(), token(), title);
    }

    /** The next {@code next} for subscription {@code id}, skipping other operations' messages. */
    private static JsonNode nextOf(WebSocketClient client, String id) {
        while (true) {
            JsonNode message = client.next();
            if (id.equals(message.path("id").asString())) {
                assertThat(message.get("type").asString()).as(message.toString()).isEqualTo("next");
                return message.at("/payload");
            }
        }
    }

    @Test
    void eventsArriveAsNextInCommitOrderAndCompleteStopsThem() {
        SocketWrites.Written start = create("Before the socket");
        try (WebSocketClient client = WebSocketClient.initialised(server.get(), Map.of())) {
            client.subscribe("s1", EVENTS, Map.of("lastEventId", start.eventId()));
            SocketWrites.Written first = create("Arda one");
            SocketWrites.Written second = SocketWrites.retitle(server.get(), token(), first, "Arda two");
            JsonNode created = nextOf(client, "s1");
            assertThat(created.at("/data/movieChanged/kind").asString()).isEqualTo("CREATED");
            assertThat(created.at("/data/movieChanged/id").asString()).isEqualTo(first.eventId());
            assertThat(created.at("/data/movieChanged/movieId").asString()).isEqualTo(first.movieId());
            JsonNode updated = nextOf(client, "s1");
            assertThat(updated.at("/data/movieChanged/kind").asString()).isEqualTo("UPDATED");
            assertThat(updated.at("/data/movieChanged/id").asString()).isEqualTo(second.eventId());
            assertThat(updated.at("/data/movieChanged/movie/title").asString()).isEqualTo("Arda two");

            client.send(Map.of("id", "s1", "type", "complete"));
            SocketWrites.Written after = create("After complete");
            // s2 resumes after s1's last event: it sees the write made after s1 completed; s1 sees nothing more.
            client.subscribe("s2", EVENTS, Map.of("lastEventId", second.eventId()));
            JsonNode message = client.next();
            assertThat(message.get("id").asString()).isEqualTo("s2");
            assertThat(message.at("/payload/data/movieChanged/id").asString()).isEqualTo(after.eventId());
            assertThat(client.pending()).isZero();
        }
    }

    @Test
    void aDroppedConnectionResumesWithoutLoss() {
        SocketWrites.Written start = create("Resume start");
        String lastSeen;
        WebSocketClient first = WebSocketClient.initialised(server.get(), Map.of());
        first.subscribe("feed", EVENTS, Map.of("lastEventId", start.eventId()));
        SocketWrites.Written seen = create("Seen before the drop");
        lastSeen = nextOf(first, "feed").at("/data/movieChanged/id").asString();
        assertThat(lastSeen).isEqualTo(seen.eventId());
        first.close(); // the connection drops

        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            missed.add(create("Written while away " + i).eventId());
        }
        try (WebSocketClient again = WebSocketClient.initialised(server.get(), Map.of())) {
            again.subscribe("feed", EVENTS, Map.of("lastEventId", lastSeen));
            List<String> got = new ArrayList<>();
            for (int i = 0; i < missed.size(); i++) {
                got.add(nextOf(again, "feed").at("/data/movieChanged/id").asString());
            }
            assertThat(got).containsExactlyElementsOf(missed);
            SocketWrites.Written live = create("Live again");
            assertThat(nextOf(again, "feed").at("/data/movieChanged/id").asString()).isEqualTo(live.eventId());
        }
    }

    @Test
    void anEditorSeesWhoWroteAndAnAnonymousClientGetsTheRoleError() {
        String query = "subscription { movieChanged { id username } }";
        SocketWrites.Written start = create("Who wrote it");
        try (WebSocketClient editor = WebSocketClient.initialised(server.get(),
                Map.of("authorization", "Bearer " + token()));
             WebSocketClient anonymous = WebSocketClient.initialised(server.get(), Map.of())) {
            editor.subscribe("e", query, Map.of("lastEventId", start.eventId()));
            anonymous.subscribe("a", query, Map.of("lastEventId", start.eventId()));
            create("Written by aule");
            assertThat(nextOf(editor, "e").at("/data/movieChanged/username").asString()).isEqualTo("aule");
            JsonNode hidden = nextOf(anonymous, "a");
            assertThat(hidden.at("/data/movieChanged/username").isNull()).isTrue();
            assertThat(hidden.at("/errors/0/extensions/code").asString()).isEqualTo("UNAUTHENTICATED");
            assertThat(hidden.at("/errors/0/path").toString()).isEqualTo("[\"movieChanged\",\"username\"]");
        }
    }

    @Test
    void aSecondSubscribeWithARunningIdIs4409() {
        SocketWrites.Written start = create("Twice");
        try (WebSocketClient client = WebSocketClient.initialised(server.get(), Map.of())) {
            client.subscribe("same", EVENTS, Map.of("lastEventId", start.eventId()));
            client.subscribe("same", EVENTS);
            WebSocketClient.Closed closed = client.awaitClose();
            assertThat(closed).isEqualTo(new WebSocketClient.Closed(4409, "Subscriber for same already exists"));
        }
    }

    @Test
    void moreSubscriptionsThanAConnectionMayHoldIsAnErrorForThatOneOnly() {
        SocketWrites.Written start = create("Limit");
        try (WebSocketClient client = WebSocketClient.initialised(server.get(), Map.of())) {
            for (int i = 0; i < 3; i++) {
                client.subscribe("s" + i, EVENTS, Map.of("lastEventId", start.eventId()));
            }
            client.subscribe("one-too-many", EVENTS);
            JsonNode error = client.expect("error");
            assertThat(error.get("id").asString()).isEqualTo("one-too-many");
            assertThat(error.at("/payload/0/extensions/code").asString()).isEqualTo("SUBSCRIPTION_LIMIT");
            SocketWrites.Written written = create("Still served");
            Map<String, String> got = new java.util.TreeMap<>();
            for (int i = 0; i < 3; i++) {
                JsonNode next = client.expect("next");
                got.put(next.get("id").asString(), next.at("/payload/data/movieChanged/id").asString());
            }
            assertThat(got).isEqualTo(Map.of("s0", written.eventId(), "s1", written.eventId(), "s2", written.eventId()));
        }
    }

    @Test
    void aRefusedSubscriptionIsAnErrorMessage() {
        try (WebSocketClient client = WebSocketClient.initialised(server.get(), Map.of())) {
            client.subscribe("nope", "subscription { movieChanged { noSuchField } }");
            JsonNode error = client.expect("error");
            assertThat(error.get("id").asString()).isEqualTo("nope");
            assertThat(error.at("/payload/0/extensions/code").asString()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
            client.subscribe("old", EVENTS, Map.of("lastEventId", "not-an-event-id"));
            JsonNode old = client.expect("error");
            assertThat(old.get("id").asString()).isEqualTo("old");
            assertThat(old.at("/payload/0/extensions/code").asString()).isEqualTo("INVALID_ID");
        }
    }
}

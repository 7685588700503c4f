package org.mymoviedb.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.SseClient;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * Alike subscriptions share each event's execution: the selection runs once per event for every subscriber with the
 * same document, variables and viewer, and a viewer in another role gets a result of their own.
 */
class SharedExecutionsTest {

    static final String EVENTS = "subscription { movieChanged { id kind movieId version at } }";
    static final String WHO = "subscription { movieChanged { movieId username } }";

    @Test
    void fiftyAlikeAnonymousSubscribersCostOneExecutionOfTheEvent() {
        int subscribers = 50;
        try (TestServer server = TestServer.start(Map.of("LIVE_POLL_MS", "50"))) {
            String editor = server.signedIn("agnes", Role.EDITOR);
            List<SseClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < subscribers; i++) {
                    SseClient client = SseClient.subscribe(server.uri("/graphql"), EVENTS, Map.of());
                    assertThat(client.status()).isEqualTo(200);
                    clients.add(client);
                }
                long before = server.app().api().liveEventExecutions();
                String movie = LiveWrites.createMovie(server, editor, "Le Bonheur");

                for (SseClient client : clients) {
                    JsonNode event = client.nextEvent().data().get("data").get("movieChanged");
                    assertThat(event.get("movieId").asString()).isEqualTo(movie);
                    assertThat(event.get("kind").asString()).isEqualTo("CREATED");
                }
                assertThat(server.app().api().liveEventExecutions() - before)
                        .as("one execution of the event's selection for all %d subscribers", subscribers)
                        .isEqualTo(1);
            } finally {
                clients.forEach(SseClient::close);
            }
        }
    }

    @Test
    void anEditorAndAnAnonymousSubscriberOfTheSameDocumentGetTheirOwnResults() {
        try (TestServer server = TestServer.start(Map.of("LIVE_POLL_MS", "50"))) {
            String editor = server.signedIn("agnes", Role.EDITOR);
            try (SseClient anonymous = SseClient.subscribe(server.uri("/graphql"), WHO, Map.of());
                 SseClient signedIn = SseClient.subscribe(server.uri("/graphql"), WHO, Map.of(), editor, null)) {
                long before = server.app().api().liveEventExecutions();
                String movie = LiveWrites.createMovie(server, editor, "Sans toit ni loi");

                JsonNode mine = signedIn.nextEvent().data();
                JsonNode theirs = anonymous.nextEvent().data();
                assertThat(mine.get("data").get("movieChanged").get("movieId").asString()).isEqualTo(movie);
                assertThat(mine.get("data").get("movieChanged").get("username").asString()).isEqualTo("agnes");
                assertThat(mine.get("errors")).isNull();
                assertThat(theirs.get("data").get("movieChanged").get("movieId").asString()).isEqualTo(movie);
                assertThat(theirs.get("data").get("movieChanged").get("username").isNull()).isTrue();
                assertThat(theirs.get("errors").get(0).get("extensions").get("code").asString())
                        .isEqualTo("UNAUTHENTICATED");
                assertThat(server.app().api().liveEventExecutions() - before).isEqualTo(2);
            }
        }
    }
}

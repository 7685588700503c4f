package org.mymoviedb.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/**
 * graphql-transport-ws on /graphql over real WebSockets: the handshake, connection_init and its ack, ping and pong,
 * queries and mutations as one {@code next} and {@code complete}, and each close code for a client that breaks
 * the protocol. Plain HTTP on /graphql is untouched.
 */
class WebSocketProtocolTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().withAccount("yavanna", Role.EDITOR)
            .with("WS_CONNECTION_INIT_TIMEOUT_MS", "1500")
            .with("WS_MAX_MESSAGE_BYTES", "4096");

    @Test
    void aQueryIsOneNextAndAComplete() {
        try (WebSocketClient client = WebSocketClient.initialised(server.get(), Map.of())) {
            client.subscribe("q1", "{ genres { name } }");
            JsonNode next = client.expect("next");
            assertThat(next.get("id").asString()).isEqualTo("q1");
            assertThat(next.at("/payload/data/genres").isArray()).isTrue();
            assertThat(client.expect("complete").get("id").asString()).isEqualTo("q1");
        }
    }

    @Test
    void aMutationRunsWithTheTokenOfConnectionInit() {
        String token = server.token("yavanna");
        try (WebSocketClient client = WebSocketClient.initialised(server.get(),
                Map.of("authorization", "Bearer " + token))) {
            client.subscribe("m1", "mutation { createGenre(name: \"Socket noir\") { genre { name } userErrors { code } } }");
            assertThat(client.expect("next").at("/payload/data/createGenre/genre/name").asString())
                    .isEqualTo("Socket noir");
            client.expect("complete");
        }
        JsonNode genres = server.query("{ genres { name } }");
        assertThat(genres.toString()).contains("Socket noir");
    }

    @Test
    void anInvalidDocumentIsAnErrorMessageAndTheConnectionStays() {
        try (WebSocketClient client = WebSocketClient.initialised(server.get(), Map.of())) {
            client.subscribe("bad", "{ noSuchField }");
            JsonNode error = client.expect("error");
            assertThat(error.get("id").asString()).isEqualTo("bad");
            assertThat(error.get("payload").isArray()).isTrue();
            assertThat(error.at("/payload/0/extensions/code").asString()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
            client.subscribe("good", "{ genres { name } }");
            client.expect("next");
            client.expect("complete");
        }
    }

    @Test
    void pingIsAnsweredWithPong() {
        try (WebSocketClient client = WebSocketClient.connect(server.get())) {
            client.send(Map.of("type", "ping")); // allowed before connection_init
            assertThat(client.expect("pong").has("payload")).isFalse();
            client.send(Map.of("type", "ping", "payload", Map.of("n", 7)));
            assertThat(client.expect("pong").at("/payload/n").asInt()).isEqualTo(7);
            client.send(Map.of("type", "pong")); // a one-way heartbeat: no answer, no harm
            client.send(Map.of("type", "connection_init"));
            client.expect("connection_ack");
        }
    }

    @Test
    void noConnectionInitInTimeIs4408() {
        try (WebSocketClient client = WebSocketClient.connect(server.get())) {
            assertThat(client.awaitClose()).isEqualTo(new WebSocketClient.Closed(4408,
                    "Connection initialisation timeout"));
        }
    }

    @Test
    void aSecondConnectionInitIs4429() {
        try (WebSocketClient client = WebSocketClient.initialised(server.get(), Map.of())) {
            client.send(Map.of("type", "connection_init"));
            assertThat(client.awaitClose()).isEqualTo(new WebSocketClient.Closed(4429,
                    "Too many initialisation requests"));
        }
    }

    @Test
    void subscribeBeforeTheAckIs4401() {
        try (WebSocketClient client = WebSocketClient.connect(server.get())) {
            client.subscribe("early", "{ genres { name } }");
            assertThat(client.awaitClose().code()).isEqualTo(4401);
        }
    }

    @Test
    void messagesOutsideTheProtocolAre4400() {
        for (String message : new String[] {"not json", "[1]", "{\"type\": 5}", "{\"type\": \"start\"}",
                "{\"type\": \"next\", \"id\": \"1\"}", "{\"type\": \"subscribe\", \"payload\": {\"query\": \"{ x }\"}}",
                "{\"type\": \"subscribe\", \"id\": \"1\"}", "{\"type\": \"complete\"}",
                "{\"type\": \"subscribe\", \"id\": 1, \"payload\": {\"query\": \"{ x }\"}}",
                "{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": 5}}",
                "{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": \"{ x }\", \"variables\": 3}}",
                "{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": \"{ x }\","
                        + " \"extensions\": {\"lastEventId\": 12}}}",
                "{\"type\": \"connection_init\", \"payload\": \"token\"}"}) {
            try (WebSocketClient client = message.contains("connection_init") ? WebSocketClient.connect(server.get())
                    : WebSocketClient.initialised(server.get(), Map.of())) {
                client.sendText(message);
                WebSocketClient.Closed closed = client.awaitClose();
                assertThat(closed.code()).as(message).isEqualTo(4400);
                assertThat(closed.reason()).as(message).startsWith("Invalid message");
            }
        }
    }

    @Test
    void aMessageLargerThanTheBoundIs1009() {
        try (WebSocketClient client = WebSocketClient.initialised(server.get(), Map.of())) {
            client.subscribe("big", "{ genres { name } } # " + "x".repeat(8_000));
            assertThat(client.awaitClose().code()).isEqualTo(1009);
        }
        try (WebSocketClient client = WebSocketClient.initialised(server.get(), Map.of())) {
            client.subscribe("fits", "{ genres { name } } # " + "x".repeat(3_000));
            client.expect("next");
        }
    }

    @Test
    void aClientThatDoesNotOfferTheSubprotocolIs4406() {
        try (WebSocketClient client = WebSocketClient.connect(server.get())) {
            client.send(Map.of("type", "connection_init"));
            client.expect("connection_ack");
        }
        try (WebSocketClient none = WebSocketClient.connect(server.get(), new String[0])) {
            assertThat(none.awaitClose().code()).isEqualTo(4406);
        }
        try (WebSocketClient legacy = WebSocketClient.connect(server.get(), "graphql-ws")) {
            assertThat(legacy.awaitClose().code()).isEqualTo(4406); // subscriptions-transport-ws is not spoken
        }
    }

    @Test
    void newDocumentsAreParsedOffTheIoThreads() {
        long before = server.app().api().documents().parsesOnIoThreads();
        try (WebSocketClient client = WebSocketClient.initialised(server.get(), Map.of("token", server.token("yavanna")))) {
            for (int i = 0; i < 5; i++) {
                client.subscribe("new" + i, "{ genres { name } a" + i + ": genres { id } }");
                client.expect("next");
                client.expect("complete");
                client.subscribe("sub" + i, "subscription { movieChanged(id: \"" + i + "\") { id b" + i + ": kind } }");
                client.send(Map.of("id", "sub" + i, "type", "complete"));
            }
        }
        assertThat(server.app().api().documents().parsesOnIoThreads()).isEqualTo(before);
    }

    @Test
    void plainHttpOnGraphqlIsAsBefore() {
        assertThat(server.query("{ genres { name } }").at("/data/genres").isArray())
                .isTrue();
        HttpResponse<String> get = server.send(HttpRequest.newBuilder(
                server.uri("/graphql?query=%7Bgenres%7Bname%7D%7D")).GET().build());
        assertThat(get.statusCode()).isEqualTo(200);
    }
}

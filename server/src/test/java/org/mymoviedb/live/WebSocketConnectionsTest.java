package org.mymoviedb.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.testing.FreshServer;
import org.mymoviedb.testing.PrometheusScrape;
import org.mymoviedb.testing.TestServer;

/**
 * What a WebSocket connection may hold of the server: the server's own pings (a peer that answers none is
 * closed), the idle timeout, WS_MAX_CONNECTIONS, and 1001 when the server stops.
 */
class WebSocketConnectionsTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perTest()
            .with("WS_PING_INTERVAL_MS", "150")
            .with("WS_IDLE_TIMEOUT_MS", "2000")
            .with("WS_MAX_CONNECTIONS", "3");

    @Test
    void theServerPingsAndAClientThatAnswersStays() throws InterruptedException {
        try (WebSocketClient client = WebSocketClient.initialised(server.get(), Map.of())) {
            while (client.pingsReceived() < 4) {
                assertThat(client.isClosed()).isFalse();
                Thread.sleep(50);
            }
            client.subscribe("still", "{ genres { name } }");
            client.expect("next");
        }
    }

    @Test
    void aQuietSubscriptionOutlivesTheIdleTimeoutSinceTheServerPingsWithinIt() throws InterruptedException {
        try (TestServer own = TestServer.start(Map.of("IDLE_TIMEOUT_MS", "600"));
             WebSocketClient client = WebSocketClient.initialised(own, Map.of())) {
            client.subscribe("quiet", "subscription { movieChanged { id } }");
            // Pings come every 200 ms (a third of the idle timeout): ten of them span more than three timeouts.
            while (client.pingsReceived() < 10) {
                assertThat(client.isClosed()).as("closed as idle").isFalse();
                Thread.sleep(50);
            }
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void aPeerThatAnswersNoPingIsClosed() {
        try (RawWebSocket peer = new RawWebSocket(server.get(), 64 * 1024)) {
            peer.send(Map.of("type", "connection_init"));
            assertThat(peer.read().text()).contains("connection_ack");
            int pings = 0;
            for (RawWebSocket.Frame frame = peer.read(); frame != null; frame = peer.read()) {
                assertThat(frame.opcode()).isEqualTo(RawWebSocket.PING); // and never answered
                pings++;
            }
            assertThat(pings).isGreaterThanOrEqualTo(1);
        }
        assertThat(PrometheusScrape.of(server.get()).value("mymoviedb_websocket_closes_total", "code", "dead-peer"))
                .isEqualTo(1.0);
    }

    @Test
    void aConnectionWithNoOperationIsClosedWhenIdle() {
        try (WebSocketClient client = WebSocketClient.initialised(server.get(), Map.of())) {
            WebSocketClient.Closed closed = client.awaitClose();
            assertThat(closed.code()).isEqualTo(1000);
            assertThat(closed.reason()).startsWith("Idle");
        }
    }

    @Test
    void connectionsPastWsMaxConnectionsAreRefusedWith503() throws InterruptedException {
        List<WebSocketClient> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(WebSocketClient.initialised(server.get(), Map.of()));
        }
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .buildAsync(WebSocketClient.uri(server.get()), new WebSocket.Listener() { }).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> {
                    var response = ((WebSocketHandshakeException) e).getResponse();
                    assertThat(response.statusCode()).isEqualTo(503);
                    assertThat(String.valueOf(response.body())).contains("TOO_MANY_CONNECTIONS");
                });
        assertThat(PrometheusScrape.of(server.get()).value("mymoviedb_websocket_connections_open")).isEqualTo(3.0);
        open.remove(0).close();
        while (PrometheusScrape.of(server.get()).value("mymoviedb_websocket_connections_open") > 2.0) {
            Thread.sleep(20);
        }
        try (WebSocketClient again = WebSocketClient.initialised(server.get(), Map.of())) {
            again.subscribe("q", "{ genres { name } }");
            again.expect("next");
        } finally {
            open.forEach(WebSocketClient::close);
        }
    }

    @Test
    void stoppingTheServerClosesConnectionsWith1001AndCompletesNoSubscription() {
        TestServer own = TestServer.start();
        String token = own.signedIn("orome", org.mymoviedb.auth.Role.EDITOR);
        SocketWrites.Written start = SocketWrites.createMovie(own, token, "Before the stop");
        try (WebSocketClient idle = WebSocketClient.initialised(own, Map.of());
             WebSocketClient following = WebSocketClient.initialised(own, Map.of())) {
            following.subscribe("feed", "subscription { movieChanged { id } }", Map.of("lastEventId", start.eventId()));
            SocketWrites.Written seen = SocketWrites.createMovie(own, token, "Seen");
            assertThat(following.expect("next").at("/payload/data/movieChanged/id").asString())
                    .isEqualTo(seen.eventId());
            own.close();
            assertThat(idle.awaitClose().code()).isEqualTo(1001);
            // No "complete": graphql-ws would forget the subscription instead of subscribing again after reconnecting.
            assertThat(following.awaitClose().code()).isEqualTo(1001);
            assertThat(following.pending()).isZero();
        }
    }
}

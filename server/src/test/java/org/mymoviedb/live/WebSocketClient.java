package org.mymoviedb.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * A graphql-transport-ws client for tests, on java.net.http's WebSocket: sends messages as maps, hands back each
 * message the server sent, in order, and how the server closed.
 */
public final class WebSocketClient implements AutoCloseable {

    /** How the connection ended: the close code and reason the server sent. */
    record Closed(int code, String reason) {
    }

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final AtomicInteger pings = new AtomicInteger();

    private WebSocketClient(URI uri, String... subprotocols) {
        this(uri, Map.of(), subprotocols);
    }

    private WebSocketClient(URI uri, Map<String, String> headers, String... subprotocols) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        WebSocket.Builder builder = http.newWebSocketBuilder();
        headers.forEach(builder::header);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        this.socket = builder.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    received.add(Json.MAPPER.readTree(text.toString()));
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
                pings.incrementAndGet();
                return WebSocket.Listener.super.onPing(ws, message); // answers with a pong
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(new Closed(statusCode, reason));
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.complete(new Closed(-1, String.valueOf(error)));
            }
        }).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Connects to {@code server}'s /graphql offering graphql-transport-ws. */
    static WebSocketClient connect(TestServer server) {
        return new WebSocketClient(uri(server), "graphql-transport-ws");
    }

    /** Connects offering exactly {@code subprotocols} (none at all when empty). */
    static WebSocketClient connect(TestServer server, String... subprotocols) {
        return new WebSocketClient(uri(server), subprotocols);
    }

    /** Connects, sends connection_init with {@code payload}, and waits for connection_ack. */
    static WebSocketClient initialised(TestServer server, Map<String, Object> payload) {
        return initialised(uri(server), payload);
    }

    /** The same to any ws:// URI: a server in another process, or a proxy in front of servers. */
    public static WebSocketClient initialised(URI uri, Map<String, Object> payload) {
        return initialised(uri, Map.of(), payload);
    }

    /** The same, with {@code headers} on the upgrade request (a proxy's X-Forwarded-For, say). */
    public static WebSocketClient initialised(URI uri, Map<String, String> headers, Map<String, Object> payload) {
        WebSocketClient client = new WebSocketClient(uri, headers, "graphql-transport-ws");
        client.send(Map.of("type", "connection_init", "payload", payload));
        client.expect("connection_ack");
        return client;
    }

    static URI uri(TestServer server) {
        return URI.create(server.uri("/graphql").toString().replaceFirst("^http", "ws"));
    }

    public void send(Map<String, Object> message) {
        sendText(Json.MAPPER.writeValueAsString(message));
    }

    void sendText(String text) {
        socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Sends {@code subscribe} for {@code query} with {@code id}. */
    void subscribe(String id, String query) {
        subscribe(id, query, Map.of());
    }

    public void subscribe(String id, String query, Map<String, Object> extensions) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "extensions", extensions)));
    }

    /** The next message the server sent; fails when none comes. */
    JsonNode next() {
        try {
            JsonNode message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("No message from the server within " + WAIT + (closed.isDone()
                        ? "; it closed: " + closed.join() : ""));
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next message, which must be of {@code type}. */
    public JsonNode expect(String type) {
        JsonNode message = next();
        if (!type.equals(message.path("type").asString())) {
            throw new AssertionError("Expected a '" + type + "' message, got " + message);
        }
        return message;
    }

    /** Messages received and not yet taken. */
    int pending() {
        return received.size();
    }

    int pingsReceived() {
        return pings.get();
    }

    /** How the server closed the connection; fails unless it does. */
    Closed awaitClose() {
        return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        socket.abort();
    }
}

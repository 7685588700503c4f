package org.mymoviedb.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.protocol.version13.Hybi13Handshake;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.config.WebSocketLimits;
import org.mymoviedb.graphql.GraphQLApi;
import org.mymoviedb.graphql.PersistedQueries;
import org.mymoviedb.graphql.ResponseErrors;
import org.mymoviedb.live.LiveLimits;
import org.xnio.Options;

/**
 * GraphQL over WebSocket on /graphql: the graphql-transport-ws protocol (the graphql-ws library's) for clients that
 * ask to upgrade; every other request goes on to the plain GraphQL-over-HTTP handler. Each connection is a
 * {@link GraphQLWebSocketSession}; this class holds what they share: the API, the limits, the count of open
 * connections (at most WS_MAX_CONNECTIONS) and the meters mymoviedb_websocket_*.
 */
public final class GraphQLWebSocket implements HttpHandler {

    /** The one subprotocol spoken; a client that does not offer it is closed with 4406. */
    public static final String SUBPROTOCOL = "graphql-transport-ws";
    /** The socket's send buffer: small, so a client that stops reading is noticed soon. */
    private static final int SEND_BUFFER_BYTES = 64 * 1024;

    private final HttpHandler plain;
    private final HttpHandler handshake;
    private final GraphQLApi api;
    private final PersistedQueries persistedQueries;
    private final ValidationThreads validation;
    private final WebSocketLimits limits;
    private final LiveLimits live;
    private final MeterRegistry metrics;
    private final Set<GraphQLWebSocketSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong queuedBytesPeak = new AtomicLong();
    private final Counter slowConsumers;
    private volatile boolean stopping;

    /** Upgrades requests to {@code plain}'s path; {@code plain} answers the rest, and lends its validation threads. */
    public GraphQLWebSocket(GraphQLHandler plain, GraphQLApi api, WebSocketLimits limits, LiveLimits live,
                            MeterRegistry metrics) {
        this.plain = plain;
        this.api = api;
        this.persistedQueries = plain.persistedQueries();
        this.validation = plain.validation();
        this.limits = limits;
        this.live = live;
        this.metrics = metrics;
        this.handshake = new WebSocketProtocolHandshakeHandler(
                List.of(new Hybi13Handshake(Set.of(SUBPROTOCOL), false)), this::connected, plain);
        Gauge.builder("mymoviedb.websocket.connections.open", open, AtomicInteger::get)
                .description("GraphQL WebSocket connections open now").register(metrics);
        Gauge.builder("mymoviedb.websocket.queued.bytes", queuedBytes, AtomicLong::get)
                .description("Bytes sent to WebSocket connections and not yet written to their sockets")
                .register(metrics);
        Gauge.builder("mymoviedb.websocket.queued.bytes.peak", queuedBytesPeak, AtomicLong::get)
                .description("The most bytes one WebSocket connection held unwritten since the server started")
                .register(metrics);
        this.slowConsumers = Counter.builder("mymoviedb.websocket.slow.consumers")
                .description("WebSocket connections closed with 1013 for not reading fast enough").register(metrics);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String upgrade = exchange.getRequestHeaders().getFirst(Headers.UPGRADE);
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            plain.handleRequest(exchange);
            return;
        }
        if (stopping) {
            exchange.setPersistent(false);
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
            Json.send(exchange, 503, ResponseErrors.requestError(ErrorCode.SHUTTING_DOWN,
                    "The server is stopping and takes no new connections; retry shortly"));
            return;
        }
        if (open.get() >= limits.maxConnections()) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
            Json.send(exchange, 503, ResponseErrors.requestError(ErrorCode.TOO_MANY_CONNECTIONS,
                    "The server holds as many WebSocket connections as it allows (WS_MAX_CONNECTIONS); retry shortly"));
            return;
        }
        handshake.handleRequest(exchange);
    }

    private void connected(WebSocketHttpExchange exchange, WebSocketChannel channel) {
        open.incrementAndGet();
        try {
            // What the kernel holds for a client that does not read, beyond WS_MAX_QUEUED_BYTES: as for SSE.
            channel.setOption(Options.SEND_BUFFER, SEND_BUFFER_BYTES);
        } catch (java.io.IOException e) {
            // the socket is going already; its close task cleans up
        }
        GraphQLWebSocketSession session = new GraphQLWebSocketSession(this, channel, ClientAddress.of(exchange, channel));
        sessions.add(session);
        channel.addCloseTask(closed -> {
            sessions.remove(session);
            open.decrementAndGet();
            session.onIoThread(session::closed);
        });
        channel.getReceiveSetter().set(session);
        channel.resumeReceives();
        if (!SUBPROTOCOL.equals(channel.getSubProtocol())) {
            session.close(WebSocketClose.SUBPROTOCOL_NOT_ACCEPTABLE, "Subprotocol not acceptable: speak "
                    + SUBPROTOCOL);
            return;
        }
        session.start();
    }

    /** Closes every connection with 1001 (going away) and takes no new ones: the server is stopping. */
    public void shutdown() {
        stopping = true;
        for (GraphQLWebSocketSession session : sessions) {
            session.onIoThread(() -> session.close(WebSocketClose.GOING_AWAY, "The server is stopping"));
        }
    }

    GraphQLApi api() {
        return api;
    }

    PersistedQueries persistedQueries() {
        return persistedQueries;
    }

    ValidationThreads validation() {
        return validation;
    }

    WebSocketLimits limits() {
        return limits;
    }

    LiveLimits live() {
        return live;
    }

    /** One connection's unwritten bytes grew (or shrank) by {@code bytes}. */
    void queued(long bytes) {
        queuedBytes.addAndGet(bytes);
    }

    /** Notes a connection's unwritten bytes, for the peak gauge. */
    void peak(long connectionBytes) {
        queuedBytesPeak.accumulateAndGet(connectionBytes, Math::max);
    }

    void countSlowConsumer() {
        slowConsumers.increment();
    }

    /** Counts a connection's end by its close code ("dead-peer" when it was closed without one). */
    void countClose(String code) {
        Counter.builder("mymoviedb.websocket.closes").tag("code", code)
                .description("GraphQL WebSocket connections closed by the server, by close code").register(metrics)
                .increment();
    }
}

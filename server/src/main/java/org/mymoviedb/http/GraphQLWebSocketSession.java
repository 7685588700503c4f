package org.mymoviedb.http;

import graphql.language.OperationDefinition;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.graphql.GraphQLRequest;
import org.mymoviedb.graphql.PersistedQueries;
import org.mymoviedb.graphql.StaleToken;
import org.mymoviedb.live.LiveAnswer;
import org.mymoviedb.live.LiveException;
import org.mymoviedb.live.LiveMessage;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;
import tools.jackson.databind.JsonNode;

/**
 * One graphql-transport-ws connection: where its handshake stands, its operations, and what it has queued for its
 * socket. Everything here runs on the connection's IO thread; what may cost or block (parsing and validating a new
 * document, the database) runs elsewhere and comes back through {@link #onIoThread}. Events are asked of each
 * subscription's stream a few at a time, as earlier ones reach the socket and as LIVE_MAX_EVENTS_PER_SECOND allows,
 * so a client that does not read makes the stream hold them (up to LIVE_MAX_QUEUED_EVENTS), not this connection.
 */
final class GraphQLWebSocketSession extends AbstractReceiveListener {

    private static final Logger log = LoggerFactory.getLogger(GraphQLWebSocketSession.class);
    /** Events of one subscription asked for before the first reached the socket. */
    static final int EVENT_WINDOW = 8;
    /** How long a closing connection waits for the client's close frame before the socket is closed. */
    private static final long CLOSE_GRACE_MILLIS = 1_000;
    /** What connection_init's token is checked with: the API refuses a stale token before running anything. */
    private static final String TOKEN_CHECK = "query TokenCheck { __typename }";

    private enum Phase { AWAITING_INIT, INITIALISING, ACKNOWLEDGED, CLOSING }

    private final GraphQLWebSocket server;
    private final WebSocketChannel channel;
    private final String address;
    private final Map<String, Operation> operations = new HashMap<>();
    /** Operations whose stream may be asked for more events once the rate allows, oldest first. */
    private final ArrayDeque<Operation> waitingForRate = new ArrayDeque<>();
    private Phase phase = Phase.AWAITING_INIT;
    private String token;
    private long queuedBytes;
    private boolean heardSincePing = true;
    private long rateWindowStart = System.nanoTime();
    private int grantedInWindow;
    private XnioExecutor.Key initTimer;
    private XnioExecutor.Key pingTimer;
    private XnioExecutor.Key idleTimer;
    private XnioExecutor.Key rateTimer;

    GraphQLWebSocketSession(GraphQLWebSocket server, WebSocketChannel channel, String address) {
        this.server = server;
        this.channel = channel;
        this.address = address;
    }

    /** Starts the connection's clocks; on its IO thread, right after the upgrade. */
    void start() {
        initTimer = channel.getIoThread().executeAfter(() -> {
            if (phase == Phase.AWAITING_INIT || phase == Phase.INITIALISING) {
                close(WebSocketClose.CONNECTION_INITIALISATION_TIMEOUT, "Connection initialisation timeout");
            }
        }, server.limits().initTimeoutMillis(), TimeUnit.MILLISECONDS);
        schedulePing();
    }

    /** Bytes handed to the socket and not written yet. */
    long queuedBytes() {
        return queuedBytes;
    }

    // ---- what the client sends

    @Override
    protected long getMaxTextBufferSize() {
        return server.limits().maxMessageBytes();
    }

    @Override
    protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
        heardSincePing = true;
        if (phase == Phase.CLOSING) {
            return;
        }
        String text = message.getData();
        if (text.length() > server.limits().maxMessageBytes()) {
            close(WebSocketClose.MESSAGE_TOO_BIG, "Messages may be at most " + server.limits().maxMessageBytes()
                    + " bytes (WS_MAX_MESSAGE_BYTES)");
            return;
        }
        try {
            received(WebSocketMessages.read(text));
        } catch (WebSocketMessages.Invalid invalid) {
            close(WebSocketClose.BAD_REQUEST, invalid.getMessage());
        } catch (RuntimeException e) {
            log.error("Handling a WebSocket message failed", e);
            close(WebSocketClose.INTERNAL_SERVER_ERROR, "Internal server error");
        }
    }

    @Override
    protected void onFullBinaryMessage(WebSocketChannel ch, BufferedBinaryMessage message) {
        heardSincePing = true;
        message.getData().close();
        close(WebSocketClose.BAD_REQUEST, "Invalid message: graphql-transport-ws messages are text");
    }

    @Override
    protected void onFullPongMessage(WebSocketChannel ch, BufferedBinaryMessage message) {
        heardSincePing = true;
        message.getData().close();
    }

    @Override
    protected void onFullPingMessage(WebSocketChannel ch, BufferedBinaryMessage message) throws java.io.IOException {
        heardSincePing = true;
        super.onFullPingMessage(ch, message); // answers with a pong frame
    }

    @Override
    protected void onCloseMessage(CloseMessage message, WebSocketChannel ch) {
        // The client is leaving; Undertow answers its close frame. Nothing more is sent.
        phase = Phase.CLOSING;
        endAll();
    }

    @Override
    protected void onError(WebSocketChannel ch, Throwable error) {
        // A message past WS_MAX_MESSAGE_BYTES lands here after Undertow sent 1009; so do broken sockets.
        server.countClose(channel.isCloseFrameSent() ? "1009" : "error");
        IoUtils.safeClose(ch);
    }

    private void received(WebSocketMessages.Received message) {
        switch (message.type()) {
            case "connection_init" -> initialise(message.payload());
            case "ping" -> send(WebSocketMessages.pong(message.payload()), null);
            case "pong" -> { } // heard: that is all a pong says
            case "subscribe" -> subscribe(message);
            case "complete" -> {
                Operation operation = operations.remove(WebSocketMessages.requireId(message));
                if (operation != null) {
                    end(operation);
                    watchIdleness();
                }
            }
            default -> throw new WebSocketMessages.Invalid("Invalid message type '" + message.type() + "'");
        }
    }

    private void initialise(JsonNode payload) {
        if (phase != Phase.AWAITING_INIT) {
            close(WebSocketClose.TOO_MANY_INITIALISATION_REQUESTS, "Too many initialisation requests");
            return;
        }
        token = tokenOf(payload);
        phase = Phase.INITIALISING;
        if (token == null) {
            acknowledge();
            return;
        }
        GraphQLRequest check = new GraphQLRequest(TOKEN_CHECK, null, Map.of(), Map.of(), token, address);
        offIoThreadWhenNew(check, () -> server.api().execute(check).whenComplete((result, failure) ->
                onIoThread(() -> {
                    if (phase != Phase.INITIALISING) {
                        return;
                    }
                    // A failed look-up (the database away) lets the client in: its operations report their errors.
                    if (failure == null && StaleToken.isRefusal(result)) {
                        close(WebSocketClose.FORBIDDEN, "Forbidden: UNAUTHENTICATED: the token is expired, revoked"
                                + " or unknown; sign in again");
                    } else {
                        acknowledge();
                    }
                })), problem -> close(WebSocketClose.TRY_AGAIN_LATER, problem.code() + ": " + problem.getMessage()));
    }

    /** connection_init's token: {@code authorization: "Bearer <token>"}, or {@code token: "<token>"}. */
    static String tokenOf(JsonNode payload) {
        if (payload == null) {
            return null;
        }
        JsonNode value = payload.has("authorization") ? payload.get("authorization") : payload.get("Authorization");
        boolean bearer = value != null && !value.isNull();
        if (!bearer) {
            value = payload.get("token");
        }
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new WebSocketMessages.Invalid("Invalid message: the token in connection_init must be a string");
        }
        String text = value.asString().trim();
        if (bearer && text.regionMatches(true, 0, "Bearer ", 0, 7)) {
            text = text.substring(7).trim();
        }
        return text.isEmpty() ? null : text;
    }

    private void acknowledge() {
        phase = Phase.ACKNOWLEDGED;
        initTimer.remove();
        send(WebSocketMessages.connectionAck(), null);
        watchIdleness();
    }

    private void subscribe(WebSocketMessages.Received message) {
        String id = WebSocketMessages.requireId(message);
        if (message.payload() == null) {
            throw new WebSocketMessages.Invalid("Invalid message: 'subscribe' needs a 'payload'");
        }
        if (phase != Phase.ACKNOWLEDGED) {
            close(WebSocketClose.UNAUTHORIZED, "Unauthorized: subscribe only after connection_ack");
            return;
        }
        if (operations.containsKey(id)) {
            close(WebSocketClose.SUBSCRIBER_ALREADY_EXISTS, "Subscriber for " + id + " already exists");
            return;
        }
        GraphQLRequest received;
        try {
            received = RequestReader.fromJson(message.payload());
        } catch (HttpProblem problem) {
            throw new WebSocketMessages.Invalid("Invalid message: " + problem.getMessage());
        }
        Object lastEventId = received.extensions().get("lastEventId");
        if (lastEventId != null && !(lastEventId instanceof String)) {
            throw new WebSocketMessages.Invalid("Invalid message: 'extensions.lastEventId' must be a string");
        }
        if (operations.size() >= server.live().maxSubscriptionsPerConnection()) {
            send(WebSocketMessages.error(id, ErrorCode.SUBSCRIPTION_LIMIT, "A connection may run at most "
                    + server.live().maxSubscriptionsPerConnection() + " operations at once"
                    + " (LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION); complete one first"), null);
            return;
        }
        GraphQLRequest request;
        try {
            request = server.persistedQueries().resolve(received).from(token, address);
        } catch (PersistedQueries.Refused refused) {
            send(WebSocketMessages.error(id, refused.code(), refused.getMessage()), null);
            return;
        }
        Operation operation = new Operation(id);
        operations.put(id, operation);
        watchIdleness();
        offIoThreadWhenNew(request, () -> run(operation, request, (String) lastEventId),
                problem -> failed(operation, new ApiException(problem.code(), problem.getMessage())));
    }

    /** Runs {@code work} here when the document is parsed and validated already, else on a validation thread. */
    private void offIoThreadWhenNew(GraphQLRequest request, Runnable work, java.util.function.Consumer<HttpProblem> busy) {
        if (server.api().documents().operation(request.query(), request.operationName()).isPresent()) {
            work.run();
        } else {
            server.validation().run(work,
                    () -> server.api().documents().operation(request.query(), request.operationName()).isEmpty(),
                    problem -> onIoThread(() -> busy.accept(problem)));
        }
    }

    /** Runs an operation: a subscription as a stream, a query or mutation as one {@code next} and {@code complete}. */
    private void run(Operation operation, GraphQLRequest request, String lastEventId) {
        boolean subscription = server.api().documents().operation(request.query(), request.operationName())
                .map(kind -> kind == OperationDefinition.Operation.SUBSCRIPTION)
                .orElseGet(() -> OperationKind.subscribes(request.query(), request.operationName(),
                        server.api().parserOptions()));
        if (subscription) {
            server.api().subscribe(request, lastEventId).whenComplete((answer, failure) ->
                    onIoThread(() -> subscribed(operation, answer, failure)));
        } else {
            server.api().execute(request).whenComplete((result, failure) ->
                    onIoThread(() -> answered(operation, result, failure)));
        }
    }

    private void answered(Operation operation, Map<String, Object> result, Throwable failure) {
        if (failure != null) {
            failed(operation, failure);
            return;
        }
        if (operation.ended) {
            return;
        }
        if (StaleToken.isRefusal(result)) {
            close(WebSocketClose.FORBIDDEN, "Forbidden: UNAUTHENTICATED: the token is expired, revoked or unknown");
            return;
        }
        operations.remove(operation.id);
        operation.ended = true;
        if (result.containsKey("data")) {
            send(WebSocketMessages.next(operation.id, result), null);
            send(WebSocketMessages.complete(operation.id), null);
        } else {
            send(WebSocketMessages.error(operation.id, result), null); // refused before it ran
        }
        watchIdleness();
    }

    private void subscribed(Operation operation, LiveAnswer answer, Throwable failure) {
        if (failure != null) {
            failed(operation, failure);
            return;
        }
        if (answer.refusal() == null) {
            answer.events().subscribe(operation); // cancelled at once if the client completed it meanwhile
            return;
        }
        if (operation.ended) {
            return;
        }
        if (StaleToken.isRefusal(answer.refusal())) {
            close(WebSocketClose.FORBIDDEN, "Forbidden: UNAUTHENTICATED: the token is expired, revoked or unknown");
            return;
        }
        operations.remove(operation.id);
        operation.ended = true;
        send(WebSocketMessages.error(operation.id, answer.refusal()), null);
        watchIdleness();
    }

    /** An operation's stream (or its start) failed: a slow consumer is cut off, any other failure is its error. */
    private void failed(Operation operation, Throwable failure) {
        if (operation.ended || phase == Phase.CLOSING) {
            return;
        }
        if (failure instanceof LiveException live
                && (live.code() == ErrorCode.SLOW_CONSUMER || live.code() == ErrorCode.EVENT_RATE_LIMIT)) {
            // Events held back for the rate limit (now or in the last two windows) filled the stream's queue: say so.
            boolean throttled = operation.owed > 0
                    || System.nanoTime() - operation.lastThrottled < TimeUnit.SECONDS.toNanos(2);
            ErrorCode code = throttled ? ErrorCode.EVENT_RATE_LIMIT : live.code();
            slowConsumer(code, code == ErrorCode.EVENT_RATE_LIMIT ? "more than "
                    + server.live().maxEventsPerSecond() + " events a second" : live.getMessage());
            return;
        }
        operations.remove(operation.id);
        end(operation);
        if (failure instanceof ApiException coded) {
            send(WebSocketMessages.error(operation.id, coded.code(), coded.getMessage()), null);
        } else {
            log.error("A WebSocket operation failed", failure);
            send(WebSocketMessages.error(operation.id, ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error"),
                    null);
        }
        watchIdleness();
    }

    // ---- what the server sends

    /**
     * Sends one message, counting its bytes until the socket took them; {@code written} runs then. A connection
     * that would hold more than WS_MAX_QUEUED_BYTES is a slow consumer.
     */
    private void send(byte[] message, Runnable written) {
        if (phase == Phase.CLOSING) {
            return;
        }
        if (queuedBytes > 0 && queuedBytes + message.length > server.limits().maxQueuedBytes()) {
            slowConsumer(ErrorCode.SLOW_CONSUMER, "more than " + server.limits().maxQueuedBytes()
                    + " bytes waited for the socket");
            return;
        }
        queuedBytes += message.length;
        server.queued(message.length);
        server.peak(queuedBytes);
        // Undertow may report one frame's end more than once (a write failing as the socket closes): count it once.
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        WebSockets.sendText(ByteBuffer.wrap(message), channel, new WebSocketCallback<Void>() {
            @Override
            public void complete(WebSocketChannel ch, Void context) {
                if (done.compareAndSet(false, true)) {
                    onIoThread(() -> {
                        unqueue(message.length);
                        if (written != null) {
                            written.run();
                        }
                    });
                }
            }

            @Override
            public void onError(WebSocketChannel ch, Void context, Throwable throwable) {
                if (done.compareAndSet(false, true)) {
                    onIoThread(() -> unqueue(message.length));
                }
            }
        });
    }

    private void unqueue(int bytes) {
        queuedBytes -= bytes;
        server.queued(-bytes);
    }

    private void slowConsumer(ErrorCode code, String detail) {
        server.countSlowConsumer();
        close(WebSocketClose.TRY_AGAIN_LATER, code + ": " + detail + "; reconnect and resume with lastEventId");
    }

    private void deliver(Operation operation, LiveMessage event) {
        if (operation.ended || phase == Phase.CLOSING) {
            return;
        }
        send(WebSocketMessages.next(operation.id, event), () -> ask(operation, 1));
    }

    /** Asks {@code operation}'s stream for {@code events} more, as LIVE_MAX_EVENTS_PER_SECOND allows. */
    private void ask(Operation operation, int events) {
        if (operation.ended) {
            return;
        }
        if (operation.owed == 0) {
            waitingForRate.add(operation);
        }
        operation.owed += events;
        grant();
    }

    private void grant() {
        long now = System.nanoTime();
        if (now - rateWindowStart >= TimeUnit.SECONDS.toNanos(1)) {
            rateWindowStart = now;
            grantedInWindow = 0;
        }
        int max = server.live().maxEventsPerSecond();
        while (grantedInWindow < max && !waitingForRate.isEmpty()) {
            Operation next = waitingForRate.peek();
            int granted = Math.min(next.owed, max - grantedInWindow);
            next.owed -= granted;
            grantedInWindow += granted;
            if (next.owed == 0) {
                waitingForRate.poll();
            }
            if (!next.ended) {
                next.subscription.request(granted);
            }
        }
        for (Operation waiting : waitingForRate) {
            waiting.lastThrottled = now;
        }
        if (!waitingForRate.isEmpty() && rateTimer == null && phase != Phase.CLOSING) {
            long wait = Math.max(1, rateWindowStart + TimeUnit.SECONDS.toNanos(1) - now);
            rateTimer = channel.getIoThread().executeAfter(() -> {
                rateTimer = null;
                grant();
            }, wait, TimeUnit.NANOSECONDS);
        }
    }

    // ---- clocks and closing

    private void schedulePing() {
        pingTimer = channel.getIoThread().executeAfter(() -> {
            if (phase == Phase.CLOSING) {
                return;
            }
            if (!heardSincePing) {
                // Nothing came back since the last ping, not even its pong: the peer is gone.
                server.countClose("dead-peer");
                phase = Phase.CLOSING;
                endAll();
                IoUtils.safeClose(channel);
                return;
            }
            heardSincePing = false;
            WebSockets.sendPing(ByteBuffer.allocate(0), channel, null);
            schedulePing();
        }, server.limits().pingIntervalMillis(), TimeUnit.MILLISECONDS);
    }

    /** A connection holding no operation is closed after WS_IDLE_TIMEOUT_MS; one that holds some is not. */
    private void watchIdleness() {
        if (phase != Phase.ACKNOWLEDGED) {
            return;
        }
        if (operations.isEmpty() && idleTimer == null) {
            idleTimer = channel.getIoThread().executeAfter(() -> {
                idleTimer = null;
                if (operations.isEmpty()) {
                    close(WebSocketClose.NORMAL, "Idle: no operation for " + server.limits().idleTimeoutMillis()
                            + " ms (WS_IDLE_TIMEOUT_MS)");
                }
            }, server.limits().idleTimeoutMillis(), TimeUnit.MILLISECONDS);
        } else if (!operations.isEmpty() && idleTimer != null) {
            idleTimer.remove();
            idleTimer = null;
        }
    }

    /** Closes with {@code close} and {@code reason}; the socket itself closes when the client answers, or soon. */
    void close(WebSocketClose close, String reason) {
        if (phase == Phase.CLOSING) {
            return;
        }
        phase = Phase.CLOSING;
        endAll();
        server.countClose(String.valueOf(close.code()));
        WebSockets.sendClose(close.code(), WebSocketMessages.reason(reason), channel, null);
        // A client that reads nothing never answers, and its close frame may sit behind what it did not read.
        channel.getIoThread().executeAfter(() -> IoUtils.safeClose(channel), CLOSE_GRACE_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** The socket closed, however: every stream is cancelled and every clock stopped. */
    void closed() {
        phase = Phase.CLOSING;
        endAll();
    }

    private void endAll() {
        for (Operation operation : new ArrayList<>(operations.values())) {
            end(operation);
        }
        operations.clear();
        waitingForRate.clear();
        for (XnioExecutor.Key timer : new XnioExecutor.Key[] {initTimer, pingTimer, idleTimer, rateTimer}) {
            if (timer != null) {
                timer.remove();
            }
        }
    }

    private void end(Operation operation) {
        operation.ended = true;
        if (operation.subscription != null) {
            operation.subscription.cancel();
        }
    }

    /** Runs {@code work} on the connection's IO thread, after what is already queued there. */
    void onIoThread(Runnable work) {
        try {
            channel.getIoThread().execute(work);
        } catch (RejectedExecutionException stopping) {
            // The server is stopping; the connection goes with it.
        }
    }

    /** One operation of the connection; for a subscription also its stream's subscriber. */
    private final class Operation implements Subscriber<LiveMessage> {

        final String id;
        Subscription subscription;
        boolean ended;
        /** Events this subscription may be asked for once the rate allows. */
        int owed;
        /** When the rate limit last held back events of this subscription ({@link System#nanoTime}). */
        long lastThrottled = System.nanoTime() - TimeUnit.HOURS.toNanos(1);

        Operation(String id) {
            this.id = id;
        }

        @Override
        public void onSubscribe(Subscription s) {
            onIoThread(() -> {
                if (ended || subscription != null) {
                    s.cancel();
                    return;
                }
                subscription = s;
                ask(this, EVENT_WINDOW);
            });
        }

        @Override
        public void onNext(LiveMessage event) {
            onIoThread(() -> deliver(this, event));
        }

        @Override
        public void onError(Throwable failure) {
            onIoThread(() -> failed(this, failure));
        }

        @Override
        public void onComplete() {
            // Live streams end only when the server stops. The protocol's "complete" would make a graphql-ws client
            // forget the subscription; closing with 1001 makes it reconnect (elsewhere) and subscribe again.
            onIoThread(() -> {
                if (!ended) {
                    close(WebSocketClose.GOING_AWAY, "The server is stopping");
                }
            });
        }
    }
}

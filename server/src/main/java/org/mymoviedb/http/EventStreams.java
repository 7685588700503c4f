package org.mymoviedb.http;

import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.data.DatabaseHealth;
import org.mymoviedb.graphql.GraphQLApi;
import org.mymoviedb.graphql.GraphQLRequest;
import org.mymoviedb.graphql.PersistedQueries;
import org.mymoviedb.graphql.ResponseErrors;
import org.mymoviedb.graphql.StaleToken;
import org.mymoviedb.live.LiveAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * GraphQL over Server-Sent Events on /graphql (graphql-sse, distinct connections mode): a POST with a JSON body, or
 * a GET with the query parameters, and {@code Accept: text/event-stream}; {@code Last-Event-ID} resumes after that
 * event. Whatever is refused before the stream starts is a JSON answer with a 4xx (or 503) status and a coded
 * error; everything runs off the IO threads as a JSON request does.
 */
final class EventStreams {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
    private static final HttpString LAST_EVENT_ID = new HttpString("Last-Event-ID");

    /** How work for a request gets off the IO thread (GraphQLHandler's validation threads). */
    interface OffIoThread {
        <T> CompletableFuture<T> run(HttpServerExchange exchange, GraphQLRequest request,
                                     java.util.function.Supplier<CompletableFuture<T>> work);
    }

    private final GraphQLApi api;
    private final PersistedQueries persistedQueries;
    private final OffIoThread offIoThread;
    private final long keepAliveMillis;
    private final EventStreamWrites writes;

    /** {@code idleTimeoutMillis}: IDLE_TIMEOUT_MS, which keep-alives must come well within. */
    EventStreams(GraphQLApi api, PersistedQueries persistedQueries, OffIoThread offIoThread, long idleTimeoutMillis,
                 MeterRegistry metrics) {
        this.writes = new EventStreamWrites(metrics);
        this.keepAliveMillis = Math.max(50, Math.min(EventStream.KEEP_ALIVE_MILLIS, idleTimeoutMillis / 3));
        this.api = api;
        this.persistedQueries = persistedQueries;
        this.offIoThread = offIoThread;
    }

    void handle(HttpServerExchange exchange) {
        try {
            if (exchange.getRequestMethod().equals(Methods.GET)) {
                GraphQLRequest request = RequestReader.fromQueryParameters(exchange.getQueryParameters());
                exchange.dispatch(SameThreadExecutor.INSTANCE, () -> subscribe(exchange, request, true));
            } else if (exchange.getRequestMethod().equals(Methods.POST)) {
                GraphQLHandler.requireJsonBody(exchange);
                RequestBody.receive(exchange, ResponseFormat.JSON, (ex, body) -> ex.dispatch(SameThreadExecutor.INSTANCE,
                        () -> {
                            try {
                                JsonNode root = RequestReader.parseBody(body);
                                if (root.isArray()) {
                                    throw new HttpProblem(400, ErrorCode.BAD_REQUEST,
                                            "An event stream runs one operation, not a batch");
                                }
                                subscribe(ex, RequestReader.fromJson(root), false);
                            } catch (HttpProblem problem) {
                                ResponseFormat.JSON.sendProblem(ex, problem);
                            }
                        }));
            } else {
                exchange.getResponseHeaders().put(Headers.ALLOW, "GET, POST");
                throw new HttpProblem(405, ErrorCode.METHOD_NOT_ALLOWED, "/graphql takes GET and POST");
            }
        } catch (HttpProblem problem) {
            ResponseFormat.JSON.sendProblem(exchange, problem);
        }
    }

    private void subscribe(HttpServerExchange exchange, GraphQLRequest received, boolean get) {
        GraphQLRequest request;
        try {
            request = persistedQueries.resolve(received).from(GraphQLHandler.bearerToken(exchange),
                    ClientAddress.text(exchange));
        } catch (PersistedQueries.Refused refused) {
            ResponseFormat.JSON.send(exchange, 400, ResponseErrors.requestError(refused.code(), refused.getMessage()));
            return;
        }
        String lastEventId = exchange.getRequestHeaders().getFirst(LAST_EVENT_ID);
        offIoThread.run(exchange, request, () -> {
            if (get && api.documents().operation(request.query(), request.operationName())
                    .filter(op -> op == OperationDefinition.Operation.MUTATION).isPresent()) {
                exchange.getResponseHeaders().put(Headers.ALLOW, "POST");
                throw new HttpProblem(405, ErrorCode.METHOD_NOT_ALLOWED, "Mutations go over POST; GET only reads");
            }
            return api.subscribe(request, lastEventId);
        }).whenComplete((answer, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof HttpProblem problem) {
                if (problem.code() == ErrorCode.SERVER_BUSY) {
                    exchange.getResponseHeaders().put(Headers.RETRY_AFTER, DatabaseHealth.RETRY_AFTER_SECONDS);
                }
                ResponseFormat.JSON.sendProblem(exchange, problem);
            } else if (cause != null) {
                log.error("Subscribing failed", cause);
                ResponseFormat.JSON.send(exchange, 500, ResponseErrors.requestError(ErrorCode.INTERNAL_SERVER_ERROR,
                        "Internal server error"));
            } else if (answer.refusal() != null) {
                refuse(exchange, answer);
            } else {
                EventStream.send(exchange, answer.events(), keepAliveMillis, writes);
            }
        });
    }

    /** A refusal before the stream: its status says what kind, its body which code. */
    private static void refuse(HttpServerExchange exchange, LiveAnswer answer) {
        Map<String, Object> refusal = answer.refusal();
        int status = 400;
        if (StaleToken.isRefusal(refusal)) {
            status = 401;
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, StaleToken.CHALLENGE);
        } else if (ResponseErrors.hasCode(refusal, ErrorCode.RESUME_TOO_OLD)) {
            status = 410;
        } else if (ResponseErrors.hasCode(refusal, ErrorCode.SUBSCRIPTION_LIMIT)
                || ResponseErrors.hasCode(refusal, ErrorCode.SERVER_BUSY)
                || ResponseErrors.hasCode(refusal, ErrorCode.DATABASE_UNAVAILABLE)) {
            status = 503;
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, DatabaseHealth.RETRY_AFTER_SECONDS);
        } else if (ResponseErrors.hasCode(refusal, ErrorCode.INTERNAL_SERVER_ERROR)) {
            status = 500;
        }
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "private, no-store");
        ResponseFormat.JSON.send(exchange, status, refusal);
    }
}

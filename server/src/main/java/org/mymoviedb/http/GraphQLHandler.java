package org.mymoviedb.http;

import graphql.language.OperationDefinition;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.cache.ResultCache;
import org.mymoviedb.config.HttpApi;
import org.mymoviedb.config.HttpLimits;
import org.mymoviedb.graphql.GraphQLApi;
import org.mymoviedb.graphql.GraphQLRequest;
import org.mymoviedb.graphql.IncrementalAnswer;
import org.mymoviedb.graphql.PersistedQueries;
import org.mymoviedb.graphql.ResponseErrors;
import org.mymoviedb.graphql.StaleToken;
import org.mymoviedb.graphql.fetching.RetryAfter;
import org.mymoviedb.data.DatabaseHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * POST and GET /graphql, after the GraphQL-over-HTTP spec, plus batches (a JSON array of operations), HTTP caching
 * of anonymous GETs and @defer in parts for clients that accept multipart/mixed. Runs on Undertow's IO threads: it
 * reads the body without blocking, hands each operation to GraphQL (on a validation thread when its document is
 * new), whose database work runs on the database executor, and writes the response when that completes.
 */
public final class GraphQLHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(GraphQLHandler.class);
    /** The kind of operation a request ran, for its latency timer; absent when none ran. */
    private static final AttachmentKey<OperationDefinition.Operation> OPERATION = AttachmentKey.create(
            OperationDefinition.Operation.class);

    private final GraphQLApi api;
    private final PersistedQueries persistedQueries;
    private final ResultCache cache;
    private final DatabaseHealth health;
    private final LongAdder requests = new LongAdder();
    private final RequestTimers timers;
    private final ValidationThreads validation;
    private final int maxBatchSize;
    private final String sharedCacheControl;
    private final EventStreams streams;

    /** On a database that is always there: for handlers tested without one. */
    public GraphQLHandler(GraphQLApi api, PersistedQueries persistedQueries, ResultCache cache,
                          HttpLimits limits, MeterRegistry metrics) {
        this(api, persistedQueries, cache, DatabaseHealth.alwaysUp(), limits, HttpApi.defaults(), metrics);
    }

    /**
     * {@code cache} may be null: every request is then executed. While {@code health} says the database is down,
     * requests the cache cannot answer are refused at once. Documents not yet validated are parsed and validated
     * on threads of their own, as {@code limits} bounds them; {@code http} bounds batches and says how long shared
     * answers may be kept. Publishes request counts and latency.
     */
    public GraphQLHandler(GraphQLApi api, PersistedQueries persistedQueries, ResultCache cache,
                          DatabaseHealth health, HttpLimits limits, HttpApi http, MeterRegistry metrics) {
        this.maxBatchSize = http.maxBatchSize();
        this.sharedCacheControl = "public, max-age=" + http.cacheMaxAgeSeconds();
        this.api = api;
        this.health = health;
        this.persistedQueries = persistedQueries;
        this.cache = cache;
        this.timers = new RequestTimers(metrics);
        this.validation = new ValidationThreads(limits.validationThreads(), limits.validationQueue(),
                limits.validationWaitMillis(), metrics);
        this.streams = new EventStreams(api, persistedQueries, this::offIoThread, limits.idleTimeoutMillis(),
                metrics);
        FunctionCounter.builder("mymoviedb.graphql.requests", requests, LongAdder::sum)
                .description("GraphQL requests answered or being answered").register(metrics);
    }

    /** The persisted queries requests are resolved against; the WebSocket transport resolves its own there too. */
    PersistedQueries persistedQueries() {
        return persistedQueries;
    }

    /** The threads new documents are validated on; shared with the WebSocket transport. */
    ValidationThreads validation() {
        return validation;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        requests.increment();
        long arrived = System.nanoTime();
        exchange.addExchangeCompleteListener((ex, next) -> {
            timers.record(ex.getAttachment(OPERATION), ex.getStatusCode(), System.nanoTime() - arrived);
            next.proceed();
        });
        if (EventStream.wanted(exchange.getRequestHeaders().getFirst(Headers.ACCEPT))) {
            streams.handle(exchange);
            return;
        }
        ResponseFormat format;
        try {
            format = ResponseFormat.negotiate(exchange.getRequestHeaders().getFirst(Headers.ACCEPT));
        } catch (HttpProblem problem) {
            ResponseFormat.sendProblemAsJson(exchange, problem);
            return;
        }
        boolean incremental = IncrementalDelivery.accepted(exchange.getRequestHeaders().getFirst(Headers.ACCEPT));
        try {
            if (exchange.getRequestMethod().equals(Methods.GET)) {
                GraphQLRequest request = RequestReader.fromQueryParameters(exchange.getQueryParameters());
                exchange.dispatch(SameThreadExecutor.INSTANCE,
                        () -> whenAnswered(exchange, format, answer(exchange, format, request, true, incremental), true));
            } else if (exchange.getRequestMethod().equals(Methods.POST)) {
                requireJsonBody(exchange);
                RequestBody.receive(exchange, format,
                        (ex, body) -> ex.dispatch(SameThreadExecutor.INSTANCE, () -> {
                            try {
                                JsonNode root = RequestReader.parseBody(body);
                                if (root.isArray()) {
                                    answerBatch(ex, format, root);
                                } else {
                                    whenAnswered(ex, format,
                                            answer(ex, format, RequestReader.fromJson(root), false, incremental),
                                            false);
                                }
                            } catch (HttpProblem problem) {
                                send(ex, format, Answer.problem(problem), false);
                            }
                        }));
            } else {
                exchange.getResponseHeaders().put(Headers.ALLOW, "GET, POST");
                throw new HttpProblem(405, ErrorCode.METHOD_NOT_ALLOWED, "/graphql takes GET (queries) and POST");
            }
        } catch (HttpProblem problem) {
            format.sendProblem(exchange, problem);
        }
    }

    static void requireJsonBody(HttpServerExchange exchange) {
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        // split(";", -1): "Content-Type: ;" gives one empty media type, not an empty array.
        String mediaType = contentType == null ? "" : contentType.split(";", -1)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new HttpProblem(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "POST /graphql takes Content-Type: application/json");
        }
    }

    /**
     * A batch (Apollo's BatchHttpLink): each operation answered as if it came alone, from the same Authorization,
     * in the order sent; one array of their bodies, 200 in both media types, since one status cannot speak for all
     * of them and each body carries its own errors.
     */
    private void answerBatch(HttpServerExchange exchange, ResponseFormat format, JsonNode operations) {
        if (operations.isEmpty()) {
            throw new HttpProblem(400, ErrorCode.BAD_REQUEST, "A batch must hold at least one operation");
        }
        if (operations.size() > maxBatchSize) {
            throw new HttpProblem(400, ErrorCode.MAX_BATCH_SIZE_EXCEEDED, "A batch may hold at most " + maxBatchSize
                    + " operations, not " + operations.size() + "; see MAX_BATCH_SIZE");
        }
        List<CompletableFuture<Answer>> answers = new ArrayList<>(operations.size());
        for (JsonNode operation : operations) {
            try {
                // Each operation of a batch answers in one piece: its place in the array is one JSON value.
                answers.add(answer(exchange, format, RequestReader.fromJson(operation), false, false));
            } catch (HttpProblem problem) {
                answers.add(CompletableFuture.completedFuture(Answer.problem(problem)));
            }
        }
        whenAnswered(exchange, format, CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(all -> {
            ByteArrayOutputStream array = new ByteArrayOutputStream();
            Long retryAfter = null;
            array.write('[');
            for (int i = 0; i < answers.size(); i++) {
                Answer answer = answers.get(i).join();
                if (i > 0) {
                    array.write(',');
                }
                array.writeBytes(answer.body());
                if (answer.retryAfter() != null) {
                    retryAfter = Math.max(answer.retryAfter(), retryAfter == null ? 0 : retryAfter);
                }
            }
            array.write(']');
            return new Answer(200, array.toByteArray(), retryAfter, null, null, false);
        }), false);
    }

    /** Sends the answer once there is one; a failure on the way is a coded 500, never a hung exchange. */
    private void whenAnswered(HttpServerExchange exchange, ResponseFormat format, CompletableFuture<Answer> answer,
                              boolean get) {
        answer.whenComplete((done, failure) -> {
            if (failure != null) {
                log.error("Answering a GraphQL request failed", failure);
                send(exchange, format, Answer.of(500, ResponseErrors.requestError(ErrorCode.INTERNAL_SERVER_ERROR,
                        "Internal server error")), false);
            } else {
                send(exchange, format, done, get);
            }
        });
    }

    /**
     * Sends an answer with its HTTP caching: an anonymous read without errors over GET gets an ETag (a 304 when the
     * client holds it already) and may be kept by anyone for HTTP_CACHE_MAX_AGE_SECONDS; everything else, signed-in
     * answers, POSTs and errors, is {@code private, no-store}.
     */
    private void send(HttpServerExchange exchange, ResponseFormat format, Answer answer, boolean get) {
        if (answer.operation() != null) {
            exchange.putAttachment(OPERATION, answer.operation());
        }
        var headers = exchange.getResponseHeaders();
        if (answer.retryAfter() != null) {
            headers.put(Headers.RETRY_AFTER, answer.retryAfter());
        }
        if (answer.allow() != null) {
            headers.put(Headers.ALLOW, answer.allow());
        }
        if (answer.status() == 401) {
            headers.put(Headers.WWW_AUTHENTICATE, StaleToken.CHALLENGE);
        }
        headers.add(Headers.VARY, "Accept, Accept-Encoding, Authorization");
        if (get && answer.shareable() && answer.status() == 200) {
            String tag = EntityTags.of(answer.body());
            if (Compression.willGzip(exchange, answer.body().length)) {
                tag = EntityTags.gzipped(tag);
            }
            headers.put(Headers.CACHE_CONTROL, sharedCacheControl).put(Headers.ETAG, tag);
            if (EntityTags.matches(exchange, tag)) {
                exchange.setStatusCode(304);
                exchange.endExchange();
                return;
            }
        } else {
            headers.put(Headers.CACHE_CONTROL, "private, no-store");
        }
        if (answer.later() != null) {
            IncrementalDelivery.send(exchange, answer.body(), answer.later());
            return;
        }
        format.sendBytes(exchange, answer.status(), answer.body());
    }

    /** Answers one operation (resolving a persisted query first) without writing to the exchange. */
    private CompletableFuture<Answer> answer(HttpServerExchange exchange, ResponseFormat format,
                                             GraphQLRequest received, boolean get, boolean incremental) {
        GraphQLRequest request;
        try {
            request = persistedQueries.resolve(received)
                    .from(bearerToken(exchange), ClientAddress.text(exchange));
        } catch (PersistedQueries.Refused refused) {
            // Apollo's clients expect PersistedQueryNotFound as a GraphQL error: 200 in the legacy media type.
            boolean graphqlError = refused.code() != ErrorCode.BAD_REQUEST && format == ResponseFormat.JSON;
            return CompletableFuture.completedFuture(Answer.of(graphqlError ? 200 : 400,
                    ResponseErrors.requestError(refused.code(), refused.getMessage())));
        }
        return run(exchange, format, request, get, incremental);
    }

    /**
     * Runs a resolved request. A document already parsed and validated runs here, on the IO thread; any other is
     * parsed and validated on a validation thread, so a costly new document never stalls the IO thread's other
     * connections.
     */
    private CompletableFuture<Answer> run(HttpServerExchange exchange, ResponseFormat format, GraphQLRequest request,
                                          boolean get, boolean incremental) {
        if (exchange.isInIoThread() && !validated(request)) {
            CompletableFuture<Answer> later = new CompletableFuture<>();
            validation.run(() -> run(exchange, format, request, get, incremental).whenComplete((answer, failure) -> {
                if (failure != null) {
                    later.completeExceptionally(failure);
                } else {
                    later.complete(answer);
                }
            }), () -> !validated(request), problem -> later.complete(Answer.problem(problem)));
            return later;
        }
        if (api.documents().operation(request.query(), request.operationName())
                .filter(op -> op == OperationDefinition.Operation.SUBSCRIPTION).isPresent()) {
            return CompletableFuture.completedFuture(Answer.problem(needsStream()));
        }
        if (get && writes(request)) {
            return CompletableFuture.completedFuture(Answer.problem(new HttpProblem(405, ErrorCode.METHOD_NOT_ALLOWED,
                    "Mutations go over POST; GET only reads")).withAllow("POST"));
        }
        boolean anonymous = request.bearerToken() == null;
        // Answers depend on who asks once a token is involved: only anonymous requests share cached answers. One
        // that may come in parts is never cached: the cache holds whole answers.
        ResultCache.Key key = cache == null || !anonymous || incremental ? null : new ResultCache.Key(
                request.query(), request.operationName(), request.variables(), format.name());
        if (key != null) {
            ResultCache.Answer cached = cache.get(key);
            if (cached != null) {
                return CompletableFuture.completedFuture(new Answer(cached.status(), cached.body(), null, null,
                        OperationDefinition.Operation.QUERY, true));
            }
        }
        if (!health.isUp()) {
            // Refused before anything runs, as a rate limit would be: 503 in both media types (GraphQL-over-HTTP).
            return CompletableFuture.completedFuture(Answer.problem(new HttpProblem(503,
                    ErrorCode.DATABASE_UNAVAILABLE, "The database is unavailable; retry in a moment"))
                    .withRetryAfter(DatabaseHealth.RETRY_AFTER_SECONDS));
        }
        long version = key == null ? 0 : cache.versionNow();
        CompletableFuture<IncrementalAnswer> execution = incremental ? api.executeIncrementally(request)
                : api.execute(request).thenApply(result -> new IncrementalAnswer(result, null));
        return execution.handle((done, failure) -> {
            if (failure != null) {
                log.error("GraphQL execution failed", failure);
                return Answer.of(500, ResponseErrors.requestError(ErrorCode.INTERNAL_SERVER_ERROR,
                        "Internal server error"));
            }
            Map<String, Object> result = done.initial();
            // Parsed by now (unless the document is invalid), so this is a look-up, not a parse.
            OperationDefinition.Operation operation = api.documents()
                    .operation(request.query(), request.operationName()).orElse(null);
            if (operation == OperationDefinition.Operation.SUBSCRIPTION) {
                return Answer.problem(needsStream());
            }
            int status = format.statusOf(result);
            byte[] body = Json.MAPPER.writeValueAsBytes(result);
            boolean cacheable = done.later() == null && cacheable(operation, result);
            if (key != null && cacheable) {
                cache.put(key, new ResultCache.Answer(version, api.dependencies(request), status, body));
            }
            Long retryAfter = RetryAfter.of(result).isPresent() ? RetryAfter.of(result).getAsLong() : null;
            return new Answer(status, body, retryAfter, null, operation, anonymous && cacheable, done.later());
        });
    }

    /**
     * {@code work} for {@code request}, on a validation thread when the document is new and this is an IO thread
     * (as {@link #run} does); a refusal to take it there fails the future with the {@link HttpProblem}.
     */
    private <T> CompletableFuture<T> offIoThread(HttpServerExchange exchange, GraphQLRequest request,
                                                 java.util.function.Supplier<CompletableFuture<T>> work) {
        if (!exchange.isInIoThread() || validated(request)) {
            return work.get();
        }
        CompletableFuture<T> later = new CompletableFuture<>();
        validation.run(() -> work.get().whenComplete((done, failure) -> {
            if (failure != null) {
                later.completeExceptionally(failure);
            } else {
                later.complete(done);
            }
        }), () -> !validated(request), later::completeExceptionally);
        return later;
    }

    /** A subscription asked for as one JSON answer. */
    private static HttpProblem needsStream() {
        return new HttpProblem(400, ErrorCode.SUBSCRIPTION_NEEDS_STREAM, "A subscription needs a stream: send it with"
                + " Accept: text/event-stream (GraphQL over SSE) or over a graphql-transport-ws WebSocket");
    }

    /** Whether the request's document is in the document cache, parsed and validated. */
    private boolean validated(GraphQLRequest request) {
        return api.documents().operation(request.query(), request.operationName()).isPresent();
    }

    /** Whether a GET would write: from the cached parse when there is one, else by parsing the document. */
    private boolean writes(GraphQLRequest request) {
        return api.documents().operation(request.query(), request.operationName())
                .map(op -> op != OperationDefinition.Operation.QUERY)
                .orElseGet(() -> OperationKind.writes(request.query(), request.operationName(), api.parserOptions()));
    }

    /** A read that went through without errors (errors may be passing: a timeout, a full queue). */
    private static boolean cacheable(OperationDefinition.Operation operation, Map<String, Object> result) {
        return operation == OperationDefinition.Operation.QUERY && !result.containsKey("errors")
                && result.containsKey("data");
    }

    /** The token of {@code Authorization: Bearer <token>}, or null. */
    static String bearerToken(HttpServerExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}

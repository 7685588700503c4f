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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.cache.ResultCache;
import org.mymoviedb.config.HttpLimits;
import org.mymoviedb.graphql.GraphQLApi;
import org.mymoviedb.graphql.GraphQLRequest;
import org.mymoviedb.graphql.PersistedQueries;
import org.mymoviedb.graphql.ResponseErrors;
import org.mymoviedb.graphql.StaleToken;
import org.mymoviedb.graphql.fetching.RetryAfter;
import org.mymoviedb.data.DatabaseHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST and GET /graphql, after the GraphQL-over-HTTP spec. Runs on Undertow's IO threads: it reads the body without
 * blocking, hands the request to GraphQL (on a validation thread when its document is new), whose database work
 * runs on the database executor, and writes the response when that completes.
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

    /** On a database that is always there: for handlers tested without one. */
    public GraphQLHandler(GraphQLApi api, PersistedQueries persistedQueries, ResultCache cache,
                          HttpLimits limits, MeterRegistry metrics) {
        this(api, persistedQueries, cache, DatabaseHealth.alwaysUp(), limits, metrics);
    }

    /**
     * {@code cache} may be null: every request is then executed. While {@code health} says the database is down,
     * requests the cache cannot answer are refused at once. Documents not yet validated are parsed and validated
     * on threads of their own, as {@code limits} bounds them. Publishes request counts and latency.
     */
    public GraphQLHandler(GraphQLApi api, PersistedQueries persistedQueries, ResultCache cache,
                          DatabaseHealth health, HttpLimits limits, MeterRegistry metrics) {
        this.api = api;
        this.health = health;
        this.persistedQueries = persistedQueries;
        this.cache = cache;
        this.timers = new RequestTimers(metrics);
        this.validation = new ValidationThreads(limits.validationThreads(), limits.validationQueue(),
                limits.validationWaitMillis(), metrics);
        FunctionCounter.builder("mymoviedb.graphql.requests", requests, LongAdder::sum)
                .description("GraphQL requests answered or being answered").register(metrics);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        requests.increment();
        long arrived = System.nanoTime();
        exchange.addExchangeCompleteListener((ex, next) -> {
            timers.record(ex.getAttachment(OPERATION), ex.getStatusCode(), System.nanoTime() - arrived);
            next.proceed();
        });
        ResponseFormat format;
        try {
            format = ResponseFormat.negotiate(exchange.getRequestHeaders().getFirst(Headers.ACCEPT));
        } catch (HttpProblem problem) {
            ResponseFormat.sendProblemAsJson(exchange, problem);
            return;
        }
        try {
            if (exchange.getRequestMethod().equals(Methods.GET)) {
                GraphQLRequest request = RequestReader.fromQueryParameters(exchange.getQueryParameters());
                exchange.dispatch(SameThreadExecutor.INSTANCE, () -> execute(exchange, format, request, true));
            } else if (exchange.getRequestMethod().equals(Methods.POST)) {
                requireJsonBody(exchange);
                RequestBody.receive(exchange, format,
                        (ex, body) -> ex.dispatch(SameThreadExecutor.INSTANCE, () -> {
                            try {
                                execute(ex, format, RequestReader.fromJsonBody(body), false);
                            } catch (HttpProblem problem) {
                                format.sendProblem(ex, problem);
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

    private static void requireJsonBody(HttpServerExchange exchange) {
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        // split(";", -1): "Content-Type: ;" gives one empty media type, not an empty array.
        String mediaType = contentType == null ? "" : contentType.split(";", -1)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new HttpProblem(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "POST /graphql takes Content-Type: application/json");
        }
    }

    private void execute(HttpServerExchange exchange, ResponseFormat format, GraphQLRequest received, boolean get) {
        GraphQLRequest request;
        try {
            request = persistedQueries.resolve(received)
                    .from(bearerToken(exchange), exchange.getSourceAddress().getAddress().getHostAddress());
        } catch (PersistedQueries.Refused refused) {
            // Apollo's clients expect PersistedQueryNotFound as a GraphQL error: 200 in the legacy media type.
            boolean graphqlError = refused.code() != ErrorCode.BAD_REQUEST && format == ResponseFormat.JSON;
            format.send(exchange, graphqlError ? 200 : 400,
                    ResponseErrors.requestError(refused.code(), refused.getMessage()));
            return;
        }
        run(exchange, format, request, get);
    }

    /**
     * Runs a resolved request. A document already parsed and validated runs here, on the IO thread; any other is
     * parsed and validated on a validation thread, so a costly new document never stalls the IO thread's other
     * connections.
     */
    private void run(HttpServerExchange exchange, ResponseFormat format, GraphQLRequest request, boolean get) {
        if (exchange.isInIoThread() && !validated(request)) {
            validation.run(() -> run(exchange, format, request, get), () -> !validated(request),
                    problem -> format.sendProblem(exchange, problem));
            return;
        }
        if (get && writes(request)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "POST");
            format.sendProblem(exchange, new HttpProblem(405, ErrorCode.METHOD_NOT_ALLOWED,
                    "Mutations go over POST; GET only reads"));
            return;
        }
        // Answers depend on who asks once a token is involved: only anonymous requests share cached answers.
        ResultCache.Key key = cache == null || request.bearerToken() != null ? null : new ResultCache.Key(
                request.query(), request.operationName(), request.variables(), format.name());
        if (key != null) {
            ResultCache.Answer cached = cache.get(key);
            if (cached != null) {
                exchange.putAttachment(OPERATION, OperationDefinition.Operation.QUERY);
                format.sendBytes(exchange, cached.status(), cached.body());
                return;
            }
        }
        if (!health.isUp()) {
            // Refused before anything runs, as a rate limit would be: 503 in both media types (GraphQL-over-HTTP).
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, DatabaseHealth.RETRY_AFTER_SECONDS);
            format.sendProblem(exchange, new HttpProblem(503, ErrorCode.DATABASE_UNAVAILABLE,
                    "The database is unavailable; retry in a moment"));
            return;
        }
        long version = key == null ? 0 : cache.versionNow();
        api.execute(request).whenComplete((result, failure) -> {
            if (failure != null) {
                log.error("GraphQL execution failed", failure);
                format.send(exchange, 500, ResponseErrors.requestError(ErrorCode.INTERNAL_SERVER_ERROR,
                        "Internal server error"));
                return;
            }
            // Parsed by now (unless the document is invalid), so this is a look-up, not a parse.
            OperationDefinition.Operation operation = api.documents()
                    .operation(request.query(), request.operationName()).orElse(null);
            if (operation != null) {
                exchange.putAttachment(OPERATION, operation);
            }
            int status = format.statusOf(result);
            if (status == 401) {
                exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, StaleToken.CHALLENGE);
            }
            RetryAfter.of(result).ifPresent(seconds -> exchange.getResponseHeaders().put(Headers.RETRY_AFTER, seconds));
            byte[] body = Json.MAPPER.writeValueAsBytes(result);
            if (key != null && cacheable(operation, result)) {
                cache.put(key, new ResultCache.Answer(version, api.dependencies(request), status, body));
            }
            format.sendBytes(exchange, status, body);
        });
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
    private static String bearerToken(HttpServerExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}

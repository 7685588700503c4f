package org.mymoviedb.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.data.DatabaseHealth;
import org.mymoviedb.data.DatabaseOutage;
import org.mymoviedb.graphql.fetching.RetryAfter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a fetcher's failure into an error with a stable code; unexpected failures are logged, never shown. */
public final class ApiErrorHandler implements DataFetcherExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);
    /** SQLSTATEs of text PostgreSQL will not take: untranslatable character, invalid byte sequence. */
    private static final java.util.Set<String> UNSTORABLE = java.util.Set.of("22P05", "22021");

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters params) {
        Throwable failure = unwrap(params.getException());
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError()
                .path(params.getPath())
                .location(params.getSourceLocation());
        if (failure instanceof ApiException api && api.code() == ErrorCode.DATABASE_UNAVAILABLE
                || DatabaseOutage.isOutage(failure)) {
            RetryAfter.ask(params.getDataFetchingEnvironment().getGraphQlContext(), DatabaseHealth.RETRY_AFTER_SECONDS);
            error.message("The database is unavailable; retry in a moment").extensions(Map.of(
                    "code", ErrorCode.DATABASE_UNAVAILABLE.name(), RetryAfter.KEY, DatabaseHealth.RETRY_AFTER_SECONDS));
        } else if (failure instanceof ApiException api) {
            error.message(api.getMessage()).extensions(Map.of("code", api.code().name()));
        } else if (failure instanceof org.jooq.exception.DataAccessException db && "57014".equals(db.sqlState())) {
            error.message("The database took too long and the query was cancelled; narrow it down and retry")
                    .extensions(Map.of("code", ErrorCode.STATEMENT_TIMEOUT.name()));
        } else if (failure instanceof org.jooq.exception.DataAccessException db && UNSTORABLE.contains(db.sqlState())) {
            // StorableInput refuses such text up front; this is the net under it, for a path that slipped past.
            error.message("The database cannot store this text (" + db.sqlState() + "); send it without NUL "
                    + "characters or unpaired surrogates").extensions(Map.of("code", ErrorCode.BAD_USER_INPUT.name()));
        } else {
            log.error("Unexpected failure in {}", params.getPath(), failure);
            error.message("Internal server error").extensions(Map.of("code", ErrorCode.INTERNAL_SERVER_ERROR.name()));
        }
        GraphQLError built = error.build();
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(built).build());
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}

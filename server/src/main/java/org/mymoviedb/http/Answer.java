package org.mymoviedb.http;

import graphql.language.OperationDefinition;
import java.util.Map;
import org.mymoviedb.graphql.ResponseErrors;
import org.reactivestreams.Publisher;

/**
 * One operation's answer before it is sent, so that a single request and each operation of a batch are answered
 * by the same code.
 *
 * @param status     the HTTP status it would have alone
 * @param body       its JSON
 * @param retryAfter seconds to wait before retrying (Retry-After), or null
 * @param allow      the methods to name in Allow for a 405, or null
 * @param operation  the kind of operation that ran, or null
 * @param shareable  whether any client may be given it: an anonymous read without errors
 * @param later      the deferred parts that follow {@code body}, or null for an answer in one piece
 */
record Answer(int status, byte[] body, Long retryAfter, String allow, OperationDefinition.Operation operation,
              boolean shareable, Publisher<Map<String, Object>> later) {

    Answer(int status, byte[] body, Long retryAfter, String allow, OperationDefinition.Operation operation,
           boolean shareable) {
        this(status, body, retryAfter, allow, operation, shareable, null);
    }

    static Answer of(int status, Object json) {
        return new Answer(status, Json.MAPPER.writeValueAsBytes(json), null, null, null, false);
    }

    static Answer problem(HttpProblem problem) {
        return of(problem.status(), ResponseErrors.requestError(problem.code(), problem.getMessage()));
    }

    Answer withRetryAfter(long seconds) {
        return new Answer(status, body, seconds, allow, operation, shareable, later);
    }

    Answer withAllow(String methods) {
        return new Answer(status, body, retryAfter, methods, operation, shareable, later);
    }
}

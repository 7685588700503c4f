package org.mymoviedb.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.graphql.ResponseErrors;
import org.mymoviedb.graphql.StaleToken;

/**
 * The two response media types of the GraphQL-over-HTTP spec, chosen from the Accept header:
 * {@code application/graphql-response+json} (a document that fails to parse or validate is 400) and the legacy
 * {@code application/json} (every well-formed GraphQL request is 200). A missing Accept means the legacy type.
 */
enum ResponseFormat {
    GRAPHQL_RESPONSE_JSON("application/graphql-response+json; charset=utf-8"),
    JSON("application/json; charset=utf-8");

    private final String contentType;

    ResponseFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The format the client prefers; NOT_ACCEPTABLE (406) when it accepts neither. */
    static ResponseFormat negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        ResponseFormat best = null;
        double bestQ = 0;
        boolean anyRange = false;
        for (String range : accept.split(",")) {
            String[] parts = range.trim().split(";", -1);
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                continue; // ";" or ", ,": no media range at all, as if the client had not said
            }
            anyRange = true;
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            ResponseFormat format = switch (type) {
                case "application/graphql-response+json" -> GRAPHQL_RESPONSE_JSON;
                case "application/json", "application/*", "*/*" -> JSON;
                default -> null;
            };
            // On a tie the precise graphql-response type wins, as the spec recommends.
            if (format != null && (q > bestQ || (q == bestQ && format == GRAPHQL_RESPONSE_JSON && q > 0))) {
                best = format;
                bestQ = q;
            }
        }
        if (!anyRange) {
            return JSON;
        }
        if (best == null) {
            throw new HttpProblem(406, ErrorCode.NOT_ACCEPTABLE,
                    "Accept application/graphql-response+json or application/json");
        }
        return best;
    }

    /**
     * The status for a GraphQL result: 200, except in the graphql-response type 400 for a refused document and 503
     * when the database went away and nothing could be answered; 401 in both for a stale token.
     */
    int statusOf(Map<String, Object> result) {
        if (StaleToken.isRefusal(result)) {
            // Denied before execution, as the spec allows in both media types: the client must sign in again.
            return 401;
        }
        if (this == JSON || (result.get("data") != null)) {
            return 200;
        }
        // No data: a request error, or an error that nulled everything; the database going away mid-request is 503.
        return ResponseErrors.hasCode(result, ErrorCode.DATABASE_UNAVAILABLE) ? 503
                : result.containsKey("data") ? 200 : 400;
    }

    String contentType() {
        return contentType;
    }

    void send(HttpServerExchange exchange, int status, Object body) {
        sendBytes(exchange, status, Json.MAPPER.writeValueAsBytes(body));
    }

    /** Sends an already written JSON body; safe to call from any thread. */
    void sendBytes(HttpServerExchange exchange, int status, byte[] bytes) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    }

    void sendProblem(HttpServerExchange exchange, HttpProblem problem) {
        send(exchange, problem.status(), ResponseErrors.requestError(problem.code(), problem.getMessage()));
    }

    /** For problems found before the format is known (a 406 itself): the legacy type. */
    static void sendProblemAsJson(HttpServerExchange exchange, HttpProblem problem) {
        JSON.sendProblem(exchange, problem);
    }
}

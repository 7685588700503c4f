package org.mymoviedb.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Map;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.graphql.GraphQLRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a GraphQL request from GET parameters or a JSON body, as the GraphQL-over-HTTP spec lays them out:
 * {@code query}, {@code operationName}, and {@code variables} and {@code extensions} as JSON objects. The query may
 * be missing when a persisted query's hash stands for it.
 */
final class RequestReader {

    private RequestReader() {
    }

    static GraphQLRequest fromQueryParameters(Map<String, Deque<String>> params) {
        return new GraphQLRequest(
                blankToNull(first(params, "query")),
                blankToNull(first(params, "operationName")),
                object(jsonParameter(params, "variables"), "variables"),
                object(jsonParameter(params, "extensions"), "extensions"),
                null, null);
    }

    static GraphQLRequest fromJsonBody(byte[] body) {
        return fromJson(parseBody(body));
    }

    /** A POST body as JSON: an object for one operation, an array for a batch of them. */
    static JsonNode parseBody(byte[] body) {
        return parse(strictUtf8(body), "The request body");
    }

    /** One operation of a POST body, or of a batch. */
    static GraphQLRequest fromJson(JsonNode root) {
        if (!root.isObject()) {
            throw badRequest("The request body must be a JSON object with a 'query' (or an array of them)");
        }
        JsonNode query = root.get("query");
        if (query != null && !query.isNull() && !query.isString()) {
            throw badRequest("'query' must be a string");
        }
        JsonNode operationName = root.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isString()) {
            throw badRequest("'operationName' must be a string");
        }
        return new GraphQLRequest(
                query == null || query.isNull() ? null : blankToNull(query.asString()),
                operationName == null || operationName.isNull() ? null : blankToNull(operationName.asString()),
                object(root.get("variables"), "variables"),
                object(root.get("extensions"), "extensions"),
                null, null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw badRequest("'" + name + "' must be a JSON object");
        }
        return Json.MAPPER.convertValue(node, Map.class);
    }

    /**
     * The body as text, refusing what is not UTF-8 as RFC 3629 has it: overlong forms, encoded surrogates and stray
     * bytes would otherwise be read leniently and reach the database as something other than what was sent.
     */
    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw badRequest("The request body is not valid UTF-8");
        }
    }

    private static JsonNode jsonParameter(Map<String, Deque<String>> params, String name) {
        String value = first(params, name);
        return value == null || value.isBlank() ? null : parse(value, "The '" + name + "' parameter");
    }

    private static JsonNode parse(Object source, String what) {
        try {
            return source instanceof byte[] bytes ? Json.MAPPER.readTree(bytes) : Json.MAPPER.readTree((String) source);
        } catch (JacksonException e) {
            throw badRequest(what + " is not valid JSON");
        }
    }

    private static HttpProblem badRequest(String message) {
        return new HttpProblem(400, ErrorCode.BAD_REQUEST, message);
    }

    private static String first(Map<String, Deque<String>> params, String name) {
        Deque<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

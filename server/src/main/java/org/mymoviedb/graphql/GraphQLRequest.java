package org.mymoviedb.graphql;

import java.util.Map;

/**
 * One GraphQL request as it arrives over HTTP.
 *
 * @param query         the document
 * @param operationName which operation of the document to run, or null when it has one
 * @param variables     the variables' values, never null
 * @param extensions    protocol extensions (persistedQuery), never null
 * @param bearerToken   the token from {@code Authorization: Bearer ...}, or null for anonymous callers
 * @param clientAddress the caller's IP address
 */
public record GraphQLRequest(String query, String operationName, Map<String, Object> variables,
                             Map<String, Object> extensions, String bearerToken, String clientAddress) {

    public GraphQLRequest {
        variables = variables == null ? Map.of() : variables;
        extensions = extensions == null ? Map.of() : extensions;
    }

    /** An anonymous request from this machine. */
    public static GraphQLRequest of(String query, Map<String, Object> variables) {
        return new GraphQLRequest(query, null, variables, Map.of(), null, "127.0.0.1");
    }

    /** The same request, carrying the caller's token and address. */
    public GraphQLRequest from(String token, String address) {
        return new GraphQLRequest(query, operationName, variables, extensions, token, address);
    }

    /** The same request with its document text (a persisted query's, looked up by hash). */
    public GraphQLRequest withQuery(String document) {
        return new GraphQLRequest(document, operationName, variables, extensions, bearerToken, clientAddress);
    }
}

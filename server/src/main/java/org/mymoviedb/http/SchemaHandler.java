package org.mymoviedb.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.mymoviedb.graphql.GraphQLApi;

/**
 * GET /schema.graphql: the contract the server runs, as SDL, for codegen tools and curious people; revalidated by
 * its ETag, as it changes only with a release.
 */
public final class SchemaHandler implements HttpHandler {

    private final FixedBody sdl = new FixedBody(GraphQLApi.schemaText().getBytes(StandardCharsets.UTF_8),
            "application/graphql; charset=utf-8", "no-cache", Map.of());

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        sdl.handleRequest(exchange);
    }
}

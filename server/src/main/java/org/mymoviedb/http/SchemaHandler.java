package org.mymoviedb.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import org.mymoviedb.graphql.GraphQLApi;

/** GET /schema.graphql: the contract the server runs, as SDL, for codegen tools and curious people. */
public final class SchemaHandler implements HttpHandler {

    private final String sdl = GraphQLApi.schemaText();

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/graphql; charset=utf-8");
        exchange.getResponseSender().send(sdl, StandardCharsets.UTF_8);
    }
}

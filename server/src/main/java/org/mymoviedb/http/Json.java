package org.mymoviedb.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** JSON in and out of HTTP exchanges, with one shared Jackson mapper. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder().build();
    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private Json() {
    }

    /** Sends {@code body} as JSON with {@code status}; safe to call from any thread. */
    public static void send(HttpServerExchange exchange, int status, Object body) {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    }
}

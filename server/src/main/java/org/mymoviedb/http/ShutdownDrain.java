package org.mymoviedb.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.util.Headers;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.graphql.ResponseErrors;

/**
 * Lets requests in flight finish at shutdown (Undertow's {@link GracefulShutdownHandler} counts them) and answers
 * those that arrive meanwhile with a coded JSON 503, SHUTTING_DOWN, that closes the connection.
 */
final class ShutdownDrain implements HttpHandler {

    private final GracefulShutdownHandler graceful;
    private volatile boolean draining;

    ShutdownDrain(HttpHandler next) {
        this.graceful = new GracefulShutdownHandler(next);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!draining) {
            graceful.handleRequest(exchange); // one that slips past this check gets Undertow's 503, coded below us
            return;
        }
        exchange.setPersistent(false);
        exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
        Json.send(exchange, 503, ResponseErrors.requestError(ErrorCode.SHUTTING_DOWN,
                "The server is stopping and takes no new requests; retry shortly"));
    }

    /** Refuses new requests from now on. */
    void shutdown() {
        draining = true;
        graceful.shutdown();
    }

    /** Waits up to {@code millis} for the requests in flight; true when they all finished. */
    boolean awaitShutdown(long millis) throws InterruptedException {
        return graceful.awaitShutdown(millis);
    }
}

package org.mymoviedb.http;

import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.graphql.ResponseErrors;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * A request body must arrive whole within {@code millis} of its headers: a client trickling one byte at a time
 * never holds a connection longer. Past it the answer is a coded JSON 408, REQUEST_TIMEOUT, and the connection
 * closes. Time spent answering after the body arrived is not counted.
 */
final class BodyDeadline implements HttpHandler {

    private final HttpHandler next;
    private final long millis;

    BodyDeadline(HttpHandler next, long millis) {
        this.next = next;
        this.millis = millis;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!exchange.isRequestComplete()) {
            XnioExecutor.Key deadline = exchange.getIoThread().executeAfter(() -> expire(exchange), millis,
                    TimeUnit.MILLISECONDS);
            exchange.addExchangeCompleteListener((ex, nextListener) -> {
                deadline.remove();
                nextListener.proceed();
            });
        }
        next.handleRequest(exchange);
    }

    private static void expire(HttpServerExchange exchange) {
        if (exchange.isRequestComplete() || exchange.isComplete()) {
            return;
        }
        if (exchange.isResponseStarted()) {
            IoUtils.safeClose(exchange.getConnection());
            return;
        }
        exchange.setPersistent(false);
        exchange.setStatusCode(408);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, Json.CONTENT_TYPE);
        exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
        byte[] body = Json.MAPPER.writeValueAsBytes(ResponseErrors.requestError(ErrorCode.REQUEST_TIMEOUT,
                "The request body did not arrive in time"));
        exchange.getResponseSender().send(ByteBuffer.wrap(body), new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange ex, Sender sender) {
                IoUtils.safeClose(ex.getConnection());
            }

            @Override
            public void onException(HttpServerExchange ex, Sender sender, IOException exception) {
                IoUtils.safeClose(ex.getConnection());
            }
        });
    }
}

package org.mymoviedb.http;

import io.undertow.io.IoCallback;
import io.undertow.io.Receiver;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.graphql.ResponseErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request body without blocking, up to the exchange's size limit (MAX_BODY_BYTES); a larger one is a coded
 * 413. A body with a Content-Length over the limit is refused before it is read. A chunked one is counted as it
 * arrives: Undertow would cut the connection the moment it passed the limit, so the limit is checked here first,
 * the 413 is sent, and the rest of the body is read and dropped (up to {@link #DISCARD_FACTOR} times the limit,
 * where Undertow does cut it) so that closing the connection does not reset the answer away.
 */
final class RequestBody {

    private static final Logger log = LoggerFactory.getLogger(RequestBody.class);
    private static final int DISCARD_FACTOR = 16;

    private RequestBody() {
    }

    /**
     * The MAX_ENTITY_SIZE to give Undertow for a body limit of {@code limit}: where it cuts the connection, past the
     * limit and the discarding. Undertow fixes a chunked body's allowance when the request arrives, so a handler
     * cannot raise it then; the limit itself is read back from it here.
     */
    static long undertowCutOff(long limit) {
        return limit * DISCARD_FACTOR;
    }

    static void receive(HttpServerExchange exchange, ResponseFormat format, Receiver.FullBytesCallback onBody) {
        long limit = exchange.getMaxEntitySize() / DISCARD_FACTOR;
        long declared = exchange.getRequestContentLength();
        if (limit > 0 && declared >= 0 && declared <= Math.min(limit, Integer.MAX_VALUE - 8)
                && !exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)) {
            receiveDeclared(exchange, (int) declared, format, onBody);
            return;
        }
        if (limit <= 0) {
            exchange.getRequestReceiver().receiveFullBytes(onBody, (ex, failure) -> failed(ex, format, failure));
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean[] tooLarge = {false};
        exchange.getRequestReceiver().receivePartialBytes((ex, bytes, last) -> {
            if (tooLarge[0]) {
                if (last) {
                    ex.endExchange();
                }
                return;
            }
            body.write(bytes, 0, bytes.length);
            if (body.size() > limit) {
                tooLarge[0] = true;
                refuseTooLarge(ex, format, last);
            } else if (last) {
                onBody.handle(ex, body.toByteArray());
            }
        }, (ex, failure) -> {
            if (tooLarge[0]) {
                ex.endExchange(); // answered already; the client sent more than even the discarding allows
            } else {
                failed(ex, format, failure);
            }
        });
    }

    /**
     * A body of a declared length within the limit, copied chunk by chunk into an array of that length. Undertow's
     * {@code receiveFullBytes} copies a body byte by byte into a synchronized {@code ByteArrayOutputStream}: 10% of
     * the server's samples under W1G (bench/README.md, "The request body and the genre list").
     */
    private static void receiveDeclared(HttpServerExchange exchange, int length, ResponseFormat format,
                                        Receiver.FullBytesCallback onBody) {
        byte[] body = new byte[length];
        int[] filled = {0};
        exchange.getRequestReceiver().receivePartialBytes((ex, bytes, last) -> {
            // Without a Transfer-Encoding the exchange's channel hands out exactly the declared length; were it
            // ever more or less, what arrived within it is the body (and fails to parse, a coded 400).
            int copied = Math.min(bytes.length, length - filled[0]);
            System.arraycopy(bytes, 0, body, filled[0], copied);
            filled[0] += copied;
            if (last) {
                onBody.handle(ex, filled[0] == length ? body : Arrays.copyOf(body, filled[0]));
            }
        }, (ex, failure) -> failed(ex, format, failure));
    }

    private static void refuseTooLarge(HttpServerExchange exchange, ResponseFormat format, boolean last) {
        exchange.setPersistent(false);
        exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
        exchange.setStatusCode(413);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, format.contentType());
        byte[] json = Json.MAPPER.writeValueAsBytes(ResponseErrors.requestError(ErrorCode.PAYLOAD_TOO_LARGE,
                tooLargeMessage()));
        // Not ended when sent: the exchange ends when the rest of the body has been read.
        exchange.getResponseSender().send(ByteBuffer.wrap(json), new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange ex, Sender sender) {
                if (last) {
                    ex.endExchange();
                }
            }

            @Override
            public void onException(HttpServerExchange ex, Sender sender, IOException exception) {
                ex.endExchange();
            }
        });
    }

    private static void failed(HttpServerExchange exchange, ResponseFormat format, IOException failure) {
        if (failure instanceof RequestTooBigException) {
            format.sendProblem(exchange, new HttpProblem(413, ErrorCode.PAYLOAD_TOO_LARGE, tooLargeMessage()));
        } else {
            log.debug("Could not read a request body", failure);
            exchange.endExchange();
        }
    }

    private static String tooLargeMessage() {
        return "The request body is larger than this server accepts";
    }
}

package org.mymoviedb.http;

import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.graphql.ResponseErrors;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An answer in parts (@defer) as {@code multipart/mixed; deferSpec=20220824}, the framing Apollo Client and the
 * incremental-delivery RFC use: each part a JSON payload after a {@code ---} boundary, the last one closed by
 * {@code -----}. Parts are written one after another without blocking, from whichever thread publishes them.
 */
final class IncrementalDelivery implements Subscriber<Map<String, Object>> {

    static final String CONTENT_TYPE = "multipart/mixed; boundary=\"-\"; deferSpec=20220824";
    private static final Logger log = LoggerFactory.getLogger(IncrementalDelivery.class);
    private static final byte[] PART_HEAD = "\r\n---\r\nContent-Type: application/json; charset=utf-8\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\r\n-----\r\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpServerExchange exchange;
    private final Deque<ByteBuffer> queued = new ArrayDeque<>();
    private boolean writing;
    private boolean ended;

    private IncrementalDelivery(HttpServerExchange exchange) {
        this.exchange = exchange;
    }

    /** Whether the Accept header takes multipart/mixed, so a deferred answer may come in parts. */
    static boolean accepted(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("multipart/mixed");
    }

    /** Sends {@code initial} as the first part, then each of {@code later}'s as it is published. */
    static void send(HttpServerExchange exchange, byte[] initial, Publisher<Map<String, Object>> later) {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
        IncrementalDelivery delivery = new IncrementalDelivery(exchange);
        delivery.write(initial, false);
        later.subscribe(delivery);
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Map<String, Object> part) {
        write(Json.MAPPER.writeValueAsBytes(part), Boolean.FALSE.equals(part.get("hasNext")));
    }

    @Override
    public void onError(Throwable failure) {
        log.error("A deferred part failed", failure);
        Map<String, Object> last = new java.util.LinkedHashMap<>(ResponseErrors.requestError(
                ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error"));
        last.put("hasNext", false);
        write(Json.MAPPER.writeValueAsBytes(last), true);
    }

    @Override
    public void onComplete() {
        write(null, true);
    }

    /** Queues one part (none for {@code json} null), closing the body after it when {@code last}. */
    private void write(byte[] json, boolean last) {
        synchronized (this) {
            if (ended) {
                return;
            }
            if (json != null) {
                ByteBuffer part = ByteBuffer.allocate(PART_HEAD.length + json.length);
                queued.add(part.put(PART_HEAD).put(json).flip());
            }
            if (last) {
                queued.add(ByteBuffer.wrap(END));
                ended = true;
            }
        }
        pump();
    }

    /** Sends the next queued buffer unless one is being sent: Undertow's sender takes one at a time. */
    private void pump() {
        ByteBuffer next;
        boolean finish;
        synchronized (this) {
            if (writing || queued.isEmpty()) {
                return;
            }
            writing = true;
            next = queued.poll();
            finish = ended && queued.isEmpty();
        }
        exchange.getResponseSender().send(next, new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange ex, Sender sender) {
                synchronized (IncrementalDelivery.this) {
                    writing = false;
                }
                if (finish) {
                    ex.endExchange();
                } else {
                    pump();
                }
            }

            @Override
            public void onException(HttpServerExchange ex, Sender sender, IOException failure) {
                log.debug("A client went away during a deferred answer", failure);
                synchronized (IncrementalDelivery.this) {
                    queued.clear();
                    ended = true;
                }
                ex.endExchange();
            }
        });
    }
}

package org.mymoviedb.http;

import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.live.LiveMessage;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.Options;
import org.xnio.XnioExecutor;

/**
 * A subscription's events as Server-Sent Events, after the graphql-sse protocol's distinct connections mode: each
 * result an {@code event: next} with its {@code id:} (the event id, which {@code Last-Event-ID} resumes after) and
 * its JSON on one {@code data:} line; {@code event: complete} at the end; a comment line as a keep-alive after
 * {@value #KEEP_ALIVE_MILLIS} ms of silence (sooner when IDLE_TIMEOUT_MS is shorter, so the idle timeout never
 * closes a stream). A failure (SLOW_CONSUMER...) is a last {@code next} with the coded error,
 * then {@code complete}. Writes never block: one buffer at a time through Undertow's sender, and the next event is
 * asked for only once the last one is out, so a client that does not read holds one event here and the rest wait
 * in its bounded queue, until that overflows and the stream is ended; one that still does not read is
 * disconnected after {@value #LAST_WORDS_SECONDS} seconds.
 */
final class EventStream implements Subscriber<LiveMessage> {

    static final String CONTENT_TYPE = "text/event-stream; charset=utf-8";
    static final long KEEP_ALIVE_MILLIS = 15_000;
    private static final int LAST_WORDS_SECONDS = 5;
    private static final int SEND_BUFFER_BYTES = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final byte[] KEEP_ALIVE = ":\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMPLETE = "event: complete\ndata:\n\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpServerExchange exchange;
    private final long keepAliveMillis;
    private final Deque<ByteBuffer> queued = new ArrayDeque<>();
    private Subscription subscription;
    private boolean writing;
    private boolean ending;
    private boolean ended;
    private XnioExecutor.Key keepAlive;

    private EventStream(HttpServerExchange exchange, long keepAliveMillis) {
        this.exchange = exchange;
        this.keepAliveMillis = keepAliveMillis;
    }

    /** Whether the client asks for an event stream (GraphQL over SSE) rather than one JSON answer. */
    static boolean wanted(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/event-stream");
    }

    /**
     * Answers with the stream of {@code events}, until they end or the client goes away; silent for at most
     * {@code keepAliveMillis}.
     */
    static void send(HttpServerExchange exchange, Publisher<LiveMessage> events, long keepAliveMillis) {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE)
                .put(Headers.CACHE_CONTROL, "no-cache, no-store")
                .put(new HttpString("X-Accel-Buffering"), "no");
        try {
            // A fixed, small send buffer (no autotuning to megabytes): a client that stops reading holds this much
            // in the kernel, one frame here and its bounded queue in the feed, and no more.
            exchange.getConnection().setOption(Options.SEND_BUFFER, SEND_BUFFER_BYTES);
        } catch (IOException | IllegalArgumentException e) {
            log.debug("Could not bound an event stream's send buffer", e);
        }
        EventStream stream = new EventStream(exchange, keepAliveMillis);
        exchange.addExchangeCompleteListener((ex, next) -> {
            stream.clientGone();
            next.proceed();
        });
        // The headers go out at once, so the client knows it is subscribed before the first event.
        stream.write(KEEP_ALIVE, false);
        stream.scheduleKeepAlive();
        events.subscribe(stream);
    }

    @Override
    public void onSubscribe(Subscription s) {
        boolean gone;
        synchronized (this) {
            subscription = s;
            gone = ended || ending;
        }
        if (gone) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(LiveMessage message) {
        StringBuilder frame = new StringBuilder("event: next\n");
        if (message.eventId() != null) {
            frame.append("id: ").append(message.eventId()).append('\n');
        }
        frame.append("data: ").append(message.payloadJson(Json.MAPPER::writeValueAsString)).append("\n\n");
        write(frame.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    @Override
    public void onError(Throwable failure) {
        ErrorCode code = failure instanceof ApiException api ? api.code() : ErrorCode.INTERNAL_SERVER_ERROR;
        String message = failure instanceof ApiException ? failure.getMessage() : "Internal server error";
        if (!(failure instanceof ApiException)) {
            log.error("A subscription failed", failure);
        }
        Map<String, Object> payload = Map.of("errors", List.of(Map.of("message", message,
                "extensions", Map.of("code", code.name()))));
        String frame = "event: next\ndata: " + Json.MAPPER.writeValueAsString(payload) + "\n\n";
        write(frame.getBytes(StandardCharsets.UTF_8), false);
        endSoon();
    }

    @Override
    public void onComplete() {
        endSoon();
    }

    /** Sends "complete" after what is queued, and disconnects a client that does not take it in time. */
    private void endSoon() {
        write(COMPLETE, true);
        exchange.getIoThread().executeAfter(() -> {
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
                queued.clear();
            }
            IoUtils.safeClose(exchange.getConnection());
        }, LAST_WORDS_SECONDS, TimeUnit.SECONDS);
    }

    private void scheduleKeepAlive() {
        XnioExecutor.Key key = exchange.getIoThread().executeAfter(() -> {
            boolean idle;
            synchronized (this) {
                if (ended || ending) {
                    return;
                }
                idle = !writing && queued.isEmpty();
            }
            if (idle) {
                write(KEEP_ALIVE, false);
            }
            scheduleKeepAlive();
        }, keepAliveMillis, TimeUnit.MILLISECONDS);
        synchronized (this) {
            keepAlive = key;
        }
    }

    /** The exchange ended (the client went away, or the stream finished): nothing more to send or ask for. */
    private void clientGone() {
        Subscription s;
        XnioExecutor.Key key;
        synchronized (this) {
            ended = true;
            queued.clear();
            s = subscription;
            key = keepAlive;
        }
        if (key != null) {
            key.remove();
        }
        if (s != null) {
            s.cancel();
        }
    }

    private void write(byte[] frame, boolean last) {
        synchronized (this) {
            if (ended || ending) {
                return;
            }
            queued.add(ByteBuffer.wrap(frame));
            if (last) {
                ending = true;
            }
        }
        pump();
    }

    /** Sends the next queued frame unless one is on its way: Undertow's sender takes one at a time. */
    private void pump() {
        ByteBuffer next;
        boolean finish;
        synchronized (this) {
            if (writing || queued.isEmpty() || ended) {
                return;
            }
            writing = true;
            next = queued.poll();
            finish = ending && queued.isEmpty();
        }
        exchange.getResponseSender().send(next, new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange ex, Sender sender) {
                Subscription s;
                synchronized (EventStream.this) {
                    writing = false;
                    s = ending || ended ? null : subscription;
                }
                if (finish) {
                    synchronized (EventStream.this) {
                        ended = true;
                    }
                    ex.endExchange();
                    return;
                }
                if (s != null && next.array() != KEEP_ALIVE) {
                    s.request(1); // the event is out: the next one may come
                }
                pump();
            }

            @Override
            public void onException(HttpServerExchange ex, Sender sender, IOException failure) {
                log.debug("A client went away during an event stream", failure);
                synchronized (EventStream.this) {
                    writing = false;
                }
                ex.endExchange();
                clientGone();
            }
        });
    }
}

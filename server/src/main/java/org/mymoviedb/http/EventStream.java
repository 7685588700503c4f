package org.mymoviedb.http;

import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * closes a stream). A failure (SLOW_CONSUMER...) is a last {@code next} with the coded error, then
 * {@code complete}.
 *
 * <p>Writes never block and are coalesced: a first ready frame waits {@value WriteGathering#GATHER_MICROS} µs for the
 * rest of its burst ({@link WriteGathering}), then every frame that is ready goes out in one write on the
 * connection's IO thread (so a burst of events costs a stream one write, not one each), and the next write
 * starts only once the last one is out. At most {@value #WINDOW} events are asked for ahead of the socket; a client
 * that does not read makes the rest wait in its bounded queue in the feed, until that overflows and the stream is
 * ended; one that still does not read is disconnected after {@value #LAST_WORDS_SECONDS} seconds. Alike
 * subscriptions share each event's frame bytes, encoded once.
 */
final class EventStream implements Subscriber<LiveMessage> {

    static final String CONTENT_TYPE = "text/event-stream; charset=utf-8";
    static final long KEEP_ALIVE_MILLIS = 15_000;
    /** Events asked for ahead of the socket: what one write may carry. */
    static final int WINDOW = 32;
    private static final int LAST_WORDS_SECONDS = 5;
    private static final int SEND_BUFFER_BYTES = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final byte[] KEEP_ALIVE = ":\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMPLETE = "event: complete\ndata:\n\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpServerExchange exchange;
    private final long keepAliveMillis;
    private final EventStreamWrites writes;
    private final ArrayList<byte[]> queued = new ArrayList<>();
    /** How many of {@link #queued} are events (asked for, so each one written is asked for again). */
    private int queuedEvents;
    private Subscription subscription;
    private boolean writing;
    private boolean flushScheduled;
    private boolean ending;
    private boolean ended;
    private XnioExecutor.Key keepAlive;

    private EventStream(HttpServerExchange exchange, long keepAliveMillis, EventStreamWrites writes) {
        this.exchange = exchange;
        this.keepAliveMillis = keepAliveMillis;
        this.writes = writes;
    }

    /** Whether the client asks for an event stream (GraphQL over SSE) rather than one JSON answer. */
    static boolean wanted(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/event-stream");
    }

    /**
     * Answers with the stream of {@code events}, until they end or the client goes away; silent for at most
     * {@code keepAliveMillis}. {@code writes} counts frames and socket writes.
     */
    static void send(HttpServerExchange exchange, Publisher<LiveMessage> events, long keepAliveMillis,
                     EventStreamWrites writes) {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE)
                .put(Headers.CACHE_CONTROL, "no-cache, no-store")
                .put(new HttpString("X-Accel-Buffering"), "no");
        try {
            // A fixed, small send buffer (no autotuning to megabytes): a client that stops reading holds this much
            // in the kernel, a window of frames here and its bounded queue in the feed, and no more.
            exchange.getConnection().setOption(Options.SEND_BUFFER, SEND_BUFFER_BYTES);
        } catch (IOException | IllegalArgumentException e) {
            log.debug("Could not bound an event stream's send buffer", e);
        }
        EventStream stream = new EventStream(exchange, keepAliveMillis, writes);
        exchange.addExchangeCompleteListener((ex, next) -> {
            stream.clientGone();
            next.proceed();
        });
        // The headers go out at once, so the client knows it is subscribed before the first event.
        stream.write(KEEP_ALIVE, false, false);
        // Timers are set on the IO thread itself: see WriteGathering for why never from another thread.
        exchange.getIoThread().execute(stream::scheduleKeepAlive);
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
            s.request(WINDOW);
        }
    }

    @Override
    public void onNext(LiveMessage message) {
        write(message.frame(EventStream::frame), true, false);
    }

    /** A message's {@code next} frame, the same bytes for every stream that sends it. */
    private static byte[] frame(LiveMessage message) {
        StringBuilder frame = new StringBuilder("event: next\n");
        if (message.eventId() != null) {
            frame.append("id: ").append(message.eventId()).append('\n');
        }
        frame.append("data: ").append(message.payloadJson(Json.MAPPER::writeValueAsString)).append("\n\n");
        return frame.toString().getBytes(StandardCharsets.UTF_8);
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
        write(frame.getBytes(StandardCharsets.UTF_8), false, false);
        endSoon();
    }

    @Override
    public void onComplete() {
        endSoon();
    }

    /** Sends "complete" after what is queued, and disconnects a client that does not take it in time. */
    private void endSoon() {
        write(COMPLETE, false, true);
        exchange.getIoThread().execute(() -> exchange.getIoThread().executeAfter(() -> {
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
                queued.clear();
            }
            IoUtils.safeClose(exchange.getConnection());
        }, LAST_WORDS_SECONDS, TimeUnit.SECONDS));
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
                write(KEEP_ALIVE, false, false);
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

    /** Queues a frame; the connection's IO thread writes it with whatever else is queued by then. */
    private void write(byte[] frame, boolean event, boolean last) {
        synchronized (this) {
            if (ended || ending) {
                return;
            }
            queued.add(frame);
            if (event) {
                queuedEvents++;
            }
            if (last) {
                ending = true;
            }
            if (writing || flushScheduled) {
                return;
            }
            flushScheduled = true;
        }
        // The rest of the burst (the feed hands a batch on event by event) joins this write.
        writes.gathering().later(exchange.getIoThread(), this::flush);
    }

    /** On the IO thread: sends everything queued in one write, unless a write is on its way. */
    private void flush() {
        ByteBuffer[] buffers;
        int events;
        boolean finish;
        synchronized (this) {
            flushScheduled = false;
            if (writing || queued.isEmpty() || ended) {
                return;
            }
            writing = true;
            buffers = new ByteBuffer[queued.size()];
            for (int i = 0; i < buffers.length; i++) {
                buffers[i] = ByteBuffer.wrap(queued.get(i)); // a view of its own on the shared bytes
            }
            events = queuedEvents;
            queued.clear();
            queuedEvents = 0;
            finish = ending;
        }
        writes.wrote(buffers.length);
        exchange.getResponseSender().send(buffers, new IoCallback() {
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
                if (s != null && events > 0) {
                    s.request(events); // those events are out: as many more may come
                }
                flush();
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

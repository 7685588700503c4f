package org.mymoviedb.live;

import java.util.Map;
import java.util.function.Function;

/**
 * One event of a subscription, as a transport sends it. Subscribers whose subscriptions are alike (same document,
 * operation, variables and viewer) share one message per event, and so its JSON, written once.
 */
public final class LiveMessage {

    private final String eventId;
    private final Map<String, Object> payload;
    private volatile String json;
    private volatile byte[] frame;

    /**
     * @param eventId the event's id (the global id of the history entry it comes from): SSE's {@code id:}, and what
     *                {@code Last-Event-ID} (or WebSocket {@code extensions.lastEventId}) resumes after
     * @param payload a spec GraphQL result: {@code data}, and {@code errors} when a field failed
     */
    public LiveMessage(String eventId, Map<String, Object> payload) {
        this.eventId = eventId;
        this.payload = payload;
    }

    public String eventId() {
        return eventId;
    }

    public Map<String, Object> payload() {
        return payload;
    }

    /** The payload as JSON, written by {@code writer} for the first transport that asks and kept for the others. */
    public String payloadJson(Function<Map<String, Object>, String> writer) {
        String written = json;
        if (written == null) {
            written = writer.apply(payload);
            json = written;
        }
        return written;
    }

    /**
     * The whole frame a transport sends for this message to every subscriber alike (SSE's {@code event:}, {@code id:}
     * and {@code data:} lines), encoded by {@code encoder} for the first stream that asks and kept for the others.
     * Nobody writes into the array.
     */
    public byte[] frame(Function<LiveMessage, byte[]> encoder) {
        byte[] encoded = frame;
        if (encoded == null) {
            encoded = encoder.apply(this);
            frame = encoded;
        }
        return encoded;
    }
}

package org.mymoviedb.live;

import java.util.Map;

/**
 * One event of a subscription, as a transport sends it.
 *
 * @param eventId the event's id (the global id of the history entry it comes from): SSE's {@code id:}, and what
 *                {@code Last-Event-ID} (or WebSocket {@code extensions.lastEventId}) resumes after
 * @param payload a spec GraphQL result: {@code data}, and {@code errors} when a field failed
 */
public record LiveMessage(String eventId, Map<String, Object> payload) {
}

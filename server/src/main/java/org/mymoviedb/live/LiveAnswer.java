package org.mymoviedb.live;

import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * What subscribing answered: exactly one of a refusal (a spec GraphQL result with errors, each with its
 * {@code extensions.code}: a validation error, a stale token, a limit, a resume point too old) to send instead of
 * a stream, or the stream of events. The stream never completes by itself; it fails with a {@link LiveException}
 * (SLOW_CONSUMER...), and ends when the subscriber cancels.
 */
public record LiveAnswer(Map<String, Object> refusal, Publisher<LiveMessage> events) {

    public LiveAnswer {
        if ((refusal == null) == (events == null)) {
            throw new IllegalArgumentException("a live answer is a refusal or a stream of events");
        }
    }

    public static LiveAnswer refused(Map<String, Object> refusal) {
        return new LiveAnswer(refusal, null);
    }

    public static LiveAnswer streaming(Publisher<LiveMessage> events) {
        return new LiveAnswer(null, events);
    }
}

package org.mymoviedb.graphql.fetching;

import graphql.GraphQLContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * "Retry after N seconds", from whatever in a request refused it for a while (a throttled sign-in, an unavailable
 * database) to the response: the response's {@code extensions.retryAfterSeconds}, which the HTTP layer also sends
 * as the Retry-After header. The longest wait asked for wins.
 */
public final class RetryAfter {

    /** The key in the request's GraphQLContext and in the response's extensions. */
    public static final String KEY = "retryAfterSeconds";

    private RetryAfter() {
    }

    /** Asks the client of this request to wait {@code seconds} before trying again. */
    public static void ask(GraphQLContext context, long seconds) {
        context.compute(KEY, (key, asked) -> asked == null ? (Long) seconds : Math.max((Long) asked, seconds));
    }

    /** The response, with the wait asked for during the request in its extensions. */
    public static Map<String, Object> addTo(Map<String, Object> response, GraphQLContext context) {
        Long seconds = context.get(KEY);
        if (seconds == null) {
            return response;
        }
        Map<String, Object> withWait = new LinkedHashMap<>(response);
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = response.get("extensions") instanceof Map<?, ?> m
                ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        extensions.put(KEY, seconds);
        withWait.put("extensions", extensions);
        return withWait;
    }

    /** The wait a response asks for, if any. */
    public static OptionalLong of(Map<String, Object> response) {
        return response.get("extensions") instanceof Map<?, ?> extensions && extensions.get(KEY) instanceof Number n
                ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
    }
}

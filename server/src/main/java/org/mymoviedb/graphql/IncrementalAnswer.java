package org.mymoviedb.graphql;

import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * A response delivered in parts (@defer): the initial result, with {@code hasNext: true}, and the later payloads
 * (each with {@code incremental} and {@code hasNext}), as graphql-java's incremental support publishes them.
 */
public record IncrementalAnswer(Map<String, Object> initial, Publisher<Map<String, Object>> later) {
}

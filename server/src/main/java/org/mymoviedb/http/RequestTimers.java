package org.mymoviedb.http;

import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * How long GraphQL requests take, by operation kind (query, mutation, subscription, or none when the request was
 * refused before one ran) and HTTP status class, as Prometheus histograms: percentiles are computed where the
 * series are aggregated, across instances, rather than per instance here.
 */
final class RequestTimers {

    static final String NAME = "mymoviedb.graphql.request.duration";

    private static final String[] OPERATIONS = {"query", "mutation", "subscription", "none"};
    private static final String[] STATUS_CLASSES = {"other", "1xx", "2xx", "3xx", "4xx", "5xx"};

    private final MeterRegistry metrics;
    /** Registered on first use, so only the combinations that occur have series; read without a registry look-up. */
    private final AtomicReferenceArray<Timer> timers =
            new AtomicReferenceArray<>(OPERATIONS.length * STATUS_CLASSES.length);

    RequestTimers(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** Records one request that took {@code nanos}; {@code operation} is null when none ran. */
    void record(OperationDefinition.Operation operation, int status, long nanos) {
        int kind = operation == null ? 3 : switch (operation) {
            case QUERY -> 0;
            case MUTATION -> 1;
            case SUBSCRIPTION -> 2;
        };
        int statusClass = status >= 100 && status < 600 ? status / 100 : 0;
        int slot = kind * STATUS_CLASSES.length + statusClass;
        Timer timer = timers.get(slot);
        if (timer == null) {
            // The registry hands back the same timer for the same tags, so a race here only registers it twice.
            timer = Timer.builder(NAME)
                    .description("GraphQL requests from arrival to the last byte of the answer")
                    .tag("operation", OPERATIONS[kind])
                    .tag("status", STATUS_CLASSES[statusClass])
                    .publishPercentileHistogram()
                    // A cached answer takes well under a millisecond; the database cancels statements at seconds.
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(metrics);
            timers.set(slot, timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }
}

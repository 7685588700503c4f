package org.mymoviedb.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;

/**
 * GET /metrics: every meter of the service in Prometheus' text format (0.0.4), for dashboards and the benchmark
 * (statements per request). Holds no personal data.
 */
public final class MetricsHandler implements HttpHandler {

    /** The media type of what {@link PrometheusMeterRegistry#scrape()} writes (the classic text format). */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry metrics;

    public MetricsHandler(PrometheusMeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            // Formatting a few hundred series is work an IO thread should not do while others wait on it.
            exchange.dispatch(this);
            return;
        }
        String body = metrics.scrape(CONTENT_TYPE);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }
}

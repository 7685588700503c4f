package org.mymoviedb.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.config.MetricsAccess;
import org.mymoviedb.graphql.ResponseErrors;

/**
 * GET /metrics: every meter of the service in Prometheus' text format (0.0.4), for dashboards and the benchmark
 * (statements per request). Holds no personal data, but tells an attacker how the server is doing: with
 * METRICS_TOKEN set it answers only {@code Authorization: Bearer <token>}, without it only clients on this machine
 * that came through no proxy; anyone else gets a coded 401 or 403.
 */
public final class MetricsHandler implements HttpHandler {

    /** The media type of what {@link PrometheusMeterRegistry#scrape()} writes (the classic text format). */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry metrics;
    private final byte[] token;

    public MetricsHandler(PrometheusMeterRegistry metrics, MetricsAccess access) {
        this.metrics = metrics;
        this.token = access.token() == null ? null : access.token().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!allowed(exchange)) {
            return;
        }
        if (exchange.isInIoThread()) {
            // Formatting a few hundred series is work an IO thread should not do while others wait on it.
            exchange.dispatch(this::scrape);
            return;
        }
        scrape(exchange);
    }

    private void scrape(HttpServerExchange exchange) {
        String body = metrics.scrape(CONTENT_TYPE);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }

    /** Whether the caller may read the metrics; answers the refusal when not. */
    private boolean allowed(HttpServerExchange exchange) {
        if (token != null) {
            String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            byte[] sent = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
            if (MessageDigest.isEqual(sent, token)) { // in constant time
                return true;
            }
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"");
            Json.send(exchange, 401, ResponseErrors.requestError(ErrorCode.UNAUTHENTICATED,
                    "/metrics needs Authorization: Bearer <METRICS_TOKEN>"));
            return false;
        }
        InetAddress client = exchange.getSourceAddress().getAddress();
        boolean proxied = exchange.getRequestHeaders().contains(Headers.X_FORWARDED_FOR)
                || exchange.getRequestHeaders().contains(Headers.FORWARDED);
        if (client.isLoopbackAddress() && !proxied) {
            return true;
        }
        Json.send(exchange, 403, ResponseErrors.requestError(ErrorCode.FORBIDDEN,
                "/metrics answers only on this machine unless METRICS_TOKEN is set; then send it as a Bearer token"));
        return false;
    }
}

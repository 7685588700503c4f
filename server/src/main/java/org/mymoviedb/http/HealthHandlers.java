package org.mymoviedb.http;

import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import java.util.Map;
import org.mymoviedb.data.DatabaseHealth;

/** GET /health (the process is up) and GET /ready (and the database answers). */
public final class HealthHandlers {

    private HealthHandlers() {
    }

    public static HttpHandler health() {
        return exchange -> Json.send(exchange, 200, Map.of("status", "UP"));
    }

    /**
     * Answers from the database health monitor's last check, on the IO thread: never queued behind requests, never
     * waiting for the database. 503 with Retry-After while it does not answer.
     */
    public static HttpHandler ready(DatabaseHealth health) {
        return exchange -> {
            if (health.isUp()) {
                Json.send(exchange, 200, Map.of("status", "READY"));
            } else {
                exchange.getResponseHeaders().put(Headers.RETRY_AFTER, DatabaseHealth.RETRY_AFTER_SECONDS);
                Json.send(exchange, 503, Map.of("status", "UNAVAILABLE", "code", "DATABASE_UNAVAILABLE"));
            }
        };
    }
}

package org.mymoviedb.http;

import io.undertow.server.HttpHandler;
import io.undertow.util.SameThreadExecutor;
import java.util.Map;
import org.mymoviedb.data.Database;
import org.mymoviedb.data.DatabaseExecutor;

/** GET /health (the process is up) and GET /ready (and the database answers). */
public final class HealthHandlers {

    private HealthHandlers() {
    }

    public static HttpHandler health() {
        return exchange -> Json.send(exchange, 200, Map.of("status", "UP"));
    }

    /** Asks the database on a database thread, never on the IO thread. */
    public static HttpHandler ready(Database database, DatabaseExecutor executor) {
        return exchange -> exchange.dispatch(SameThreadExecutor.INSTANCE, () ->
                executor.supply(database::isReachable).whenComplete((reachable, failure) -> {
                    if (failure == null && reachable) {
                        Json.send(exchange, 200, Map.of("status", "READY"));
                    } else {
                        Json.send(exchange, 503, Map.of("status", "UNAVAILABLE", "code", "DATABASE_UNAVAILABLE"));
                    }
                }));
    }
}

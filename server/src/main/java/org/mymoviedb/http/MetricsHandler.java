package org.mymoviedb.http;

import com.zaxxer.hikari.HikariPoolMXBean;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import org.mymoviedb.cache.ResultCache;
import org.mymoviedb.data.Database;

/**
 * GET /metrics: counters in Prometheus' text format, for dashboards and the benchmark (statements per request).
 * Holds no personal data.
 */
public final class MetricsHandler implements HttpHandler {

    private final Database database;
    private final GraphQLHandler graphql;
    private final ResultCache cache;

    /** {@code cache} may be null when the result cache is off. */
    public MetricsHandler(Database database, GraphQLHandler graphql, ResultCache cache) {
        this.database = database;
        this.graphql = graphql;
        this.cache = cache;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        HikariPoolMXBean pool = database.dataSource().getHikariPoolMXBean();
        String body = "# TYPE mymoviedb_graphql_requests_total counter\n"
                + "mymoviedb_graphql_requests_total " + graphql.requests() + "\n"
                + "# TYPE mymoviedb_sql_statements_total counter\n"
                + "mymoviedb_sql_statements_total " + database.statements().total() + "\n"
                + "# TYPE mymoviedb_db_connections_active gauge\n"
                + "mymoviedb_db_connections_active " + (pool == null ? 0 : pool.getActiveConnections()) + "\n"
                + "# TYPE mymoviedb_db_connections_waiting gauge\n"
                + "mymoviedb_db_connections_waiting " + (pool == null ? 0 : pool.getThreadsAwaitingConnection()) + "\n"
                + "# TYPE mymoviedb_result_cache_hits_total counter\n"
                + "mymoviedb_result_cache_hits_total " + (cache == null ? 0 : cache.hits()) + "\n"
                + "# TYPE mymoviedb_result_cache_misses_total counter\n"
                + "mymoviedb_result_cache_misses_total " + (cache == null ? 0 : cache.misses()) + "\n";
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }
}

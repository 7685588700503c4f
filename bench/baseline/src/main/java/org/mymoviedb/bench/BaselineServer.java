package org.mymoviedb.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.xnio.Options;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's yardstick: GET or POST /movies answers the first 10 movies by title, every scalar column, as
 * JSON, with no GraphQL. Built the way the server is (Undertow IO threads that never block, JDBC on a bounded
 * executor as large as the HikariCP pool, server-side prepared statements), so the gap between the two is what
 * GraphQL, jOOQ and the server's own work cost.
 *
 * <p>Environment: JDBC_URL, DB_USER, DB_PASSWORD, PORT (8090), DB_POOL_SIZE (cores x 2 + 1, at least 4, as the
 * server), IO_THREADS (cores).
 */
public final class BaselineServer {

    private static final String FIRST_MOVIES = "select id, title, release_date, rating, runtime_minutes,"
            + " created_at, updated_at, version from movie order by title, id limit 10";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HikariDataSource dataSource;
    private final ThreadPoolExecutor executor;
    private final LongAdder requests = new LongAdder();
    private final LongAdder statements = new LongAdder();

    private BaselineServer(HikariDataSource dataSource, ThreadPoolExecutor executor) {
        this.dataSource = dataSource;
        this.executor = executor;
    }

    public static void main(String[] args) {
        int cores = Runtime.getRuntime().availableProcessors();
        int poolSize = intEnv("DB_POOL_SIZE", Math.max(4, cores * 2 + 1));
        HikariConfig config = new HikariConfig();
        config.setPoolName("baseline");
        config.setJdbcUrl(requiredEnv("JDBC_URL"));
        config.setUsername(System.getenv("DB_USER"));
        config.setPassword(System.getenv("DB_PASSWORD"));
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.addDataSourceProperty("prepareThreshold", "1");
        config.addDataSourceProperty("ApplicationName", "mymoviedb-baseline");
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(poolSize, poolSize, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000), task -> {
                    Thread thread = new Thread(task, "db-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        BaselineServer server = new BaselineServer(new HikariDataSource(config), executor);
        int port = intEnv("PORT", 8090);
        Undertow undertow = Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setIoThreads(intEnv("IO_THREADS", cores))
                .setWorkerThreads(2)
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, true)
                .setSocketOption(Options.BACKLOG, 4096)
                .setHandler(Handlers.path()
                        .addExactPath("/movies", server::movies)
                        .addExactPath("/metrics", server::metrics))
                .build();
        undertow.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            undertow.stop();
            executor.shutdownNow();
            server.dataSource.close();
        }));
        System.err.println("baseline serving http://127.0.0.1:" + port + "/movies with " + poolSize
                + " connections");
    }

    /** Reads on a database thread; the IO thread only hands the exchange over. */
    private void movies(HttpServerExchange exchange) {
        requests.increment();
        try {
            exchange.dispatch(executor, () -> {
                byte[] body;
                try {
                    body = JSON.writeValueAsBytes(Map.of("movies", firstMovies()));
                } catch (SQLException e) {
                    exchange.setStatusCode(500);
                    body = ("{\"error\":\"" + e.getSQLState() + "\"}").getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                exchange.getResponseSender().send(ByteBuffer.wrap(body));
            });
        } catch (RejectedExecutionException e) {
            exchange.setStatusCode(503);
            exchange.getResponseSender().send("{\"error\":\"busy\"}");
        }
    }

    private List<Map<String, Object>> firstMovies() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FIRST_MOVIES)) {
            statements.increment();
            try (ResultSet rows = statement.executeQuery()) {
                List<Map<String, Object>> movies = new ArrayList<>(10);
                while (rows.next()) {
                    Map<String, Object> movie = new LinkedHashMap<>();
                    movie.put("id", Long.toString(rows.getLong(1)));
                    movie.put("title", rows.getString(2));
                    movie.put("releaseDate", rows.getString(3));
                    movie.put("rating", rows.getObject(4));
                    movie.put("runtimeMinutes", rows.getObject(5));
                    movie.put("createdAt", rows.getObject(6, java.time.OffsetDateTime.class).toString());
                    movie.put("updatedAt", rows.getObject(7, java.time.OffsetDateTime.class).toString());
                    movie.put("version", rows.getInt(8));
                    movies.add(movie);
                }
                return movies;
            }
        }
    }

    /** The same counters as the server's /metrics, so bench/run reads both alike. */
    private void metrics(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        exchange.getResponseSender().send("mymoviedb_graphql_requests_total " + requests.sum() + "\n"
                + "mymoviedb_sql_statements_total " + statements.sum() + "\n");
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is required");
        }
        return value;
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}

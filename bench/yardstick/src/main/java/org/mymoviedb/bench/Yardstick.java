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
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.xnio.Options;

/**
 * What every yardstick shares, built the way the server is: Undertow IO threads that only read the request and
 * hand it over, JDBC on a bounded executor with as many threads as the HikariCP pool has connections, server-side
 * prepared statements, and the server's request and statement counters at /metrics. So the gap between a
 * yardstick and the server is what the server does on top, not how it is plumbed.
 *
 * <p>Environment: JDBC_URL, DB_USER, DB_PASSWORD, PORT, DB_POOL_SIZE (cores x 2 + 1, at least 4, as the server),
 * IO_THREADS (cores).
 */
public final class Yardstick {

    /** Answers one request's body with a JSON body; runs on a database thread, so it may use JDBC. */
    @FunctionalInterface
    public interface Endpoint {
        byte[] answer(byte[] requestBody) throws Exception;
    }

    private final String name;
    private final int poolSize;
    private final HikariDataSource dataSource;
    private final ThreadPoolExecutor executor;
    private final LongAdder requests = new LongAdder();
    private final LongAdder statements = new LongAdder();

    private Yardstick(String name, int poolSize) {
        this.name = name;
        this.poolSize = poolSize;
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(requiredEnv("JDBC_URL"));
        config.setUsername(System.getenv("DB_USER"));
        config.setPassword(System.getenv("DB_PASSWORD"));
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.addDataSourceProperty("prepareThreshold", "1");
        config.addDataSourceProperty("ApplicationName", "mymoviedb-" + name);
        this.dataSource = new HikariDataSource(config);
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(poolSize, poolSize, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000), task -> {
                    Thread thread = new Thread(task, "db-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** The pool and executor, configured from the environment; {@code name} shows in PostgreSQL's activity. */
    public static Yardstick fromEnvironment(String name) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new Yardstick(name, intEnv("DB_POOL_SIZE", Math.max(4, cores * 2 + 1)));
    }

    /** A pooled connection; each statement run on it is counted with {@link #countStatement()}. */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public void countStatement() {
        statements.increment();
    }

    /** Serves {@code endpoint} at {@code path} (GET or POST) and the counters at /metrics, until the JVM exits. */
    public void serve(int defaultPort, String path, Endpoint endpoint) {
        int port = intEnv("PORT", defaultPort);
        Undertow undertow = Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setIoThreads(intEnv("IO_THREADS", Runtime.getRuntime().availableProcessors()))
                .setWorkerThreads(2)
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, true)
                .setSocketOption(Options.BACKLOG, 4096)
                .setHandler(Handlers.path()
                        .addExactPath(path, exchange -> handle(exchange, endpoint))
                        .addExactPath("/metrics", this::metrics))
                .build();
        undertow.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            undertow.stop();
            executor.shutdownNow();
            dataSource.close();
        }));
        System.err.println(name + " serving http://127.0.0.1:" + port + path + " with " + poolSize + " connections");
    }

    /** The IO thread reads the body without blocking and hands the rest to a database thread. */
    private void handle(HttpServerExchange exchange, Endpoint endpoint) {
        requests.increment();
        exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
            try {
                ex.dispatch(executor, () -> answer(ex, endpoint, body));
            } catch (RejectedExecutionException e) {
                send(ex, 503, "{\"error\":\"busy\"}".getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private static void answer(HttpServerExchange exchange, Endpoint endpoint, byte[] body) {
        try {
            send(exchange, 200, endpoint.answer(body));
        } catch (Exception e) {
            String why = e instanceof SQLException sql ? sql.getSQLState() : e.getClass().getSimpleName();
            send(exchange, 500, ("{\"error\":\"" + why + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpServerExchange exchange, int status, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    /** The same counters as the server's /metrics, so bench/run reads every process alike. */
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

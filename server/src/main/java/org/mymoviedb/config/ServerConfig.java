package org.mymoviedb.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mymoviedb.db.ConnectionSettings;
import org.mymoviedb.db.EmbeddedPostgres;
import org.mymoviedb.live.LiveLimits;

/**
 * Everything the server is configured with, read once from the environment at startup.
 *
 * @param host              interface to listen on (HOST, default 0.0.0.0)
 * @param port              HTTP port (PORT, default 8080)
 * @param embeddedDataDir   data directory of the embedded PostgreSQL used when DATABASE_URL is not set
 *                          (MYMOVIEDB_DATA_DIR, default $XDG_DATA_HOME/mymoviedb/postgres, else
 *                          ~/.local/share/mymoviedb/postgres)
 * @param migrateOnStart    apply pending migrations at startup (MIGRATE_ON_START, default true)
 * @param loadSampleData    import the bundled sample movies into an empty catalogue (LOAD_SAMPLE_DATA, default true)
 * @param poolSize          database connections, and so the database executor's threads (DB_POOL_SIZE)
 * @param queueCapacity     database tasks that may wait for a connection before requests are refused with
 *                          SERVER_BUSY (DB_QUEUE_CAPACITY, default 10000)
 * @param ioThreads         Undertow IO threads (IO_THREADS, default the number of cores)
 * @param shutdownGraceSeconds how long SIGTERM waits for in-flight requests (SHUTDOWN_GRACE_SECONDS, default 20)
 * @param sessionTtlHours   how long a sign-in lasts (SESSION_TTL_HOURS, default 12)
 * @param limits            what one request may ask for
 * @param persistedQueries  automatic persisted queries, or an allow-list
 * @param cors              which browser pages may call the API, with which headers and credentials
 * @param resultCacheBytes  memory for cached answers to anonymous read queries; 0 switches the cache off
 *                          (RESULT_CACHE_ENABLED, default true; RESULT_CACHE_MAX_MB, default 64)
 * @param executionPlans    run read-only movie queries as plans compiled once per document, rather than field by
 *                          field (EXECUTION_PLANS, default true)
 * @param http              connections, timeouts and validation threads of the HTTP server
 * @param httpApi           batching and HTTP caching of /graphql
 * @param metricsAccess     who may read /metrics (METRICS_TOKEN)
 * @param caches            memory for parsed documents, persisted queries and limit verdicts
 * @param replicas          streaming replicas that serve anonymous reads (DATABASE_REPLICA_URLS and REPLICA_*)
 * @param live              subscriptions: how many, how fast, how far back a resume reaches (LIVE_*)
 * @param webSockets        connections, clocks and buffers of GraphQL over WebSocket (WS_*)
 * @param trustedProxies    proxies whose X-Forwarded-For / Forwarded name the client (TRUSTED_PROXIES, default none)
 */
public record ServerConfig(
        String host,
        int port,
        Path embeddedDataDir,
        boolean migrateOnStart,
        boolean loadSampleData,
        int poolSize,
        int queueCapacity,
        int ioThreads,
        int shutdownGraceSeconds,
        int sessionTtlHours,
        ApiLimits limits,
        PersistedQueriesConfig persistedQueries,
        CorsPolicy cors,
        long resultCacheBytes,
        boolean executionPlans,
        HttpLimits http,
        HttpApi httpApi,
        MetricsAccess metricsAccess,
        CacheBudgets caches,
        ReplicaConfig replicas,
        LiveLimits live,
        WebSocketLimits webSockets,
        TrustedProxies trustedProxies) {

    /** Reads the configuration from environment variables, with the documented defaults. */
    public static ServerConfig fromEnvironment(Map<String, String> env) {
        int cores = Runtime.getRuntime().availableProcessors();
        String dataDir = env.get("MYMOVIEDB_DATA_DIR");
        return new ServerConfig(
                env.getOrDefault("HOST", "0.0.0.0"),
                integer(env, "PORT", 8080, 0, 65535),
                dataDir == null || dataDir.isBlank() ? EmbeddedPostgres.defaultDataDirectory(env) : Path.of(dataDir),
                bool(env, "MIGRATE_ON_START", true),
                bool(env, "LOAD_SAMPLE_DATA", true),
                // A small pool keeps PostgreSQL busy without thrashing: cores * 2 plus a little for health checks.
                integer(env, "DB_POOL_SIZE", Math.max(4, cores * 2 + 1), 1, 500),
                integer(env, "DB_QUEUE_CAPACITY", 10_000, 1, 1_000_000),
                integer(env, "IO_THREADS", Math.max(2, cores), 1, 256),
                integer(env, "SHUTDOWN_GRACE_SECONDS", 20, 0, 3600),
                integer(env, "SESSION_TTL_HOURS", 12, 1, 24 * 90),
                new ApiLimits(
                        integer(env, "MAX_QUERY_DEPTH", 15, 1, 1000),
                        integer(env, "MAX_QUERY_COMPLEXITY", 25_000, 1, Integer.MAX_VALUE),
                        integer(env, "MAX_ALIASES", 30, 0, 100_000),
                        integer(env, "MAX_ROOT_FIELDS", 20, 1, 100_000),
                        integer(env, "MAX_TOKENS", 15_000, 100, 10_000_000),
                        integer(env, "MAX_SELECTION_FIELDS", 200, 1, 1_000_000),
                        integer(env, "MAX_BODY_BYTES", 1024 * 1024, 1024, 256 * 1024 * 1024),
                        integer(env, "DB_STATEMENT_TIMEOUT_MS", 5_000, 0, 3_600_000),
                        bool(env, "INTROSPECTION_ENABLED", true)),
                persistedQueries(env),
                new CorsPolicy(origins(env.get("CORS_ALLOWED_ORIGINS")),
                        headers(env.get("CORS_ALLOWED_HEADERS")), bool(env, "CORS_ALLOW_CREDENTIALS", false)),
                bool(env, "RESULT_CACHE_ENABLED", true)
                        ? integer(env, "RESULT_CACHE_MAX_MB", 64, 1, 65_536) * 1024L * 1024L : 0L,
                bool(env, "EXECUTION_PLANS", true),
                httpLimits(env, cores),
                new HttpApi(integer(env, "MAX_BATCH_SIZE", HttpApi.defaults().maxBatchSize(), 1, 1000),
                        integer(env, "HTTP_CACHE_MAX_AGE_SECONDS", HttpApi.defaults().cacheMaxAgeSeconds(), 0,
                                31_536_000)),
                new MetricsAccess(blankToNull(env.get("METRICS_TOKEN"))),
                cacheBudgets(env),
                new ReplicaConfig(replicaUrls(env),
                        integer(env, "REPLICA_POOL_SIZE", Math.max(2, cores + 1), 1, 500),
                        integer(env, "REPLICA_MAX_LAG_MS", 1_000, 100, 3_600_000)),
                liveLimits(env),
                webSocketLimits(env),
                TrustedProxies.parse(env.get("TRUSTED_PROXIES")));
    }

    private static WebSocketLimits webSocketLimits(Map<String, String> env) {
        WebSocketLimits defaults = WebSocketLimits.defaults(integer(env, "MAX_BODY_BYTES", 1024 * 1024, 1024,
                256 * 1024 * 1024));
        return new WebSocketLimits(
                integer(env, "WS_MAX_CONNECTIONS", defaults.maxConnections(), 1, 10_000_000),
                integer(env, "WS_CONNECTION_INIT_TIMEOUT_MS", defaults.initTimeoutMillis(), 10, 3_600_000),
                // A ping is traffic: within a third of IDLE_TIMEOUT_MS, a quiet socket outlives the idle timeout.
                Math.min(integer(env, "WS_PING_INTERVAL_MS", defaults.pingIntervalMillis(), 10, 3_600_000),
                        Math.max(10, integer(env, "IDLE_TIMEOUT_MS", 60_000, 100, 3_600_000) / 3)),
                integer(env, "WS_IDLE_TIMEOUT_MS", defaults.idleTimeoutMillis(), 10, 86_400_000),
                integer(env, "WS_MAX_MESSAGE_BYTES", defaults.maxMessageBytes(), 128, 256 * 1024 * 1024),
                integer(env, "WS_MAX_QUEUED_BYTES", defaults.maxQueuedBytes(), 1024, 1024 * 1024 * 1024));
    }

    private static LiveLimits liveLimits(Map<String, String> env) {
        LiveLimits defaults = LiveLimits.defaults();
        return new LiveLimits(
                integer(env, "LIVE_MAX_SUBSCRIPTIONS", defaults.maxSubscriptions(), 0, 10_000_000),
                integer(env, "LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION", defaults.maxSubscriptionsPerConnection(), 1,
                        100_000),
                integer(env, "LIVE_MAX_EVENTS_PER_SECOND", defaults.maxEventsPerSecond(), 1, 10_000_000),
                integer(env, "LIVE_MAX_QUEUED_EVENTS", defaults.maxQueuedEvents(), 1, 1_000_000),
                integer(env, "LIVE_RESUME_MAX_EVENTS", defaults.resumeMaxEvents(), 0, 10_000_000),
                integer(env, "LIVE_POLL_MS", defaults.pollMillis(), 10, 3_600_000),
                duration(env, "LIVE_RETENTION", defaults.retention()),
                integer(env, "LIVE_BATCH_MS", defaults.batchMillis(), 0, 10_000));
    }

    /** A duration such as {@code 90s}, {@code 30m}, {@code 24h} or {@code 7d}; a bare number counts hours. */
    private static java.time.Duration duration(Map<String, String> env, String name, java.time.Duration fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})\\s*([smhd]?)")
                .matcher(value.trim().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(name + " must be a positive duration such as 90s, 30m, 24h or 7d, not '"
                    + value + "'");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> java.time.Duration.ofSeconds(amount);
            case "m" -> java.time.Duration.ofMinutes(amount);
            case "d" -> java.time.Duration.ofDays(amount);
            default -> java.time.Duration.ofHours(amount);
        };
    }

    private static List<ConnectionSettings> replicaUrls(Map<String, String> env) {
        try {
            return commaSeparated(env.get("DATABASE_REPLICA_URLS")).stream()
                    .map(url -> ConnectionSettings.parse(url, env)).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DATABASE_REPLICA_URLS: " + e.getMessage(), e);
        }
    }

    private static List<String> commaSeparated(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static HttpLimits httpLimits(Map<String, String> env, int cores) {
        return new HttpLimits(
                integer(env, "MAX_CONNECTIONS", HttpLimits.defaultMaxConnections(), 1, 10_000_000),
                integer(env, "MAX_CONNECTIONS_PER_CLIENT", 1_000, 0, 10_000_000),
                integer(env, "REQUEST_HEADER_TIMEOUT_MS", 10_000, 100, 3_600_000),
                integer(env, "REQUEST_BODY_TIMEOUT_MS", 30_000, 100, 3_600_000),
                integer(env, "KEEP_ALIVE_TIMEOUT_MS", 60_000, 100, 3_600_000),
                integer(env, "IDLE_TIMEOUT_MS", 60_000, 100, 3_600_000),
                integer(env, "VALIDATION_THREADS", Math.max(2, cores), 1, 256),
                integer(env, "VALIDATION_QUEUE", 256, 1, 1_000_000),
                integer(env, "VALIDATION_QUEUE_MS", 2_000, 1, 3_600_000));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static CacheBudgets cacheBudgets(Map<String, String> env) {
        CacheBudgets defaults = CacheBudgets.defaults();
        return new CacheBudgets(
                megabytes(env, "DOCUMENT_CACHE_MAX_MB", defaults.documentBytes()),
                integer(env, "DOCUMENT_CACHE_MAX_DOCUMENT_KB", defaults.maxCachedDocumentChars() / 1024, 1, 1024 * 1024)
                        * 1024,
                megabytes(env, "APQ_CACHE_MAX_MB", defaults.persistedQueryBytes()),
                megabytes(env, "LIMIT_CACHE_MAX_MB", defaults.limitVerdictBytes()));
    }

    private static long megabytes(Map<String, String> env, String name, long fallbackBytes) {
        return integer(env, name, (int) (fallbackBytes >> 20), 1, 65_536) * 1024L * 1024L;
    }

    private static PersistedQueriesConfig persistedQueries(Map<String, String> env) {
        String mode = env.getOrDefault("PERSISTED_QUERIES", "apq").trim().toUpperCase(java.util.Locale.ROOT);
        PersistedQueriesConfig.Mode parsed;
        try {
            parsed = PersistedQueriesConfig.Mode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PERSISTED_QUERIES must be apq, allowlist or off, not " + mode);
        }
        String allowlist = env.get("PERSISTED_QUERIES_ALLOWLIST");
        if (parsed == PersistedQueriesConfig.Mode.ALLOWLIST && (allowlist == null || allowlist.isBlank())) {
            throw new IllegalArgumentException("PERSISTED_QUERIES=allowlist needs PERSISTED_QUERIES_ALLOWLIST: "
                    + "a directory of .graphql files or an Apollo persisted-query manifest");
        }
        return new PersistedQueriesConfig(parsed, allowlist == null || allowlist.isBlank() ? null : Path.of(allowlist));
    }

    private static List<String> origins(String value) {
        return commaSeparated(value).stream().map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o).toList();
    }

    private static List<String> headers(String value) {
        if (value == null || value.isBlank()) {
            return CorsPolicy.DEFAULT_HEADERS;
        }
        return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static boolean bool(Map<String, String> env, String name, boolean fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase()) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
        };
    }
}

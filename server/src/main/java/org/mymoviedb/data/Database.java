package org.mymoviedb.data;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.mymoviedb.cache.CatalogueVersion;
import org.mymoviedb.config.ReplicaConfig;
import org.mymoviedb.db.ConnectionSettings;

/**
 * The connection pools (the primary's, and one per streaming replica) and the jOOQ context over them, with a statement counter on every query and a catalogue
 * version that moves on with every commit.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    /** Write transactions' connections: plans cached as PostgreSQL decides (see {@link #writePoolConfig}). */
    private final HikariDataSource writes;
    /** Reads whose plan does not depend on their values, keeping generic plans (see {@link #keptPlansPoolConfig}). */
    private final HikariDataSource keptPlans;
    private final DSLContext dsl;
    private final StatementCounter statements = new StatementCounter();
    private final CatalogueVersion catalogueVersion = new CatalogueVersion();
    private final DatabaseHealth health;
    private final List<Replica> replicas = new ArrayList<>();
    private final ReplicaLag replicaLag;
    /** Written into every history entry this instance's connections insert (audit_entry.origin, migration V9). */
    private final String origin = java.util.UUID.randomUUID().toString();

    /** Publishes the pool's and the statement counter's meters in {@code metrics}. */
    public Database(ConnectionSettings settings, int poolSize, int statementTimeoutMillis, MeterRegistry metrics) {
        this(settings, poolSize, statementTimeoutMillis, ReplicaConfig.none(), metrics);
    }

    /** The same, with {@code replicas} serving anonymous reads (see {@link RoutedConnections}). */
    public Database(ConnectionSettings settings, int poolSize, int statementTimeoutMillis, ReplicaConfig replicas,
                    MeterRegistry metrics) {
        HikariConfig config = poolConfig(settings, poolSize, statementTimeoutMillis, "mymoviedb");
        config.addDataSourceProperty("options", config.getDataSourceProperties().get("options")
                + " -c mymoviedb.origin=" + origin);
        // Only for the moment before the health monitor notices an outage: afterwards nothing waits for the pool.
        config.setConnectionTimeout(3_000);
        // HikariCP's own meters (hikaricp_*, tagged pool="mymoviedb"): acquire, usage and creation times, timeouts.
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        this.dataSource = new HikariDataSource(config);
        this.writes = new HikariDataSource(writePoolConfig(settings, poolSize, statementTimeoutMillis, metrics));
        HikariConfig kept = keptPlansPoolConfig(settings, poolSize, statementTimeoutMillis);
        kept.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        this.keptPlans = new HikariDataSource(kept);
        this.health = new DatabaseHealth(settings, metrics);
        List<ConnectionSettings> replicaSettings = replicas.replicas();
        for (int i = 0; i < replicaSettings.size(); i++) {
            this.replicas.add(new Replica("replica-" + (i + 1), replicaSettings.get(i), replicas.poolSize(),
                    statementTimeoutMillis, metrics));
        }
        this.replicaLag = this.replicas.isEmpty() ? null : new ReplicaLag(settings, this.replicas);
        this.dsl = DSL.using(new DefaultConfiguration()
                .set(new RoutedConnections(dataSource, writes, keptPlans, this.replicas, replicas.maxLagMillis(), metrics))
                .set(SQLDialect.POSTGRES)
                .set(new Settings().withExecuteLogging(false).withRenderSchema(false)
                        .withBindOffsetDateTimeType(true))
                .set(statements)
                .set(catalogueVersion));
        // The benchmark and the tests read these names; the hikaricp_ series say the same with a pool tag.
        FunctionCounter.builder("mymoviedb.sql.statements", statements, StatementCounter::total)
                .description("SQL statements sent to PostgreSQL").register(metrics);
        Gauge.builder("mymoviedb.db.connections.active", this, db -> db.pool(HikariPoolMXBean::getActiveConnections))
                .description("Pool connections lent out right now").register(metrics);
        Gauge.builder("mymoviedb.db.connections.waiting", this,
                        db -> db.pool(HikariPoolMXBean::getThreadsAwaitingConnection))
                .description("Threads waiting for a pool connection right now").register(metrics);
    }

    /**
     * The pool of write transactions ({@link Transactions#write}), on the primary, as large as the primary's but
     * holding one connection while idle. Its statements keep generic plans once PostgreSQL finds them as good
     * (plan_cache_mode auto): a write's plan does not depend on its values, and planning each execution anew was
     * most of PostgreSQL's work on a create (the names' statement: 0.89 ms of CPU custom-planned, 0.22 generic;
     * the movie's insert: 1.2 and 0.9, in pgbench with five clients).
     */
    private HikariConfig writePoolConfig(ConnectionSettings settings, int poolSize, int statementTimeoutMillis,
                                         MeterRegistry metrics) {
        HikariConfig config = poolConfig(settings, poolSize, statementTimeoutMillis, "mymoviedb-writes", "auto");
        config.addDataSourceProperty("options", config.getDataSourceProperties().get("options")
                + " -c mymoviedb.origin=" + origin);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(3_000);
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        return config;
    }

    /**
     * The pool of reads whose best plan is the same for every value ({@link ReadRoute#keepingPlans}: a page after
     * a cursor without a filter walks its order's index whatever the cursor), on the primary, as large as the
     * primary's but holding one connection while idle, with plan_cache_mode auto: PostgreSQL keeps the generic plan
     * once it costs no more than the custom ones, instead of planning each page anew (0.08 ms of a deep page's
     * 0.19 ms of PostgreSQL CPU; bench/README.md, "W4: later pages").
     */
    static HikariConfig keptPlansPoolConfig(ConnectionSettings settings, int poolSize, int statementTimeoutMillis) {
        HikariConfig config = poolConfig(settings, poolSize, statementTimeoutMillis, "mymoviedb-kept-plans", "auto");
        config.setMinimumIdle(1);
        config.setConnectionTimeout(3_000);
        return config;
    }

    /** The settings every pool of the service shares, primary and replicas alike. */
    static HikariConfig poolConfig(ConnectionSettings settings, int poolSize, int statementTimeoutMillis,
                                   String poolName) {
        return poolConfig(settings, poolSize, statementTimeoutMillis, poolName, "force_custom_plan");
    }

    private static HikariConfig poolConfig(ConnectionSettings settings, int poolSize, int statementTimeoutMillis,
                                           String poolName, String planCacheMode) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        // Server-side prepared statements from the first execution: every query here repeats.
        config.addDataSourceProperty("prepareThreshold", "1");
        // The pool's name, so pg_stat_activity tells which pool a backend serves.
        config.addDataSourceProperty("ApplicationName", poolName);
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // No statement may hold a connection for long: PostgreSQL cancels it (SQLSTATE 57014).
        // Plans made for each execution's values, never a cached generic one: which plan is right for a search
        // depends on its values (a rare word in titleContains wants the trigram index, a common one the ordering's
        // index), and a generic plan picked after five executions served every later value with one of them.
        config.addDataSourceProperty("options",
                "-c statement_timeout=" + statementTimeoutMillis + " -c plan_cache_mode=" + planCacheMode);
        return config;
    }

    /** A figure of the primary's pools (reads, writes and kept plans) together; 0 for a pool not started yet. */
    private double pool(java.util.function.ToIntFunction<HikariPoolMXBean> figure) {
        double sum = 0;
        for (HikariDataSource source : List.of(dataSource, writes, keptPlans)) {
            HikariPoolMXBean pool = source.getHikariPoolMXBean();
            sum += pool == null ? 0 : figure.applyAsInt(pool);
        }
        return sum;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** Moves on with every transaction this instance commits. */
    /** This instance's mark on the history entries it writes, so its live feed can tell its own writes. */
    public String origin() {
        return origin;
    }

    public CatalogueVersion catalogueVersion() {
        return catalogueVersion;
    }

    public StatementCounter statements() {
        return statements;
    }

    /** Whether PostgreSQL answers right now, from a monitor of its own: never waits, never takes a pool connection. */
    public DatabaseHealth health() {
        return health;
    }

    @Override
    public void close() {
        health.close();
        if (replicaLag != null) {
            replicaLag.close();
        }
        replicas.forEach(Replica::close);
        writes.close();
        keptPlans.close();
        dataSource.close();
    }
}

package org.mymoviedb.data;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.mymoviedb.cache.CatalogueVersion;
import org.mymoviedb.db.ConnectionSettings;

/**
 * The connection pool and the jOOQ context over it, with a statement counter on every query and a catalogue
 * version that moves on with every commit.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final StatementCounter statements = new StatementCounter();
    private final CatalogueVersion catalogueVersion = new CatalogueVersion();
    private final DatabaseHealth health;

    /** Publishes the pool's and the statement counter's meters in {@code metrics}. */
    public Database(ConnectionSettings settings, int poolSize, int statementTimeoutMillis, MeterRegistry metrics) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("mymoviedb");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        // Only for the moment before the health monitor notices an outage: afterwards nothing waits for the pool.
        config.setConnectionTimeout(3_000);
        // Server-side prepared statements from the first execution: every query here repeats.
        config.addDataSourceProperty("prepareThreshold", "1");
        config.addDataSourceProperty("ApplicationName", "mymoviedb");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // No statement may hold a connection for long: PostgreSQL cancels it (SQLSTATE 57014).
        // Plans made for each execution's values, never a cached generic one: which plan is right for a search
        // depends on its values (a rare word in titleContains wants the trigram index, a common one the ordering's
        // index), and a generic plan picked after five executions served every later value with one of them.
        config.addDataSourceProperty("options",
                "-c statement_timeout=" + statementTimeoutMillis + " -c plan_cache_mode=force_custom_plan");
        // HikariCP's own meters (hikaricp_*, tagged pool="mymoviedb"): acquire, usage and creation times, timeouts.
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        this.dataSource = new HikariDataSource(config);
        this.health = new DatabaseHealth(settings, metrics);
        this.dsl = DSL.using(new DefaultConfiguration()
                .set(dataSource)
                .set(SQLDialect.POSTGRES)
                .set(new Settings().withExecuteLogging(false).withRenderSchema(false))
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

    /** A figure of the pool, or 0 before the pool has started. */
    private double pool(java.util.function.ToIntFunction<HikariPoolMXBean> figure) {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        return pool == null ? 0 : figure.applyAsInt(pool);
    }

    public DSLContext dsl() {
        return dsl;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** Moves on with every transaction this instance commits. */
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
        dataSource.close();
    }
}

package org.mymoviedb.data;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.mymoviedb.db.ConnectionSettings;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether PostgreSQL answers right now, known without asking it on a request's behalf: a monitor thread of its own,
 * on a connection of its own (never the pool's, never the database executor's), runs {@code SELECT 1} every
 * {@link #INTERVAL} with second-long timeouts. The database counts as down from the first failed check, or as soon
 * as no check has succeeded for {@link #STALE_AFTER} (a check that hangs on a silent network), and up again from
 * the first check that succeeds: a returning database is noticed within an interval, without a restart.
 */
public final class DatabaseHealth implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);
    static final Duration INTERVAL = Duration.ofMillis(200);
    static final Duration STALE_AFTER = Duration.ofMillis(800);
    /** What a refused request is told to wait: about the time a returning database takes to be noticed. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private final PGSimpleDataSource dataSource;
    private final Thread monitor;
    private volatile boolean answered;
    private volatile long lastAnswerNanos;
    private volatile boolean closed;
    private boolean checked;
    private Connection connection;

    /** A health signal that is always up, for handlers run without a database. */
    public static DatabaseHealth alwaysUp() {
        return new DatabaseHealth();
    }

    private DatabaseHealth() {
        this.dataSource = null;
        this.monitor = null;
        this.answered = true;
    }

    /** Checks once before returning, so a service that starts on a running database starts up. */
    public DatabaseHealth(ConnectionSettings settings, MeterRegistry metrics) {
        this.dataSource = monitorDataSource(settings, "mymoviedb-health");
        check();
        this.monitor = new Thread(this::watch, "db-health");
        monitor.setDaemon(true);
        monitor.start();
        Gauge.builder("mymoviedb.db.up", this, health -> health.isUp() ? 1 : 0)
                .description("1 while PostgreSQL answers the health monitor, 0 while it does not").register(metrics);
    }

    /** Unpooled connections for a monitor: second-long timeouts, so a silent server is noticed, not waited for. */
    static PGSimpleDataSource monitorDataSource(ConnectionSettings settings, String applicationName) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(settings.jdbcUrl());
        dataSource.setUser(settings.user());
        dataSource.setPassword(settings.password());
        dataSource.setApplicationName(applicationName);
        dataSource.setConnectTimeout(1);
        dataSource.setLoginTimeout(1);
        dataSource.setSocketTimeout(2);
        dataSource.setTcpKeepAlive(true);
        return dataSource;
    }

    /** Whether the last check succeeded and is recent; never waits. */
    public boolean isUp() {
        return answered && (monitor == null || System.nanoTime() - lastAnswerNanos < STALE_AFTER.toNanos());
    }

    private void watch() {
        while (!closed) {
            try {
                TimeUnit.NANOSECONDS.sleep(INTERVAL.toNanos());
            } catch (InterruptedException e) {
                return;
            }
            check();
        }
        closeConnection();
    }

    private void check() {
        boolean wasUp = answered;
        boolean logged = checked;
        checked = true;
        try {
            if (connection == null) {
                connection = dataSource.getConnection();
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(1);
                statement.execute("SELECT 1");
            }
            lastAnswerNanos = System.nanoTime();
            answered = true;
            if (!wasUp && checked) {
                log.info("PostgreSQL answers again; requests are served");
            }
        } catch (SQLException | RuntimeException e) {
            answered = false;
            closeConnection();
            if (wasUp || !logged) {
                log.warn("PostgreSQL does not answer ({}); requests are refused with DATABASE_UNAVAILABLE until it does",
                        e.getMessage());
            }
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // a connection to a database that went away; nothing to give back
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        if (monitor != null) {
            monitor.interrupt();
        }
    }
}

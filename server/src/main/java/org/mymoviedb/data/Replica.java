package org.mymoviedb.data;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import org.mymoviedb.db.ConnectionSettings;

/**
 * One streaming replica: a small pool of its own, and how far it has replayed the primary's WAL, as
 * {@link ReplicaLag} measures it. Usable while the monitor reaches it and it has replayed everything the primary had
 * written {@code maxLag} ago or later.
 */
final class Replica implements AutoCloseable {

    /** Primary WAL positions the replica has not replayed yet; older ones are dropped (the replica is stale anyway). */
    private static final int PENDING_SAMPLES = 64;

    private record Sample(long primaryLsn, long takenNanos) {
    }

    private final String name;
    private final ConnectionSettings settings;
    private final HikariDataSource pool;
    private final Deque<Sample> pending = new ArrayDeque<>();
    private volatile boolean reachable;
    /** When the newest primary WAL position the replica has replayed was read on the primary (System.nanoTime). */
    private volatile long replayedUpToNanos;
    private volatile boolean everReplayed;

    Replica(String name, ConnectionSettings settings, int poolSize, int statementTimeoutMillis, MeterRegistry metrics) {
        this.name = name;
        this.settings = settings;
        HikariConfig config = Database.poolConfig(settings, poolSize, statementTimeoutMillis, "mymoviedb-" + name);
        // A replica that is down at startup, or goes away, must not stop the service: it is skipped until it answers.
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(1_000);
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        this.pool = new HikariDataSource(config);
    }

    String name() {
        return name;
    }

    ConnectionSettings settings() {
        return settings;
    }

    HikariDataSource pool() {
        return pool;
    }

    /** The monitor read {@code primaryLsn} on the primary at {@code takenNanos}. */
    void primaryWasAt(long primaryLsn, long takenNanos) {
        if (pending.size() == PENDING_SAMPLES) {
            pending.removeFirst();
        }
        pending.addLast(new Sample(primaryLsn, takenNanos));
    }

    /** The monitor read the replica's replay position: every primary position up to it is visible on the replica. */
    void replayedTo(long replayLsn) {
        reachable = true;
        while (!pending.isEmpty() && pending.peekFirst().primaryLsn() <= replayLsn) {
            replayedUpToNanos = pending.removeFirst().takenNanos();
            everReplayed = true;
        }
    }

    /** The monitor could not reach the replica, or it is not replaying (promoted, or not a standby at all). */
    void unreachable() {
        reachable = false;
    }

    /** How far behind the primary the replica is, in milliseconds, or -1 when it is unreachable. */
    long lagMillis() {
        if (!reachable || !everReplayed) {
            return -1;
        }
        return (System.nanoTime() - replayedUpToNanos) / 1_000_000;
    }

    boolean usable(long maxLagMillis) {
        long lag = lagMillis();
        return lag >= 0 && lag <= maxLagMillis;
    }

    @Override
    public void close() {
        pool.close();
    }
}

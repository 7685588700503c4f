package org.mymoviedb.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mymoviedb.db.ConnectionSettings;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how far each replica is behind the primary by WAL position, on connections of its own (never a pool's):
 * every {@link DatabaseHealth#INTERVAL} it reads {@code pg_current_wal_lsn()} on the primary, then
 * {@code pg_last_wal_replay_lsn()} on each replica. Once a replica has replayed a position the primary had at time t,
 * every transaction committed before t is visible there, so the replica's lag is now - t. Unlike
 * {@code now() - pg_last_xact_replay_timestamp()}, this does not grow while the primary is idle.
 */
final class ReplicaLag implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicaLag.class);
    private static final String PRIMARY_POSITION = "SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint";
    /** NULL on a server that is not replaying WAL: a promoted replica, or a primary listed by mistake. */
    private static final String REPLAY_POSITION = "SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint";

    private final List<Replica> replicas;
    private final PGSimpleDataSource primarySource;
    private final List<PGSimpleDataSource> replicaSources = new ArrayList<>();
    private final Connection[] replicaConnections;
    private final Thread monitor;
    private Connection primaryConnection;
    private volatile boolean closed;

    /** Measures once before returning, so replicas that are in step serve reads from the first request. */
    ReplicaLag(ConnectionSettings primary, List<Replica> replicas) {
        this.replicas = replicas;
        this.primarySource = DatabaseHealth.monitorDataSource(primary, "mymoviedb-replica-lag");
        for (Replica replica : replicas) {
            replicaSources.add(DatabaseHealth.monitorDataSource(replica.settings(), "mymoviedb-replica-lag"));
        }
        this.replicaConnections = new Connection[replicas.size()];
        measure();
        this.monitor = new Thread(this::watch, "db-replica-lag");
        monitor.setDaemon(true);
        monitor.start();
    }

    private void watch() {
        while (!closed) {
            try {
                TimeUnit.NANOSECONDS.sleep(DatabaseHealth.INTERVAL.toNanos());
            } catch (InterruptedException e) {
                break;
            }
            measure();
        }
        primaryConnection = close(primaryConnection);
        for (int i = 0; i < replicaConnections.length; i++) {
            replicaConnections[i] = close(replicaConnections[i]);
        }
    }

    private void measure() {
        long takenNanos = System.nanoTime();
        try {
            if (primaryConnection == null) {
                primaryConnection = primarySource.getConnection();
            }
            long primaryLsn = position(primaryConnection, PRIMARY_POSITION);
            replicas.forEach(replica -> replica.primaryWasAt(primaryLsn, takenNanos));
        } catch (SQLException | RuntimeException e) {
            // No new sample: the replicas' lag grows until the primary answers again (requests are refused meanwhile).
            primaryConnection = close(primaryConnection);
        }
        for (int i = 0; i < replicas.size(); i++) {
            Replica replica = replicas.get(i);
            boolean wasUsable = replica.lagMillis() >= 0;
            try {
                if (replicaConnections[i] == null) {
                    replicaConnections[i] = replicaSources.get(i).getConnection();
                }
                Long replayed = position(replicaConnections[i], REPLAY_POSITION);
                if (replayed == null) {
                    replica.unreachable();
                } else {
                    replica.replayedTo(replayed);
                }
            } catch (SQLException | RuntimeException e) {
                replica.unreachable();
                replicaConnections[i] = close(replicaConnections[i]);
                if (wasUsable) {
                    log.warn("Replica {} does not answer ({}); its reads go elsewhere until it does", replica.name(),
                            e.getMessage());
                }
            }
        }
    }

    private static Long position(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            try (ResultSet row = statement.executeQuery(sql)) {
                row.next();
                long value = row.getLong(1);
                return row.wasNull() ? null : value;
            }
        }
    }

    private static Connection close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // a connection to a server that went away; nothing to give back
            }
        }
        return null;
    }

    @Override
    public void close() {
        closed = true;
        monitor.interrupt();
    }
}

package org.mymoviedb.data;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

/**
 * Where every jOOQ statement gets its connection, and so the one place reads are routed: work that
 * {@link ReadRoute} allows on a replica takes a connection from a usable replica (round robin), a write transaction
 * from the primary's pool of writes, a read whose plan does not depend on its values ({@link ReadRoute#keepingPlans})
 * from the primary's pool of kept plans, everything else, and every read while no replica is usable, from the
 * primary.
 */
final class RoutedConnections implements ConnectionProvider {

    private final DataSource primary;
    private final DataSource writes;
    private final DataSource keptPlans;
    private final List<Replica> replicas;
    private final long maxLagMillis;
    private final AtomicInteger next = new AtomicInteger();
    private final Counter primaryReads;
    private final List<Counter> replicaReads;

    /** Publishes mymoviedb.db.reads{target}: connections taken for anonymous reads, by where they came from. */
    RoutedConnections(DataSource primary, DataSource writes, DataSource keptPlans, List<Replica> replicas,
                      long maxLagMillis, MeterRegistry metrics) {
        this.primary = primary;
        this.writes = writes;
        this.keptPlans = keptPlans;
        this.replicas = replicas;
        this.maxLagMillis = maxLagMillis;
        this.primaryReads = reads("primary", metrics);
        this.replicaReads = replicas.stream().map(replica -> reads(replica.name(), metrics)).toList();
        for (Replica replica : replicas) {
            Gauge.builder("mymoviedb.db.replica.lag", replica, Replica::lagMillis).baseUnit("milliseconds")
                    .description("How far the replica is behind the primary; -1 while it does not answer")
                    .tag("target", replica.name()).register(metrics);
        }
    }

    private static Counter reads(String target, MeterRegistry metrics) {
        return Counter.builder("mymoviedb.db.reads").tag("target", target)
                .description("Connections taken for anonymous reads, by the server that served them").register(metrics);
    }

    @Override
    public Connection acquire() {
        try {
            if (ReadRoute.writing()) {
                return writes.getConnection();
            }
            if (ReadRoute.replicaAllowed() && !replicas.isEmpty()) {
                Connection replica = replicaConnection();
                if (replica != null) {
                    return replica;
                }
                primaryReads.increment();
            }
            return ReadRoute.plansKept() ? keptPlans.getConnection() : primary.getConnection();
        } catch (SQLException e) {
            throw new DataAccessException("Could not get a database connection: " + e.getMessage(), e);
        }
    }

    /** A connection from the next usable replica, or null when none is usable or answers. */
    private Connection replicaConnection() {
        int start = Math.floorMod(next.getAndIncrement(), replicas.size());
        for (int i = 0; i < replicas.size(); i++) {
            int index = (start + i) % replicas.size();
            Replica replica = replicas.get(index);
            if (!replica.usable(maxLagMillis)) {
                continue;
            }
            try {
                Connection connection = replica.pool().getConnection();
                replicaReads.get(index).increment();
                return connection;
            } catch (SQLException e) {
                // gone since the monitor last reached it: the next replica, or the primary, answers instead
            }
        }
        return null;
    }

    @Override
    public void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("Could not return a database connection: " + e.getMessage(), e);
        }
    }
}

package org.mymoviedb.config;

import java.util.List;
import org.mymoviedb.db.ConnectionSettings;

/**
 * Streaming replicas of the primary that may answer anonymous reads.
 *
 * @param replicas     postgres:// URLs of the replicas (DATABASE_REPLICA_URLS, comma-separated; default none)
 * @param poolSize     connections per replica (REPLICA_POOL_SIZE, default cores + 1)
 * @param maxLagMillis a replica further behind the primary than this is skipped (REPLICA_MAX_LAG_MS, default 1000)
 */
public record ReplicaConfig(List<ConnectionSettings> replicas, int poolSize, int maxLagMillis) {

    public ReplicaConfig {
        replicas = List.copyOf(replicas);
    }

    /** No replicas: every statement goes to the primary. */
    public static ReplicaConfig none() {
        return new ReplicaConfig(List.of(), 1, 1_000);
    }
}

package org.mymoviedb.config;

/**
 * What one client, and all of them together, may hold of the HTTP server: connections, time, and the threads that
 * check new documents. Sized so that idle or half-sent connections can never take every file descriptor.
 *
 * @param maxConnections          open connections from all clients (MAX_CONNECTIONS, default the open-file limit
 *                                less 1,024 kept for the pool, files and refusals; 10,000 where the limit is unknown)
 * @param maxConnectionsPerClient open connections from one IP address (MAX_CONNECTIONS_PER_CLIENT, 1,000; 0: no
 *                                limit per address, for servers behind a proxy)
 * @param headerTimeoutMillis     from a request's first byte to the end of its headers (REQUEST_HEADER_TIMEOUT_MS,
 *                                10,000)
 * @param bodyTimeoutMillis       from the end of the headers to the end of the body (REQUEST_BODY_TIMEOUT_MS,
 *                                30,000)
 * @param keepAliveTimeoutMillis  how long a connection may wait for its next request (KEEP_ALIVE_TIMEOUT_MS,
 *                                60,000)
 * @param idleTimeoutMillis       how long a connection may read and write nothing at all (IDLE_TIMEOUT_MS, 60,000)
 * @param validationThreads       threads that parse and validate documents not yet cached (VALIDATION_THREADS,
 *                                the number of cores)
 * @param validationQueue         new documents that may wait for them (VALIDATION_QUEUE, 256)
 * @param validationWaitMillis    how long one may wait before it is refused (VALIDATION_QUEUE_MS, 2,000)
 */
public record HttpLimits(
        int maxConnections,
        int maxConnectionsPerClient,
        int headerTimeoutMillis,
        int bodyTimeoutMillis,
        int keepAliveTimeoutMillis,
        int idleTimeoutMillis,
        int validationThreads,
        int validationQueue,
        int validationWaitMillis) {

    /** Descriptors kept back from MAX_CONNECTIONS's default: the database pool, jars, logs, and refusals. */
    public static final int RESERVED_DESCRIPTORS = 1024;

    /** MAX_CONNECTIONS's default: the process's open-file limit less the reserve. */
    public static int defaultMaxConnections() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long limit = unix.getMaxFileDescriptorCount();
            return (int) Math.max(64, Math.min(Integer.MAX_VALUE, limit - RESERVED_DESCRIPTORS));
        }
        return 10_000;
    }
}

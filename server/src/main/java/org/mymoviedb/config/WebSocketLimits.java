package org.mymoviedb.config;

/**
 * What one GraphQL WebSocket connection (graphql-transport-ws on /graphql), and all of them together, may hold.
 *
 * @param maxConnections     WebSocket connections open at once (WS_MAX_CONNECTIONS, default 10,000); each also
 *                           counts as one of MAX_CONNECTIONS
 * @param initTimeoutMillis  from the upgrade to {@code connection_init}; past it the socket closes with 4408
 *                           (WS_CONNECTION_INIT_TIMEOUT_MS, default 10,000)
 * @param pingIntervalMillis how often the server pings; a peer that sent nothing since the last ping is closed
 *                           (WS_PING_INTERVAL_MS, default 15,000; at most a third of IDLE_TIMEOUT_MS)
 * @param idleTimeoutMillis  how long a connection may hold no operation at all before it is closed with 1000
 *                           (WS_IDLE_TIMEOUT_MS, default 300,000)
 * @param maxMessageBytes    the largest message a client may send; a larger one closes the socket with 1009
 *                           (WS_MAX_MESSAGE_BYTES, default MAX_BODY_BYTES)
 * @param maxQueuedBytes     bytes sent to one connection and not yet written to its socket; past them the client
 *                           is a slow consumer and is closed with 1013 (WS_MAX_QUEUED_BYTES, default 1 MiB)
 */
public record WebSocketLimits(int maxConnections, int initTimeoutMillis, int pingIntervalMillis,
                              int idleTimeoutMillis, int maxMessageBytes, int maxQueuedBytes) {

    public static WebSocketLimits defaults(int maxBodyBytes) {
        return new WebSocketLimits(10_000, 10_000, 15_000, 300_000, maxBodyBytes, 1024 * 1024);
    }
}

package org.mymoviedb.http;

/**
 * The close codes a GraphQL WebSocket connection ends with: graphql-transport-ws's own (44xx, 4500) and the
 * RFC 6455 ones we use. graphql-ws clients reconnect after 1000, 1001, 1013 and 4403, and give up after the rest.
 */
enum WebSocketClose {
    /** Idle (no operation for WS_IDLE_TIMEOUT_MS), or the client closed. */
    NORMAL(1000),
    /** The server is stopping. */
    GOING_AWAY(1001),
    /** A message longer than WS_MAX_MESSAGE_BYTES. */
    MESSAGE_TOO_BIG(1009),
    /** Slow consumer (SLOW_CONSUMER, EVENT_RATE_LIMIT): reconnect and resume with extensions.lastEventId. */
    TRY_AGAIN_LATER(1013),
    /** A message that is not JSON, of an unknown type, or without the fields its type needs. */
    BAD_REQUEST(4400),
    /** {@code subscribe} before the server acknowledged {@code connection_init}. */
    UNAUTHORIZED(4401),
    /** {@code connection_init}'s token is expired, revoked or unknown: sign in again, then reconnect. */
    FORBIDDEN(4403),
    /** The client did not offer the graphql-transport-ws subprotocol. */
    SUBPROTOCOL_NOT_ACCEPTABLE(4406),
    /** No {@code connection_init} within WS_CONNECTION_INIT_TIMEOUT_MS. */
    CONNECTION_INITIALISATION_TIMEOUT(4408),
    /** {@code subscribe} with the id of an operation still running on this connection. */
    SUBSCRIBER_ALREADY_EXISTS(4409),
    /** A second {@code connection_init}. */
    TOO_MANY_INITIALISATION_REQUESTS(4429),
    /** Our fault; the log has the details. */
    INTERNAL_SERVER_ERROR(4500);

    private final int code;

    WebSocketClose(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}

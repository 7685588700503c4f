package org.mymoviedb.base;

/** The stable codes clients see in {@code extensions.code}. */
public enum ErrorCode {
    /** first/last outside 0..100. */
    PAGE_SIZE_OUT_OF_RANGE,
    /** A cursor this server did not hand out, or one from another ordering. */
    INVALID_CURSOR,
    /** An ID that is not one of ours. */
    INVALID_ID,
    /** A well-formed ID with nothing behind it. */
    NOT_FOUND,
    /** No valid session: sign in (again). */
    UNAUTHENTICATED,
    /** Signed in, but the role does not allow this. */
    FORBIDDEN,
    /** Any other argument a client must change. */
    BAD_USER_INPUT,
    /** The document is not GraphQL. */
    GRAPHQL_PARSE_FAILED,
    /** The document does not fit the schema. */
    GRAPHQL_VALIDATION_FAILED,
    /** The HTTP request itself is unusable (bad JSON, no query). */
    BAD_REQUEST,
    /** A method /graphql does not take, such as a mutation over GET. */
    METHOD_NOT_ALLOWED,
    /** The Accept header names no media type this server writes. */
    NOT_ACCEPTABLE,
    /** A Content-Type other than application/json. */
    UNSUPPORTED_MEDIA_TYPE,
    /** The request body is over the limit. */
    PAYLOAD_TOO_LARGE,
    /** A batch (a JSON array of operations) holds more operations than MAX_BATCH_SIZE. */
    MAX_BATCH_SIZE_EXCEEDED,
    /** The request (its headers or body) did not arrive in time (HTTP 408). */
    REQUEST_TIMEOUT,
    /** This client, or all clients together, hold as many connections as the server allows (HTTP 503). */
    TOO_MANY_CONNECTIONS,
    /** The server is stopping and takes no new requests; retry on another instance (HTTP 503). */
    SHUTTING_DOWN,
    /** The document nests fields deeper than allowed. */
    MAX_DEPTH_EXCEEDED,
    /** The document would resolve more fields than allowed (list sizes multiplied in). */
    MAX_COMPLEXITY_EXCEEDED,
    /** Too many aliased fields. */
    MAX_ALIASES_EXCEEDED,
    /** Too many top-level fields. */
    MAX_ROOT_FIELDS_EXCEEDED,
    /** The document is longer than the parser reads. */
    MAX_TOKENS_EXCEEDED,
    /** A selection set holds more fields than allowed, its fragments spread in. */
    MAX_SELECTION_FIELDS_EXCEEDED,
    /** Introspection is switched off on this server. */
    INTROSPECTION_DISABLED,
    /** An introspection query that repeats its fields far beyond what any tool asks (graphql-java's good-faith check). */
    INTROSPECTION_NOT_IN_GOOD_FAITH,
    /** A database statement ran past its time limit and was cancelled. */
    STATEMENT_TIMEOUT,
    /** An automatic persisted query this server does not know: send it again with its text. */
    PERSISTED_QUERY_NOT_FOUND,
    /** A persisted query's text does not match its sha256Hash. */
    PERSISTED_QUERY_HASH_MISMATCH,
    /** In allow-list mode, a document that is not on the list. */
    PERSISTED_QUERY_NOT_ALLOWED,
    /** A browser page from an origin not in CORS_ALLOWED_ORIGINS. */
    ORIGIN_NOT_ALLOWED,
    /** The database queue is full; retry shortly. */
    SERVER_BUSY,
    /** PostgreSQL does not answer right now; retry after the Retry-After seconds (HTTP 503). */
    DATABASE_UNAVAILABLE,
    /** A subscriber that did not keep up: more events waited for it than LIVE_MAX_QUEUED_EVENTS; its stream ends. */
    SLOW_CONSUMER,
    /** Last-Event-ID names an event older than the resume window (LIVE_RETENTION, LIVE_RESUME_MAX_EVENTS). */
    RESUME_TOO_OLD,
    /** As many subscriptions as allowed are open (LIVE_MAX_SUBSCRIPTIONS, LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION). */
    SUBSCRIPTION_LIMIT,
    /** A connection was sent more events a second than LIVE_MAX_EVENTS_PER_SECOND. */
    EVENT_RATE_LIMIT,
    /** A subscription asked for a single JSON answer: subscribe with Accept: text/event-stream or a WebSocket. */
    SUBSCRIPTION_NEEDS_STREAM,
    /** Our fault; the log has the details. */
    INTERNAL_SERVER_ERROR
}

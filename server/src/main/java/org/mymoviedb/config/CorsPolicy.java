package org.mymoviedb.config;

import java.util.List;

/**
 * Which browser pages may call the API, with which request headers, and whether with the user's cookies and
 * credentials.
 *
 * @param allowedOrigins   origins whose pages may call (CORS_ALLOWED_ORIGINS, comma-separated; "*" for any;
 *                         default none)
 * @param allowedHeaders   request headers such pages may send (CORS_ALLOWED_HEADERS, comma-separated; default
 *                         {@link #DEFAULT_HEADERS}: the API's own plus tracing and Apollo's client identification)
 * @param allowCredentials answer {@code Access-Control-Allow-Credentials: true} (CORS_ALLOW_CREDENTIALS, default
 *                         false); only with listed origins, never with "*"
 */
public record CorsPolicy(List<String> allowedOrigins, List<String> allowedHeaders, boolean allowCredentials) {

    /** What browser clients send: the API's headers, W3C trace context and baggage, Sentry's, request ids, Apollo's. */
    public static final List<String> DEFAULT_HEADERS = List.of("Content-Type", "Authorization", "Accept",
            "Last-Event-ID",
            "traceparent", "tracestate", "baggage", "sentry-trace", "x-request-id",
            "apollographql-client-name", "apollographql-client-version");

    public CorsPolicy {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHeaders = List.copyOf(allowedHeaders);
        // The Fetch standard ignores credentials with "*", so a browser would fail every such call: say so now.
        if (allowCredentials && (allowedOrigins.isEmpty() || allowedOrigins.contains("*"))) {
            throw new IllegalArgumentException("CORS_ALLOW_CREDENTIALS=true needs CORS_ALLOWED_ORIGINS to list the "
                    + "origins (browsers refuse credentials with \"*\"), not "
                    + (allowedOrigins.isEmpty() ? "none" : String.join(",", allowedOrigins)));
        }
    }

    /** Any page may call, with the default headers and no credentials. */
    public static CorsPolicy anyOrigin() {
        return new CorsPolicy(List.of("*"), DEFAULT_HEADERS, false);
    }
}

package org.mymoviedb.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.List;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.config.CorsPolicy;

/**
 * Lets browser pages from the configured origins call the API: answers preflights and marks responses for them.
 * Requests without an Origin (curl, the desktop admin) pass untouched.
 */
public final class CorsHandler implements HttpHandler {

    private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
    private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
    private static final HttpString ALLOW_CREDENTIALS = new HttpString("Access-Control-Allow-Credentials");
    private static final HttpString EXPOSE_HEADERS = new HttpString("Access-Control-Expose-Headers");
    private static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
    private static final HttpString REQUEST_METHOD = new HttpString("Access-Control-Request-Method");
    private static final HttpString VARY = new HttpString("Vary");

    // What a page's script may read of an answer besides the basic headers: when to retry, and the validator.
    private static final String EXPOSED = "Retry-After, ETag";

    private final List<String> allowedOrigins;
    private final String allowedHeaders;
    private final boolean credentials;
    private final HttpHandler next;

    public CorsHandler(CorsPolicy policy, HttpHandler next) {
        this.allowedOrigins = policy.allowedOrigins();
        this.allowedHeaders = String.join(", ", policy.allowedHeaders());
        this.credentials = policy.allowCredentials();
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        boolean preflight = exchange.getRequestMethod().equals(Methods.OPTIONS)
                && exchange.getRequestHeaders().contains(REQUEST_METHOD);
        if (origin == null) {
            next.handleRequest(exchange);
            return;
        }
        exchange.getResponseHeaders().add(VARY, "Origin");
        if (!allowed(origin)) {
            if (preflight) {
                ResponseFormat.sendProblemAsJson(exchange, new HttpProblem(403, ErrorCode.ORIGIN_NOT_ALLOWED,
                        "Pages from " + origin + " may not call this API; see CORS_ALLOWED_ORIGINS"));
            } else {
                next.handleRequest(exchange); // the browser withholds the answer: no Allow-Origin header
            }
            return;
        }
        exchange.getResponseHeaders().put(ALLOW_ORIGIN, allowedOrigins.contains("*") ? "*" : origin);
        if (credentials) {
            exchange.getResponseHeaders().put(ALLOW_CREDENTIALS, "true");
        }
        if (preflight) {
            exchange.getResponseHeaders().put(ALLOW_METHODS, "GET, POST, OPTIONS");
            exchange.getResponseHeaders().put(ALLOW_HEADERS, allowedHeaders);
            exchange.getResponseHeaders().put(MAX_AGE, "600");
            exchange.setStatusCode(204);
            exchange.endExchange();
            return;
        }
        exchange.getResponseHeaders().put(EXPOSE_HEADERS, EXPOSED);
        next.handleRequest(exchange);
    }

    private boolean allowed(String origin) {
        return allowedOrigins.contains("*") || allowedOrigins.contains(origin);
    }
}

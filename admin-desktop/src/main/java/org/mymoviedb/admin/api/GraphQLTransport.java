package org.mymoviedb.admin.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts one GraphQL request and hands back the answer only if it is one: every other outcome (no connection, no
 * answer in time, a redirect, an empty body, an HTML page, a request-level error) becomes an ApiException whose
 * message names the server, so a wrong URL is something the editor can see and fix.
 */
final class GraphQLTransport {

    private final JsonMapper json;
    private final HttpClient http;
    private final Duration timeout;

    GraphQLTransport(JsonMapper json, Duration timeout) {
        this.json = json;
        this.timeout = timeout;
        // Redirects are not followed: a POST turned into a GET would lose the request, and a URL that redirects
        // is one the editor should correct, so the message names where it points.
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The answer's top level, which has a {@code data} object or a non-empty {@code errors} array. */
    JsonNode post(URI endpoint, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ApiException(ApiException.TIMEOUT, "The server at " + endpoint + " did not answer within "
                    + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new ApiException(ApiException.UNREACHABLE, "Cannot reach the server at " + endpoint + " ("
                    + whyUnreachable(endpoint, e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ApiException.UNREACHABLE, "Interrupted while calling " + endpoint);
        }
        return answer(endpoint, response);
    }

    private JsonNode answer(URI endpoint, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        JsonNode answer = null;
        if (!body.isBlank()) {
            try {
                answer = json.readTree(body);
            } catch (JacksonException e) {
                answer = null;
            }
        }
        JsonNode errors = answer == null ? null : answer.path("errors");
        boolean hasErrors = errors != null && errors.isArray() && !errors.isEmpty();
        boolean hasData = answer != null && answer.path("data").isObject();
        if (!hasErrors && !hasData) {
            throw notGraphQL(endpoint, response, body, answer);
        }
        if (hasErrors && response.statusCode() != 200) {
            // Refused before GraphQL ran (no such path, wrong method, the server's own failure): say by whom.
            JsonNode first = errors.get(0);
            throw new ApiException(response.statusCode() == 401 ? ApiException.UNAUTHENTICATED
                    : first.path("extensions").path("code").asString("INTERNAL_SERVER_ERROR"),
                    endpoint + " answered HTTP " + response.statusCode() + ": " + first.path("message").asString());
        }
        return answer;
    }

    private static ApiException notGraphQL(URI endpoint, HttpResponse<String> response, String body, JsonNode answer) {
        int status = response.statusCode();
        StringBuilder what = new StringBuilder("HTTP ").append(status);
        response.headers().firstValue("Location").ifPresent(location -> what.append(", redirect to ").append(location));
        what.append(", ").append(body.isBlank() ? "empty body"
                : answer != null ? "JSON without GraphQL data or errors"
                : looksLikeHtml(response, body) ? "an HTML page" : "a body that is not JSON");
        // A proxy's 502/503 page while the server restarts is worth a retry; a wrong URL is not.
        String code = status == 401 ? ApiException.UNAUTHENTICATED
                : status >= 500 ? ApiException.UNREACHABLE : ApiException.NOT_GRAPHQL;
        return new ApiException(code, endpoint + " did not answer as a mymoviedb GraphQL API (" + what + ")");
    }

    private static boolean looksLikeHtml(HttpResponse<String> response, String body) {
        return response.headers().firstValue("Content-Type").orElse("").contains("html")
                || body.stripLeading().startsWith("<");
    }

    /** The reason, in words: the JDK's own messages are often empty and hide the cause a level down. */
    private static String whyUnreachable(URI endpoint, IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "unknown host " + endpoint.getHost();
            }
            if (cause instanceof SSLException) {
                return "TLS failed: " + cause.getMessage();
            }
        }
        boolean notConnected = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException && cause.getMessage() != null) {
                return cause.getMessage();
            }
            notConnected |= cause instanceof ConnectException;
        }
        return notConnected ? "connection refused"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

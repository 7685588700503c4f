package org.mymoviedb.admin.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue's changes as they happen: the {@code catalogueChanged} subscription over GraphQL over
 * Server-Sent Events (graphql-sse, distinct connections), resumed after a given event id; and, for a server that
 * has no push, the movies changed since an instant, which the live feed polls instead.
 */
public final class CatalogueEvents {

    /** The server (or something in front of it) answers subscriptions with no event stream: poll instead. */
    public static final String NO_PUSH = "NO_PUSH";
    /** The server no longer has the events after the id given: what was missed must be read afresh. */
    public static final String RESUME_TOO_OLD = "RESUME_TOO_OLD";
    /** The server has as many subscriptions as it takes: poll for a while, then subscribe again. */
    public static final String SUBSCRIPTION_LIMIT = "SUBSCRIPTION_LIMIT";
    /** Refusals that will pass: wait, then subscribe again. */
    private static final Set<String> PASSING = Set.of(SUBSCRIPTION_LIMIT, "EVENT_RATE_LIMIT", "SLOW_CONSUMER",
            "SERVER_BUSY", ApiException.UNREACHABLE, ApiException.TIMEOUT, RESUME_TOO_OLD);

    /** One page of movies changed since an instant, oldest change first. */
    public record ChangedMovies(List<CatalogueChange> changes, boolean hasNextPage, String endCursor) {
    }

    private final CatalogueClient client;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final HttpClient http;
    private volatile InputStream open;
    /** When the open stream last sent anything, a keep-alive comment included (System.nanoTime). */
    private volatile long lastSign;

    public CatalogueEvents(CatalogueClient client, Duration connectTimeout) {
        this.client = client;
        // HTTP/1.1: an event stream is one long answer, and no upgrade dance is worth having in front of it.
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Subscribes, after {@code lastEventId} when given, runs {@code opened} once the server has answered with an
     * event stream, and hands each change to {@code sink} on the calling thread until the server completes it. Blocks. Throws an ApiException coded {@link #NO_PUSH} when
     * the server has no push, UNREACHABLE when the connection fails or drops, and the server's code when it
     * refuses or ends the stream with an error.
     */
    public void stream(String lastEventId, Runnable opened, Consumer<CatalogueChange> sink) {
        URI endpoint = client.endpoint();
        String body = json.writeValueAsString(Map.of("query", CatalogueClient.document("CatalogueChanged"),
                "variables", Map.of(), "operationName", "CatalogueChanged"));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        String token = client.token();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ApiException(ApiException.UNREACHABLE, "Cannot reach the server at " + endpoint + " (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ApiException.UNREACHABLE, "Interrupted while subscribing at " + endpoint);
        }
        try (InputStream in = response.body()) {
            lastSign = System.nanoTime();
            open = in;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() != 200 || !type.startsWith("text/event-stream")) {
                throw refusal(endpoint, response.statusCode(), in.readAllBytes());
            }
            opened.run();
            read(endpoint, in, sink);
        } catch (IOException e) {
            throw new ApiException(ApiException.UNREACHABLE, "The live stream from " + endpoint + " dropped (" + e + ")");
        } finally {
            open = null;
        }
    }

    /**
     * How long the open stream has said nothing, not even a keep-alive; zero while none is open. A connection that
     * died without closing (a laptop woken elsewhere) shows here, since reading it would wait for ever.
     */
    public Duration silence() {
        return open == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - lastSign);
    }

    /** Ends the stream in progress, from any thread: {@link #stream} returns or throws soon after. */
    public void close() {
        InputStream in = open;
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // Closing is all that was asked; a stream that fails to close is gone either way.
            }
        }
    }

    private void read(URI endpoint, InputStream in, Consumer<CatalogueChange> sink) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String event = null;
        String id = null;
        StringBuilder data = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lastSign = System.nanoTime();
            if (line.isEmpty()) {
                if ("complete".equals(event)) {
                    return;
                }
                if (!data.isEmpty()) {
                    dispatch(id, data.toString(), sink);
                }
                event = null;
                id = null;
                data.setLength(0);
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            value = value.startsWith(" ") ? value.substring(1) : value;
            switch (field) {
                case "event" -> event = value;
                case "id" -> id = value;
                case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
                default -> { }
            }
        }
        if ("complete".equals(event)) {
            return;
        }
        throw new ApiException(ApiException.UNREACHABLE, "The live stream from " + endpoint + " ended unfinished");
    }

    private void dispatch(String frameId, String data, Consumer<CatalogueChange> sink) {
        JsonNode result;
        try {
            result = json.readTree(data);
        } catch (JacksonException e) {
            throw new ApiException(ApiException.NOT_GRAPHQL, "The live stream sent an event that is not JSON");
        }
        JsonNode node = result.path("data").path("catalogueChanged");
        if (!node.isObject()) {
            // An error ends the stream (a slow consumer, a resume too old): said with its code.
            JsonNode first = result.path("errors").path(0);
            throw new ApiException(first.path("extensions").path("code").asString("INTERNAL_SERVER_ERROR"),
                    first.path("message").asString("The live stream ended with an error"));
        }
        sink.accept(change(node, frameId));
    }

    private CatalogueChange change(JsonNode node, String frameId) {
        String type = node.path("entityType").asString();
        JsonNode entity = node.path("entity");
        Movie movie = null;
        NamedRef name = null;
        if (entity.isObject() && CatalogueChange.MOVIE.equals(type)) {
            movie = json.treeToValue(entity, Movie.class);
        } else if (entity.isObject() && entity.has("name")) {
            name = json.treeToValue(entity, NamedRef.class);
        }
        List<String> fields = new ArrayList<>();
        node.path("changedFields").forEach(field -> fields.add(field.asString()));
        String eventId = text(node.get("id"));
        return new CatalogueChange(eventId != null ? eventId : frameId, node.path("kind").asString(), type,
                text(node.get("entityId")), node.path("version").isNumber() ? node.get("version").asInt() : null,
                instant(node.get("at")), text(node.get("username")), fields, movie, name);
    }

    private ApiException refusal(URI endpoint, int status, byte[] body) {
        if (status == 401) {
            return new ApiException(ApiException.UNAUTHENTICATED, endpoint + " refused the session (HTTP 401)");
        }
        String code = null;
        String message = "";
        try {
            JsonNode first = json.readTree(body).path("errors").path(0);
            code = first.path("extensions").path("code").asString(null);
            message = first.path("message").asString("");
        } catch (JacksonException e) {
            // Not JSON: the status says enough.
        }
        if (code != null && PASSING.contains(code)) {
            return new ApiException(code, message);
        }
        if (status >= 500 || status == 429) {
            return new ApiException(ApiException.UNREACHABLE, endpoint + " answered HTTP " + status);
        }
        // 400, 404, 405, 406, 415, or a plain answer: no push here, whatever the reason.
        return new ApiException(NO_PUSH, endpoint + " has no live updates (HTTP " + status
                + (message.isEmpty() ? "" : ": " + message) + ")");
    }

    // --- polling, for a server without push ------------------------------------------------------------------

    /** When the newest movie change happened, by the server's clock; null for an empty catalogue. */
    public Instant lastMovieChange() {
        JsonNode edges = client.call("LastMovieChange", Map.of()).path("movies").path("edges");
        return edges.isEmpty() ? null : instant(edges.get(0).path("node").get("updatedAt"));
    }

    /** The movies changed at or after {@code since}, oldest change first: {@code after} null for the first page. */
    public ChangedMovies moviesChangedSince(Instant since, String after) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("since", since == null ? null : since.toString());
        variables.put("after", after);
        JsonNode movies = client.call("MoviesChangedSince", variables).path("movies");
        List<CatalogueChange> changes = new ArrayList<>();
        for (JsonNode edge : movies.path("edges")) {
            JsonNode node = edge.get("node");
            Movie movie = json.treeToValue(node, Movie.class);
            JsonNode last = node.path("history").path("edges").path(0).path("node");
            List<String> fields = new ArrayList<>();
            last.path("changes").forEach(change -> fields.add(change.path("field").asString()));
            boolean created = node.path("createdAt").asString().equals(node.path("updatedAt").asString());
            changes.add(new CatalogueChange(null, created ? CatalogueChange.CREATED : CatalogueChange.UPDATED,
                    CatalogueChange.MOVIE, movie.id(), movie.version(), instant(node.get("updatedAt")),
                    text(last.get("username")), fields, movie, null));
        }
        JsonNode pageInfo = movies.path("pageInfo");
        return new ChangedMovies(changes, pageInfo.path("hasNextPage").asBoolean(), text(pageInfo.get("endCursor")));
    }

    private static Instant instant(JsonNode node) {
        String text = text(node);
        return text == null ? null : OffsetDateTime.parse(text).toInstant();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}

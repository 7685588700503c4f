package org.mymoviedb.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.mymoviedb.http.Json;
import tools.jackson.databind.JsonNode;

/**
 * A graphql-sse client (distinct connections mode) over java.net.http, for tests: subscribes with a POST and
 * {@code Accept: text/event-stream}, and reads the events on a thread of its own into a queue.
 */
public final class SseClient implements AutoCloseable {

    /** One event of the stream: its {@code event:} name, its {@code id:} (or null) and its data (or null). */
    public record Event(String event, String id, JsonNode data) {
    }

    /** What the stream's end looks like in the queue. */
    public static final Event END = new Event("<end of stream>", null, null);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HttpResponse<InputStream> response;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile int comments;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        if (response.statusCode() == 200) {
            reader.start();
        }
    }

    /** The same, with further request headers (name, value, name, value...): forwarding headers, say. */
    public static SseClient subscribe(URI graphql, String query, Map<String, Object> variables, String token,
                               String lastEventId, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(graphql)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(
                        Map.of("query", query, "variables", variables))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static SseClient subscribe(URI graphql, String query, Map<String, Object> variables) {
        return subscribe(graphql, query, variables, null, null);
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The JSON body of a refused subscription. */
    public JsonNode refusal() {
        try (InputStream body = response.body()) {
            return Json.MAPPER.readTree(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next event, waiting up to {@code timeout}; null when none came. */
    public Event next(Duration timeout) {
        try {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next {@code event: next}, failing the test when none comes within 10 seconds. */
    public Event nextEvent() {
        Event e = next(Duration.ofSeconds(10));
        if (e == null) {
            throw new AssertionError("no event within 10 s");
        }
        return e;
    }

    /** Events already received and not taken. */
    public int waiting() {
        return events.size();
    }

    /** Keep-alive comments received. */
    public int comments() {
        return comments;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String id = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (event != null || data != null) {
                        String text = data == null ? "" : data.toString();
                        events.add(new Event(event == null ? "message" : event, id,
                                text.isBlank() ? null : Json.MAPPER.readTree(text)));
                    }
                    event = null;
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments++;
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).trim());
                }
            }
        } catch (IOException closed) {
            // the stream ended or close() cut it
        } finally {
            events.add(END);
        }
    }

    /** Drops the connection, as a client that goes away does. */
    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // gone anyway
        }
        reader.interrupt();
    }
}

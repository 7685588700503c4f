package org.mymoviedb.admin.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Something at a URL that is not the catalogue's API: answers every request with one canned status, headers and
 * body (a redirect, an empty 200, an HTML page), or only after a pause, as a wrong URL or a proxy would.
 */
public final class CannedServer implements AutoCloseable {

    private final HttpServer server;
    private volatile Answer answer = new Answer(200, Map.of(), "", 0);

    private record Answer(int status, Map<String, String> headers, String body, long delayMillis) {
    }

    public CannedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                Answer now = answer;
                exchange.getRequestBody().readAllBytes();
                if (now.delayMillis() > 0) {
                    Thread.sleep(now.delayMillis());
                }
                now.headers().forEach(exchange.getResponseHeaders()::add);
                byte[] body = now.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(now.status(), body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** From now on every request gets this answer. */
    public CannedServer answers(int status, Map<String, String> headers, String body) {
        answer = new Answer(status, headers, body, 0);
        return this;
    }

    /** From now on every request waits this long, then gets an empty 200. */
    public CannedServer answersAfter(long delayMillis) {
        answer = new Answer(200, Map.of(), "", delayMillis);
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

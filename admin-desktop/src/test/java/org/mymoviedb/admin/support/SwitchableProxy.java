package org.mymoviedb.admin.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Stands between the app and the real server so a test can take the server away: {@link #down()} refuses
 * connections, {@link #slow()} answers too late, {@link #up()} passes everything through again.
 */
public final class SwitchableProxy implements AutoCloseable {

    private final URI target;
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private HttpServer server;
    private volatile long delayMillis;

    public SwitchableProxy(URI target) {
        this.target = target;
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/graphql");
    }

    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void slow(long millis) {
        up();
        delayMillis = millis;
    }

    public synchronized void up() {
        delayMillis = 0;
        if (server == null) {
            server = listen(port);
        }
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
            listener.createContext("/", this::forward);
            listener.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            listener.start();
            return listener;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()))
                    .header("Content-Type", "application/json");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.statusCode(), response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        down();
    }
}

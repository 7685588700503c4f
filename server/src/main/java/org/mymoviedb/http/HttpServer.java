package org.mymoviedb.http;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.InetSocketAddress;
import java.util.Map;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.config.ServerConfig;
import org.mymoviedb.graphql.ResponseErrors;
import org.xnio.Options;

/** The Undertow server: routes, limits, and a shutdown that lets in-flight requests finish. */
public final class HttpServer {

    private final Undertow undertow;
    private final GracefulShutdownHandler graceful;
    private final String host;
    private final int port;

    public HttpServer(ServerConfig config, Map<String, HttpHandler> routes) {
        var paths = Handlers.path(exchange -> Json.send(exchange, 404,
                ResponseErrors.requestError(ErrorCode.NOT_FOUND, "No such path; the API is at /graphql")));
        routes.forEach(paths::addExactPath);
        this.host = config.host();
        this.port = config.port();
        this.graceful = Handlers.gracefulShutdown(new CorsHandler(config.corsAllowedOrigins(), paths));
        this.undertow = Undertow.builder()
                .addHttpListener(config.port(), config.host())
                .setIoThreads(config.ioThreads())
                // Handlers never block, so no worker threads beyond Undertow's minimum are needed.
                .setWorkerThreads(2)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, config.limits().maxBodyBytes())
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, true)
                .setSocketOption(Options.BACKLOG, 4096)
                .setHandler(graceful)
                .build();
    }

    public void start() {
        try {
            undertow.start();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof java.net.BindException) {
                throw new IllegalStateException("Cannot listen on " + host + ":" + port + " ("
                        + e.getCause().getMessage() + "); set PORT to a free port", e);
            }
            throw e;
        }
    }

    /** The port actually listened on (the configured one, or the one chosen for port 0). */
    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** Refuses new requests, waits up to {@code graceMillis} for those in flight, then stops. */
    public void stop(long graceMillis) throws InterruptedException {
        graceful.shutdown();
        graceful.awaitShutdown(graceMillis);
        undertow.stop();
    }
}

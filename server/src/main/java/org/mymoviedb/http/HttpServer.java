package org.mymoviedb.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.config.HttpLimits;
import org.mymoviedb.config.ServerConfig;
import org.mymoviedb.graphql.ResponseErrors;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * The HTTP server: Undertow's HTTP/1.1 listener on an XNIO worker of our own, so every accepted connection passes
 * the {@link ConnectionGate} (connection limits, coded answers to Undertow's own refusals) before Undertow sees it;
 * timeouts for headers, bodies, keep-alive and idleness; routes; and a shutdown that lets in-flight requests finish
 * (and closes WebSocket connections with 1001).
 */
public final class HttpServer {

    private final ServerConfig config;
    private final ShutdownDrain drain;
    private final HttpOpenListener openListener;
    private final ConnectionGate gate;
    private final ByteBufferPool buffers;
    /** WebSocket endpoints among the routes: told to close their connections when the server stops. */
    private final java.util.List<GraphQLWebSocket> webSockets;
    private XnioWorker worker;
    private AcceptingChannel<StreamConnection> listener;

    public HttpServer(ServerConfig config, Map<String, HttpHandler> routes, MeterRegistry metrics) {
        this.config = config;
        HttpLimits limits = config.http();
        var paths = Handlers.path(exchange -> Json.send(exchange, 404,
                ResponseErrors.requestError(ErrorCode.NOT_FOUND, "No such path; the API is at /graphql")));
        routes.forEach(paths::addExactPath);
        this.webSockets = routes.values().stream().filter(GraphQLWebSocket.class::isInstance)
                .map(GraphQLWebSocket.class::cast).toList();
        this.drain = new ShutdownDrain(new ForwardedClients(new BodyDeadline(new CorsHandler(config.cors(),
                Compression.around(paths)),
                limits.bodyTimeoutMillis()), config.trustedProxies(), limits.maxConnectionsPerClient()));
        // Undertow's own sizing: 16 KiB direct buffers once the heap allows (-Xmx256m does).
        boolean big = Runtime.getRuntime().maxMemory() >= 128L * 1024 * 1024;
        this.buffers = new DefaultByteBufferPool(big, big ? 16 * 1024 - 20 : 1024, -1, 4);
        this.openListener = new HttpOpenListener(buffers, OptionMap.builder()
                // Off (Undertow's builder turns it on): with it, a response is held in a buffer while bytes of a
                // next request are already in, to be written together with the next response; when those bytes
                // never make a whole request (stray bytes after a GET, or after a POST without Content-Length),
                // Undertow never flushes the held response and the header timeout closes the connection with the
                // answer unsent. Pipelining clients are rare; each response now goes out when it is done.
                .set(UndertowOptions.BUFFER_PIPELINED_DATA, false)
                .set(UndertowOptions.MAX_ENTITY_SIZE, RequestBody.undertowCutOff(config.limits().maxBodyBytes()))
                .set(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, true)
                .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, limits.headerTimeoutMillis())
                .set(UndertowOptions.NO_REQUEST_TIMEOUT, limits.keepAliveTimeoutMillis())
                .set(UndertowOptions.IDLE_TIMEOUT, limits.idleTimeoutMillis())
                .getMap());
        openListener.setRootHandler(drain);
        this.gate = new ConnectionGate(openListener, limits.maxConnections(), limits.maxConnectionsPerClient(),
                config.trustedProxies(), metrics);
    }

    public void start() {
        Xnio xnio = Xnio.getInstance(Undertow.class.getClassLoader());
        try {
            worker = xnio.createWorker(OptionMap.builder()
                    .set(Options.WORKER_IO_THREADS, config.ioThreads())
                    // Handlers never block, so no worker threads beyond a minimum are needed.
                    .set(Options.WORKER_TASK_CORE_THREADS, 2)
                    .set(Options.WORKER_TASK_MAX_THREADS, 2)
                    .set(Options.TCP_NODELAY, true)
                    .set(Options.CORK, true)
                    // The gate limits connections; XNIO's own water marks would stop accepting instead.
                    .set(Options.CONNECTION_HIGH_WATER, 1_000_000)
                    .set(Options.CONNECTION_LOW_WATER, 1_000_000)
                    .getMap());
            listener = worker.createStreamConnectionServer(new InetSocketAddress(config.host(), config.port()),
                    ChannelListeners.openListenerAdapter(gate), OptionMap.builder()
                            .set(Options.WORKER_IO_THREADS, worker.getIoThreadCount())
                            .set(Options.TCP_NODELAY, true)
                            .set(Options.REUSE_ADDRESSES, true)
                            .set(Options.BALANCING_TOKENS, 1)
                            .set(Options.BALANCING_CONNECTIONS, 2)
                            .set(Options.BACKLOG, 4096)
                            .set(Options.READ_TIMEOUT, config.http().idleTimeoutMillis())
                            .set(Options.WRITE_TIMEOUT, config.http().idleTimeoutMillis())
                            .getMap());
            listener.resumeAccepts();
        } catch (IOException e) {
            if (worker != null) {
                worker.shutdownNow();
            }
            if (e instanceof java.net.BindException) {
                throw new IllegalStateException("Cannot listen on " + config.host() + ":" + config.port() + " ("
                        + e.getMessage() + "); set PORT to a free port", e);
            }
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The port actually listened on (the configured one, or the one chosen for port 0). */
    public int port() {
        return listener.getLocalAddress(InetSocketAddress.class).getPort();
    }

    /** Refuses new requests, waits up to {@code graceMillis} for those in flight, then stops. */
    public void stop(long graceMillis) throws InterruptedException {
        drain.shutdown();
        webSockets.forEach(GraphQLWebSocket::shutdown);
        drain.awaitShutdown(graceMillis);
        IoUtils.safeClose(listener);
        worker.shutdown();
        if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
        buffers.close();
    }
}

package org.mymoviedb.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.config.TrustedProxies;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.conduits.ConduitStreamSinkChannel;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * Every accepted connection passes here before Undertow sees it: at most {@code maxConnections} open in all and
 * {@code maxPerClient} from one IP address other than a trusted proxy's. The listener never stops accepting; a
 * connection over a limit is answered at once with a coded JSON 503 and closed, so refusing costs a descriptor for a moment only. At most
 * {@link #MAX_REFUSING} are being refused at a time (the rest are closed unanswered), which is the reserve of
 * descriptors refusals may use. Admitted connections get the {@link CodedErrorConduit}.
 */
final class ConnectionGate implements ChannelListener<StreamConnection> {

    /** Refusals under way at once: each holds its descriptor until its answer is out and the client is done. */
    static final int MAX_REFUSING = 256;
    /** How long a refused client may take to finish sending before its connection is closed. */
    private static final long LINGER_MILLIS = 2_000;
    /** What a refused client may send meanwhile; read and thrown away, so closing does not reset the answer. */
    private static final long LINGER_BYTES = 64 * 1024;

    private final ChannelListener<StreamConnection> next;
    private final int maxConnections;
    private final int maxPerClient;
    private final TrustedProxies trusted;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger refusing = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> perClient = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();

    /**
     * {@code maxPerClient} 0 means no limit per address; {@code trusted} proxies' connections are not held to it
     * ({@link ForwardedClients} holds their clients to it instead). Publishes mymoviedb_http_connections_*.
     */
    ConnectionGate(ChannelListener<StreamConnection> next, int maxConnections, int maxPerClient,
                   TrustedProxies trusted, MeterRegistry metrics) {
        this.next = next;
        this.trusted = trusted;
        this.maxConnections = maxConnections;
        this.maxPerClient = maxPerClient;
        Gauge.builder("mymoviedb.http.connections.open", open, AtomicInteger::get)
                .description("HTTP connections open now").register(metrics);
        FunctionCounter.builder("mymoviedb.http.connections.refused", refused, LongAdder::sum)
                .description("HTTP connections refused over MAX_CONNECTIONS or MAX_CONNECTIONS_PER_CLIENT")
                .register(metrics);
    }

    @Override
    public void handleEvent(StreamConnection connection) {
        InetAddress client = connection.getPeerAddress(InetSocketAddress.class).getAddress();
        String refusal = admit(client);
        if (refusal != null) {
            refuse(connection, refusal);
            return;
        }
        AtomicBoolean left = new AtomicBoolean();
        Runnable leave = () -> {
            if (left.compareAndSet(false, true)) {
                leave(client);
            }
        };
        try {
            connection.getSinkChannel().setConduit(new CodedErrorConduit(connection.getSinkChannel().getConduit()));
            next.handleEvent(connection);
        } finally {
            // Undertow sets its own close listener on the connection; ours runs first, then hands over to it.
            ChannelListener<? super StreamConnection> undertows = connection.getCloseListener();
            connection.setCloseListener(closed -> {
                leave.run();
                ChannelListeners.invokeChannelListener(closed, undertows);
            });
            if (!connection.isOpen()) {
                leave.run(); // closed before the listener was in place
            }
        }
    }

    /** Counts the connection in, or says why not. */
    private String admit(InetAddress client) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            return "The server holds as many connections as it allows; retry shortly";
        }
        if (maxPerClient > 0 && !trusted.contains(client)) {
            boolean[] full = {false};
            perClient.compute(client, (address, count) -> {
                int now = count == null ? 0 : count;
                full[0] = now >= maxPerClient;
                return full[0] ? count : Integer.valueOf(now + 1);
            });
            if (full[0]) {
                open.decrementAndGet();
                return "This address holds as many connections as the server allows one client ("
                        + maxPerClient + "); reuse one, or retry shortly";
            }
        }
        return null;
    }

    private void leave(InetAddress client) {
        open.decrementAndGet();
        if (maxPerClient > 0 && !trusted.contains(client)) {
            perClient.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
        }
    }

    /** Writes the 503, stops writing, and reads what the client still sends until it is done or its time is up. */
    private void refuse(StreamConnection connection, String message) {
        refused.increment();
        if (refusing.incrementAndGet() > MAX_REFUSING) {
            refusing.decrementAndGet();
            IoUtils.safeClose(connection);
            return;
        }
        AtomicBoolean finished = new AtomicBoolean();
        Runnable finish = () -> {
            if (finished.compareAndSet(false, true)) {
                refusing.decrementAndGet();
                IoUtils.safeClose(connection);
            }
        };
        connection.getIoThread().executeAfter(finish, LINGER_MILLIS, TimeUnit.MILLISECONDS);
        ByteBuffer answer = RawRefusal.of(503, "Service Unavailable", ErrorCode.TOO_MANY_CONNECTIONS, message);
        ConduitStreamSinkChannel sink = connection.getSinkChannel();
        ChannelListener<ConduitStreamSinkChannel> writer = channel -> {
            try {
                while (answer.hasRemaining()) {
                    if (channel.write(answer) == 0) {
                        channel.resumeWrites();
                        return;
                    }
                }
                channel.suspendWrites();
                channel.shutdownWrites();
                channel.flush();
                discardUntilDone(connection.getSourceChannel(), finish);
            } catch (IOException e) {
                finish.run();
            }
        };
        sink.getWriteSetter().set(writer);
        writer.handleEvent(sink);
    }

    private static void discardUntilDone(ConduitStreamSourceChannel source, Runnable finish) {
        ByteBuffer scratch = ByteBuffer.allocate(4096);
        long[] read = {0};
        ChannelListener<ConduitStreamSourceChannel> reader = channel -> {
            try {
                int n;
                while ((n = channel.read(scratch.clear())) > 0) {
                    read[0] += n;
                    if (read[0] > LINGER_BYTES) {
                        finish.run();
                        return;
                    }
                }
                if (n < 0) {
                    finish.run();
                } else {
                    channel.resumeReads();
                }
            } catch (IOException e) {
                finish.run();
            }
        };
        source.getReadSetter().set(reader);
        reader.handleEvent(source);
    }
}

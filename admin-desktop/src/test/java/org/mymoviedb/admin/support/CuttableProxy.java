package org.mymoviedb.admin.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the app and the real server that passes bytes as they come (an event stream too, unlike
 * {@link SwitchableProxy}, which buffers answers), so a test can drop live connections: {@link #down()} cuts
 * every open connection and refuses new ones, {@link #up()} listens again on the same port, and {@link #stall()}
 * stops passing bytes on the open connections without closing them (a connection that died silently).
 */
public final class CuttableProxy implements AutoCloseable {

    private final URI target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private volatile int connections;
    /** Connections open when {@link #stall} was called pass nothing more; later ones pass as usual. */
    private final Set<Socket> stalled = ConcurrentHashMap.newKeySet();

    public CuttableProxy(URI target) {
        this.target = target;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/graphql");
    }

    /** How many connections the relay has taken so far. */
    public int connections() {
        return connections;
    }

    public synchronized void down() {
        if (listener != null) {
            close(listener);
            listener = null;
        }
        open.forEach(CuttableProxy::close);
        open.clear();
    }

    public void stall() {
        stalled.addAll(open);
    }

    public synchronized void up() {
        if (listener == null) {
            listener = listen(port);
        }
    }

    private ServerSocket listen(int onPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
            Thread accepting = new Thread(() -> accept(socket), "proxy-accept");
            accepting.setDaemon(true);
            accepting.start();
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server = new Socket(target.getHost(), target.getPort());
                connections++;
                open.add(client);
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                // Closed by down(), or the server refused: the next accept decides.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pumping = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    if (stalled.contains(from)) {
                        continue;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // Cut: both ends close below.
            } finally {
                close(from);
                close(to);
                open.remove(from);
                open.remove(to);
            }
        }, "proxy-pump");
        pumping.setDaemon(true);
        pumping.start();
    }

    private static void close(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    @Override
    public synchronized void close() {
        down();
    }
}

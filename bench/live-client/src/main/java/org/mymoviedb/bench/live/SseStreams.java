package org.mymoviedb.bench.live;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every subscriber's GraphQL-over-SSE stream on one thread and one selector: plain HTTP/1.1 over non-blocking
 * sockets, the chunked body decoded and its SSE lines split here, and only the {@code event:} and {@code data:}
 * lines made into strings. A thousand streams then cost the client one thread and a fraction of a core, so that on
 * a machine it shares with both servers and PostgreSQL the client is not what delays deliveries
 * ({@code java.net.http} cost about half a core for the same streams).
 */
final class SseStreams implements AutoCloseable {

    private final Selector selector;
    private final InetSocketAddress address;
    private final byte[] request;
    private final ConcurrentLinkedQueue<SseSubscriber> toOpen = new ConcurrentLinkedQueue<>();
    private final List<Stream> streams = new ArrayList<>();
    private final ByteBuffer in = ByteBuffer.allocate(256 * 1024);
    private final Thread thread;
    private volatile boolean closing;

    /** Streams that POST {@code body} to {@code graphql} with {@code Accept: text/event-stream}. */
    SseStreams(URI graphql, String body) throws IOException {
        this.selector = Selector.open();
        int port = graphql.getPort() < 0 ? 80 : graphql.getPort();
        this.address = new InetSocketAddress(graphql.getHost(), port);
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String path = graphql.getRawPath() == null || graphql.getRawPath().isEmpty() ? "/" : graphql.getRawPath();
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + graphql.getHost() + ":" + port + "\r\n"
                + "Content-Type: application/json\r\nAccept: text/event-stream\r\n"
                + "Content-Length: " + json.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        this.request = new byte[headBytes.length + json.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(json, 0, request, headBytes.length, json.length);
        this.thread = new Thread(this::run, "sse-streams");
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens {@code subscriber}'s stream; its {@link SseSubscriber#opened()} completes with the answer's status. */
    void open(SseSubscriber subscriber) {
        toOpen.add(subscriber);
        selector.wakeup();
    }

    private void run() {
        try {
            while (!closing) {
                SseSubscriber next;
                while ((next = toOpen.poll()) != null) {
                    connect(next);
                }
                selector.select(100);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Stream stream = (Stream) key.attachment();
                    try {
                        if (key.isValid() && key.isConnectable()) {
                            stream.channel.finishConnect();
                            key.interestOps(SelectionKey.OP_WRITE);
                        }
                        if (key.isValid() && key.isWritable()) {
                            stream.channel.write(stream.out);
                            if (!stream.out.hasRemaining()) {
                                key.interestOps(SelectionKey.OP_READ);
                            }
                        }
                        if (key.isValid() && key.isReadable()) {
                            read(stream, key);
                        }
                    } catch (IOException | RuntimeException e) {
                        stream.end(String.valueOf(e));
                        key.cancel();
                        closeQuietly(stream.channel);
                    }
                }
            }
        } catch (IOException e) {
            streams.forEach(s -> s.end("the selector failed: " + e));
        } finally {
            streams.forEach(s -> closeQuietly(s.channel));
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void connect(SseSubscriber subscriber) {
        Stream stream = new Stream(subscriber);
        try {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            stream.channel = channel;
            streams.add(stream);
            boolean connected = channel.connect(address);
            channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, stream);
        } catch (IOException e) {
            stream.end(String.valueOf(e));
        }
    }

    private void read(Stream stream, SelectionKey key) throws IOException {
        while (true) {
            in.clear();
            int n = stream.channel.read(in);
            if (n < 0) {
                stream.end(stream.subscriber.failure() != null ? stream.subscriber.failure()
                        : "the server closed the stream");
                key.cancel();
                closeQuietly(stream.channel);
                return;
            }
            if (n == 0) {
                return;
            }
            stream.take(in.array(), n);
            if (n < in.capacity()) {
                return;
            }
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // gone already
            }
        }
    }

    /** Closes every stream. */
    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final String NEXT = "event: next";

    private enum Part { HEAD, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, BODY, REFUSAL }

    /** One stream's socket and where its answer's parsing stands. */
    private final class Stream {

        final SseSubscriber subscriber;
        final ByteBuffer out = ByteBuffer.wrap(request);
        SocketChannel channel;
        Part part = Part.HEAD;
        byte[] line = new byte[512];
        int lineLength;
        long chunkLeft;
        boolean chunked;
        final StringBuilder refusal = new StringBuilder();

        Stream(SseSubscriber subscriber) {
            this.subscriber = subscriber;
        }

        void end(String why) {
            subscriber.ended(why);
        }

        /** The next {@code length} bytes of the answer. */
        void take(byte[] bytes, int length) {
            int i = 0;
            while (i < length) {
                switch (part) {
                    case CHUNK_DATA -> {
                        int n = (int) Math.min(chunkLeft, length - i);
                        body(bytes, i, n);
                        i += n;
                        chunkLeft -= n;
                        if (chunkLeft == 0) {
                            part = Part.CHUNK_END;
                        }
                    }
                    case BODY -> {
                        body(bytes, i, length - i);
                        i = length;
                    }
                    default -> take(bytes[i++]);
                }
            }
        }

        /** One byte of the head, a chunk's size line or its end, or a refusal. */
        private void take(byte b) {
            switch (part) {
                case HEAD -> head(b);
                case CHUNK_SIZE -> {
                    if (b == '\n') {
                        String size = new String(line, 0, lineLength, StandardCharsets.US_ASCII).trim();
                        int extension = size.indexOf(';');
                        chunkLeft = Long.parseLong(extension < 0 ? size : size.substring(0, extension), 16);
                        lineLength = 0;
                        if (chunkLeft == 0) {
                            subscriber.ended(null); // the last chunk: the server ended the stream
                            part = Part.BODY;
                        } else {
                            part = Part.CHUNK_DATA;
                        }
                    } else if (b != '\r') {
                        append(b);
                    }
                }
                case CHUNK_END -> {
                    if (b == '\n') {
                        part = Part.CHUNK_SIZE;
                    }
                }
                case REFUSAL -> {
                    if (refusal.length() < 300) {
                        refusal.append((char) (b & 0xff));
                        subscriber.refused(refusal.toString());
                    }
                }
                default -> throw new IllegalStateException(part.name());
            }
        }

        private void head(byte b) {
            if (b != '\n') {
                if (b != '\r') {
                    append(b);
                }
                return;
            }
            String header = new String(line, 0, lineLength, StandardCharsets.ISO_8859_1);
            lineLength = 0;
            if (header.startsWith("HTTP/")) {
                status = Integer.parseInt(header.split(" ", 3)[1]);
            } else if (header.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")
                    && header.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            } else if (header.isEmpty()) {
                if (status != 200) {
                    part = Part.REFUSAL;
                    subscriber.refused("HTTP " + status);
                } else {
                    part = chunked ? Part.CHUNK_SIZE : Part.BODY;
                }
                subscriber.opened(status);
            }
        }

        private int status;

        /** Bytes of the event stream: lines end at LF (a CR before it is dropped). */
        private void body(byte[] bytes, int from, int count) {
            int end = from + count;
            int start = from;
            for (int i = from; i < end; i++) {
                if (bytes[i] == '\n') {
                    appendAll(bytes, start, i - start);
                    line();
                    start = i + 1;
                }
            }
            appendAll(bytes, start, end - start);
        }

        private void line() {
            int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
            lineLength = 0;
            if (length == 0) {
                subscriber.line("");
            } else if (startsWith(NEXT, length) && length == NEXT.length()) {
                subscriber.line(NEXT);
            } else if (startsWith("data:", length) || startsWith("event:", length)) {
                subscriber.line(new String(line, 0, length, StandardCharsets.UTF_8));
            }
            // "id:", ":" comments (keep-alives) and "retry:" need nothing here.
        }

        private void appendAll(byte[] bytes, int from, int count) {
            if (lineLength + count > line.length) {
                line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
            }
            System.arraycopy(bytes, from, line, lineLength, count);
            lineLength += count;
        }

        private boolean startsWith(String prefix, int length) {
            if (length < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (line[i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private void append(byte b) {
            if (lineLength == line.length) {
                line = java.util.Arrays.copyOf(line, line.length * 2);
            }
            line[lineLength++] = b;
        }
    }
}

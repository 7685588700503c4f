package org.mymoviedb.live;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.TestServer;

/**
 * A WebSocket client on a plain socket that does only what a test tells it: it can stop reading (a slow consumer),
 * or never answer pings (a dead peer). Its receive buffer is small, so the server's writes back up quickly.
 */
final class RawWebSocket implements AutoCloseable {

    /** One frame the server sent. */
    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length < 2 ? -1 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    static final int TEXT = 0x1;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    /** Connects and upgrades with the graphql-transport-ws subprotocol. */
    RawWebSocket(TestServer server, int receiveBufferBytes) {
        try {
            socket = new Socket();
            socket.setReceiveBufferSize(receiveBufferBytes);
            socket.connect(new InetSocketAddress("127.0.0.1", server.uri("/").getPort()), 5_000);
            socket.setSoTimeout(15_000);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
            out.write(("GET /graphql HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(in);
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new AssertionError("The upgrade was refused: " + head);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed during the handshake: " + head);
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    void send(Map<String, Object> message) {
        sendFrame(TEXT, Json.MAPPER.writeValueAsBytes(message));
    }

    /** Sends one masked frame, as a client must. */
    void sendFrame(int opcode, byte[] payload) {
        try {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x80 | opcode);
            if (payload.length < 126) {
                frame.write(0x80 | payload.length);
            } else {
                frame.write(0x80 | 126);
                frame.write(payload.length >> 8);
                frame.write(payload.length & 0xFF);
            }
            byte[] mask = {1, 2, 3, 4};
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i % 4]);
            }
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next frame, or null when the server closed the socket. */
    Frame read() {
        try {
            int first = in.read();
            if (first < 0) {
                return null;
            }
            int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            return new Frame(first & 0x0F, payload);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("The server sent nothing and did not close within 15 s");
        } catch (EOFException e) {
            return null;
        } catch (IOException e) {
            return null; // reset: closed as well
        }
    }

    /** Reads until the server closes; returns the close frame if one came, else null. */
    Frame readUntilClosed() {
        Frame close = null;
        for (Frame frame = read(); frame != null; frame = read()) {
            if (frame.opcode() == CLOSE) {
                close = frame;
            }
        }
        return close;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}

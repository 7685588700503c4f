package org.mymoviedb.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mymoviedb.http.Json;
import tools.jackson.databind.JsonNode;

/**
 * Raw HTTP/1.1 over a plain socket, for requests no well-behaved client would send: bytes out as given, and the
 * answer read by its Content-Length (or chunks, or to the end of the connection). A socket read that waits longer
 * than 30 s fails the test rather than hanging it.
 */
final class HttpRawClient implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final Socket socket;

    private HttpRawClient(Socket socket) {
        this.socket = socket;
    }

    /** A connection to 127.0.0.1:{@code port} from {@code from} (any 127.x.y.z address is this machine). */
    static HttpRawClient connect(String from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return new HttpRawClient(socket);
    }

    static HttpRawClient connect(int port) throws IOException {
        return connect("127.0.0.1", port);
    }

    HttpRawClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    HttpRawClient send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /**
     * Sends {@code request} on a new connection and reads its answer. The answer is read while the request is still
     * being written, as a browser does: a server may answer (and close) before a large body is all sent.
     */
    static Answer exchange(int port, String request) throws IOException {
        HttpRawClient client = connect(port);
        Thread writer = new Thread(() -> {
            try {
                client.send(request);
            } catch (IOException refusedMidway) {
                // the server answered and closed before the end of the request; the answer is what counts
            }
        });
        writer.start();
        try {
            return client.read();
        } finally {
            client.close(); // also ends a writer still blocked on the socket, before it is joined
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A GraphQL POST with a JSON body, whole and well-formed. */
    static String post(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1);
    }

    /** Reads one answer; null when the server closed the connection without a byte of one. */
    Answer read() throws IOException {
        Answer answer = readOne();
        while (answer != null && answer.status() >= 100 && answer.status() < 200) {
            answer = readOne(); // 100 Continue comes before the answer
        }
        return answer;
    }

    private Answer readOne() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("the connection closed inside an answer's head: " + head);
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1
                    : b == '\r' ? 1 : 0;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body;
        if (status < 200 || status == 204 || status == 304) {
            body = new byte[0];
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunks(in);
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** Whether the server has closed this connection: reads (and drops) until the end, or fails after 30 s. */
    boolean closedByServer() throws IOException {
        try {
            while (socket.getInputStream().read() >= 0) {
                // an answer before closing is allowed; the close is what is asked
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    private static byte[] readChunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    return body.toByteArray();
                }
                if (b != '\r') {
                    size.append((char) b);
                }
            }
            int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (length == 0) {
                in.readNBytes(2);
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            in.readNBytes(2);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** One answer: status, headers (lower-case names) and body. */
    record Answer(int status, Map<String, String> headers, String body) {

        /** The body as JSON; fails the test naming the answer when it is not JSON. */
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (RuntimeException e) {
                throw new AssertionError("not a JSON body: " + this, e);
            }
        }

        /** The first error's extensions.code, or null when the answer has none. */
        String code() {
            JsonNode code = json().path("errors").path(0).path("extensions").path("code");
            return code.isString() ? code.asString() : null;
        }
    }
}

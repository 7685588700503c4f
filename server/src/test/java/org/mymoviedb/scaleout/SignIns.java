package org.mymoviedb.scaleout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jooq.DSLContext;
import org.mymoviedb.http.Json;

/**
 * Failed sign-ins sent with chosen forwarding headers, or from a chosen loopback address, and what the throttle
 * counted for an address: its {@code sign_in_tally} row is keyed by the SHA-256 of {@code a:<address>}.
 */
final class SignIns {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SignIns() {
    }

    static String body(String username, String password) {
        return Json.MAPPER.writeValueAsString(Map.of(
                "query", "mutation($u: String!, $p: String!) { login(username: $u, password: $p) "
                        + "{ token userErrors { code } } }",
                "variables", Map.of("u", username, "p", password)));
    }

    /** A sign-in POSTed to {@code graphql} with {@code headers} (name, value, name, value...). */
    static HttpResponse<String> login(URI graphql, String username, String password, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(graphql).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body(username, password)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A sign-in sent over HTTP/1.0 from the loopback address {@code from} (any 127.x.y.z is this machine) to
     * 127.0.0.1:{@code port}/graphql; returns the whole answer, head and body.
     */
    static String loginFrom(String from, int port, String username, String password, String... headers)
            throws IOException {
        byte[] body = body(username, password).getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST /graphql HTTP/1.0\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** The failures the throttle counted against {@code address}; 0 when it has no tally. */
    static int failuresOf(DSLContext dsl, String address) {
        Object failures = dsl.fetchValue("select failures from sign_in_tally where tally = "
                + "sha256(convert_to(?, 'UTF8'))", "a:" + address);
        return failures == null ? 0 : ((Number) failures).intValue();
    }

    /** The first userError's code of a login answer body, or null when it signed in. */
    static String code(String body) {
        var errors = Json.MAPPER.readTree(body).at("/data/login/userErrors");
        return errors.isEmpty() ? null : errors.get(0).get("code").asString();
    }
}

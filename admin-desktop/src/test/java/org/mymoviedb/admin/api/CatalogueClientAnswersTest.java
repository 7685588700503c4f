package org.mymoviedb.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.support.CannedServer;

/**
 * Whatever answers at the server URL, signing in ends with an ApiException that names the URL and says what came
 * back: never a hang, a NullPointerException, or a message that does not say where to look.
 */
class CatalogueClientAnswersTest {

    private static CannedServer canned;
    private static URI endpoint;

    @BeforeAll
    static void start() {
        canned = new CannedServer();
        endpoint = canned.uri("/graphql");
    }

    @AfterAll
    static void stop() {
        canned.close();
    }

    /**
     * Time enough for a first TLS handshake on a loaded machine: only {@link #anAnswerTooLateIsATimeout} is about the
     * timeout, and it sets its own.
     */
    private static final Duration PATIENT = Duration.ofSeconds(15);

    private static ApiException signingInAt(URI at) {
        return signingInAt(at, PATIENT);
    }

    private static ApiException signingInAt(URI at, Duration timeout) {
        CatalogueClient client = new CatalogueClient(at, timeout);
        ApiException refused = catchThrowableOfType(ApiException.class, () -> client.login("editor", "a password"));
        assertThat(refused).as("signing in at %s fails with an ApiException", at).isNotNull();
        assertThat(client.signedIn()).isFalse();
        return refused;
    }

    private static ApiException whenItAnswers(int status, Map<String, String> headers, String body) {
        canned.answers(status, headers, body);
        return signingInAt(endpoint);
    }

    @Test
    void aRedirectWithAnEmptyBodySaysSoAndWhereItPoints() {
        ApiException refused = whenItAnswers(302, Map.of("Location", "/graphiql"), "");

        assertThat(refused.getMessage()).isEqualTo(endpoint
                + " did not answer as a mymoviedb GraphQL API (HTTP 302, redirect to /graphiql, empty body)");
        assertThat(refused.code()).isEqualTo(ApiException.NOT_GRAPHQL);
        assertThat(refused.transientFailure()).isFalse();
    }

    @Test
    void anEmptyOkIsNotAnAnswer() {
        assertThat(whenItAnswers(200, Map.of(), "").getMessage())
                .isEqualTo(endpoint + " did not answer as a mymoviedb GraphQL API (HTTP 200, empty body)");
    }

    @Test
    void anHtmlPageIsNamedAsOne() {
        assertThat(whenItAnswers(200, Map.of("Content-Type", "text/html"), "<!doctype html><title>GraphiQL</title>")
                .getMessage()).isEqualTo(endpoint + " did not answer as a mymoviedb GraphQL API (HTTP 200, an HTML page)");
    }

    @Test
    void garbageIsNotJson() {
        assertThat(whenItAnswers(200, Map.of(), "hello, world").getMessage())
                .isEqualTo(endpoint + " did not answer as a mymoviedb GraphQL API (HTTP 200, a body that is not JSON)");
    }

    @Test
    void jsonWithoutDataOrErrorsIsNotAGraphQLAnswer() {
        String expected = endpoint + " did not answer as a mymoviedb GraphQL API (HTTP 200, JSON without GraphQL data"
                + " or errors)";
        assertThat(whenItAnswers(200, Map.of(), "{\"status\": \"UP\"}").getMessage()).isEqualTo(expected);
        assertThat(whenItAnswers(200, Map.of(), "{\"data\": null}").getMessage()).isEqualTo(expected);
        assertThat(whenItAnswers(200, Map.of(), "[]").getMessage()).isEqualTo(expected);
    }

    @Test
    void aRequestRefusedBeforeGraphQLRanNamesTheServerAndTheStatus() {
        ApiException refused = whenItAnswers(404, Map.of("Content-Type", "application/json"),
                "{\"errors\": [{\"message\": \"No such path; the API is at /graphql\","
                        + " \"extensions\": {\"code\": \"NOT_FOUND\"}}]}");

        assertThat(refused.getMessage()).isEqualTo(endpoint + " answered HTTP 404: No such path; the API is at /graphql");
        assertThat(refused.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aProxysErrorPageIsWorthARetry() {
        ApiException refused = whenItAnswers(502, Map.of("Content-Type", "text/html"), "<html>Bad Gateway</html>");

        assertThat(refused.getMessage()).isEqualTo(endpoint + " did not answer as a mymoviedb GraphQL API (HTTP 502, an HTML page)");
        assertThat(refused.transientFailure()).isTrue();
    }

    @Test
    void anAnswerTooLateIsATimeout() {
        canned.answersAfter(4000);
        ApiException refused = signingInAt(endpoint, Duration.ofMillis(1500));

        assertThat(refused.code()).isEqualTo(ApiException.TIMEOUT);
        assertThat(refused.getMessage()).isEqualTo("The server at " + endpoint + " did not answer within 1 s");
    }

    @Test
    void aRefusedConnectionSaysSo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + closedPort + "/graphql");

        ApiException refused = signingInAt(nobody);

        assertThat(refused.code()).isEqualTo(ApiException.UNREACHABLE);
        assertThat(refused.getMessage()).startsWith("Cannot reach the server at " + nobody + " (")
                .containsIgnoringCase("refused");
    }

    @Test
    void anUnknownHostIsNamed() {
        URI nowhere = URI.create("http://no-such-host.invalid:8080/graphql");

        assertThat(signingInAt(nowhere).getMessage())
                .isEqualTo("Cannot reach the server at " + nowhere + " (unknown host no-such-host.invalid)");
    }

    @Test
    void httpsToAPlainHttpServerIsATlsFailure() throws IOException {
        // A plain HTTP server answering the TLS greeting with plain text, as one does on the wrong scheme.
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                try (Socket socket = plain.accept()) {
                    socket.getInputStream().read(new byte[512]);
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // The client hung up first: nothing to answer.
                }
            });
            answering.start();
            URI tls = URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/graphql");

            assertThat(signingInAt(tls).getMessage()).startsWith("Cannot reach the server at " + tls + " (TLS failed: ");
        }
    }

    @Test
    void anHttp401ForgetsTheTokenWhateverTheBodySays() {
        for (String body : new String[] {"{\"errors\":[{\"message\":\"expired\",\"extensions\":{\"code\":\"X\"}}]}",
                "<html>401 Authorization Required</html>"}) {
            canned.answers(200, Map.of("Content-Type", "application/json"), "{\"data\":{\"login\":{\"token\":\"t1\","
                    + "\"user\":{\"username\":\"editor\",\"role\":\"EDITOR\"},\"userErrors\":[]}}}");
            CatalogueClient client = new CatalogueClient(endpoint, PATIENT);
            client.login("editor", "a password");
            assertThat(client.signedIn()).isTrue();

            canned.answers(401, Map.of("Content-Type", "application/json"), body);
            ApiException refused = catchThrowableOfType(ApiException.class, client::genres);
            assertThat(refused.code()).isEqualTo(ApiException.UNAUTHENTICATED);
            assertThat(client.signedIn()).as("after a 401 answering %s", body).isFalse();
        }
    }
}

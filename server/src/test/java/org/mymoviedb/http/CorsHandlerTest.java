package org.mymoviedb.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.mymoviedb.config.CorsPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * CORS on a real exchange: a tiny Undertow server on an ephemeral port, the handler in front of one that only says
 * it ran. No mocks: the headers checked are the ones a browser would see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsHandlerTest {

    private static final String EDITORS = "https://editors.example.org";
    private static final String ANOTHER = "http://127.0.0.1:5173";

    private final HttpClient client = HttpClient.newHttpClient();
    private Undertow listed;
    private Undertow anyOrigin;

    @BeforeAll
    void start() {
        listed = serve(new CorsHandler(new CorsPolicy(List.of(EDITORS, ANOTHER), CorsPolicy.DEFAULT_HEADERS, false), CorsHandlerTest::reached));
        anyOrigin = serve(new CorsHandler(CorsPolicy.anyOrigin(), CorsHandlerTest::reached));
    }

    @AfterAll
    void stop() {
        listed.stop();
        anyOrigin.stop();
    }

    @Test
    void aRequestWithoutAnOriginPassesUntouched() throws Exception {
        HttpResponse<String> response = send(listed, "GET", null, false);

        assertReached(response);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.headers().firstValue("Vary")).isEmpty();
    }

    @Test
    void anOptionsRequestWithoutAnOriginIsNoPreflight() throws Exception {
        HttpResponse<String> response = send(listed, "OPTIONS", null, true);

        assertReached(response);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
    }

    @Test
    void anAllowedOriginIsNamedBackAndTheAnswerVariesByOrigin() throws Exception {
        for (String origin : List.of(EDITORS, ANOTHER)) {
            HttpResponse<String> response = send(listed, "POST", origin, false);

            assertReached(response);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
            assertThat(response.headers().allValues("Vary")).contains("Origin");
        }
    }

    @Test
    void aWildcardAllowsEveryOriginAsStar() throws Exception {
        HttpResponse<String> response = send(anyOrigin, "GET", "https://anywhere.example.net", false);

        assertReached(response);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(response.headers().allValues("Vary")).contains("Origin");
    }

    @Test
    void aDisallowedOriginIsAnsweredWithoutAllowOriginSoTheBrowserWithholdsIt() throws Exception {
        for (String origin : List.of("https://evil.example.com", "http://editors.example.org",
                EDITORS + ".evil.test", EDITORS + "/", "null")) {
            HttpResponse<String> response = send(listed, "GET", origin, false);

            assertReached(response);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(origin).isEmpty();
            assertThat(response.headers().allValues("Vary")).as(origin).contains("Origin");
        }
    }

    @Test
    void anAllowedPreflightIsAnsweredHereWithWhatMayBeSent() throws Exception {
        HttpResponse<String> response = send(listed, "OPTIONS", EDITORS, true);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("X-Reached")).isEmpty();
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(EDITORS);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).contains("GET, POST, OPTIONS");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                .contains(String.join(", ", CorsPolicy.DEFAULT_HEADERS));
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).contains("600");
        assertThat(response.headers().allValues("Vary")).contains("Origin");
    }

    @Test
    void aDisallowedPreflightIsForbiddenWithACode() throws Exception {
        HttpResponse<String> response = send(listed, "OPTIONS", "https://evil.example.com", true);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("X-Reached")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
        assertThat(response.headers().allValues("Vary")).contains("Origin");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        JsonNode error = Json.MAPPER.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("extensions").get("code").asString()).isEqualTo("ORIGIN_NOT_ALLOWED");
        assertThat(error.get("message").asString()).contains("https://evil.example.com", "CORS_ALLOWED_ORIGINS");
    }

    @Test
    void anOptionsRequestWithoutARequestMethodIsNoPreflight() throws Exception {
        HttpResponse<String> allowed = send(listed, "OPTIONS", EDITORS, false);
        HttpResponse<String> refused = send(listed, "OPTIONS", "https://evil.example.com", false);

        assertReached(allowed);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(EDITORS);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
        assertReached(refused);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static void reached(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(new HttpString("X-Reached"), "yes");
        exchange.getResponseSender().send("reached");
    }

    private static void assertReached(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Reached")).contains("yes");
        assertThat(response.body()).isEqualTo("reached");
    }

    private static Undertow serve(HttpHandler handler) {
        Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(handler).build();
        server.start();
        return server;
    }

    private HttpResponse<String> send(Undertow server, String method, String origin, boolean preflight)
            throws IOException, InterruptedException {
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (preflight) {
            request.header("Access-Control-Request-Method", "POST");
            request.header("Access-Control-Request-Headers", "content-type, authorization");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

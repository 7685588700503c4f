package org.mymoviedb.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * What /graphql refuses before GraphQL runs, on a tiny Undertow server with a small body limit and no database:
 * the handler gets no API and no persisted queries, so a refusal that reached execution would fail here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpRefusalsTest {

    private static final int BODY_LIMIT = 1024;
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Undertow server;

    @BeforeAll
    void start() {
        server = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, RequestBody.undertowCutOff(BODY_LIMIT))
                .setHandler(new GraphQLHandler(null, null, null,
                        org.mymoviedb.config.ServerConfig.fromEnvironment(java.util.Map.of()).http(),
                        new SimpleMeterRegistry()))
                .build();
        server.start();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    void aBodyOverTheLimitIsPayloadTooLargeInTheNegotiatedType() throws Exception {
        String body = "{\"query\": \"{ genres { name } }\", \"pad\": \"" + "x".repeat(BODY_LIMIT) + "\"}";

        assertProblem(post(body, "application/json", GRAPHQL_RESPONSE), 413, "PAYLOAD_TOO_LARGE", GRAPHQL_RESPONSE);
        assertProblem(post(body, "application/json", null), 413, "PAYLOAD_TOO_LARGE", "application/json");
    }

    @Test
    void aBodyThatIsNoJsonIsABadRequest() throws Exception {
        assertProblem(post("{\"query\": ", "application/json", GRAPHQL_RESPONSE), 400, "BAD_REQUEST",
                GRAPHQL_RESPONSE);
        assertProblem(post("{\"query\": \"{ a }\", \"variables\": [1]}", "application/json; charset=utf-8", null),
                400, "BAD_REQUEST", "application/json");
    }

    @Test
    void aBodyOfAnotherMediaTypeIsUnsupported() throws Exception {
        assertProblem(post("query={ a }", "application/x-www-form-urlencoded", null), 415, "UNSUPPORTED_MEDIA_TYPE",
                "application/json");
        assertProblem(post("{ a }", null, GRAPHQL_RESPONSE), 415, "UNSUPPORTED_MEDIA_TYPE", GRAPHQL_RESPONSE);
    }

    @Test
    void anAcceptOfNeitherTypeIsNotAcceptableInTheLegacyType() throws Exception {
        assertProblem(post("{\"query\": \"{ a }\"}", "application/json", "text/html"), 406, "NOT_ACCEPTABLE",
                "application/json");
    }

    @Test
    void aMethodOtherThanGetOrPostIsNotAllowed() throws Exception {
        HttpResponse<String> response = send(request().method("PUT", HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build());

        assertProblem(response, 405, "METHOD_NOT_ALLOWED", "application/json");
        assertThat(response.headers().firstValue("Allow")).contains("GET, POST");
    }

    @Test
    void aGetWithVariablesThatAreNoJsonIsABadRequest() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("?query=%7Ba%7D&variables=%7B")).GET()
                .timeout(Duration.ofSeconds(10)).build());

        assertProblem(response, 400, "BAD_REQUEST", "application/json");
    }

    private HttpResponse<String> post(String body, String contentType, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request().POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request.build());
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(uri("")).timeout(Duration.ofSeconds(10));
    }

    private URI uri(String query) {
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        return URI.create("http://127.0.0.1:" + port + "/graphql" + query);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String mediaType) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains(mediaType + "; charset=utf-8");
        JsonNode error = Json.MAPPER.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("extensions").get("code").asString()).isEqualTo(code);
        assertThat(error.get("message").asString()).isNotBlank();
    }
}

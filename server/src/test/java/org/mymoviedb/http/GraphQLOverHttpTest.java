package org.mymoviedb.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.http.GraphQLHttpTest.assertProblem;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** The GraphQL-over-HTTP spec's rules, CORS and the served SDL, over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQLOverHttpTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass()
            .with("CORS_ALLOWED_ORIGINS", "https://films.example, http://localhost:5173/");

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    @Test
    void theGraphqlResponseMediaTypeMakesRefusedDocuments400AndExecutionErrors200() {
        HttpResponse<String> invalid = post("{ nosuchfield }", GRAPHQL_RESPONSE);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValue(GRAPHQL_RESPONSE + "; charset=utf-8");
        assertThat(json(invalid).get("errors").get(0).get("extensions").get("code").asString())
                .isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(post("{ movies(first", GRAPHQL_RESPONSE).statusCode()).isEqualTo(400);

        HttpResponse<String> executionError = post("{ movie(id: \"424242\") { title } }", GRAPHQL_RESPONSE);
        assertThat(executionError.statusCode()).isEqualTo(200);
        assertThat(json(executionError).get("errors").get(0).get("extensions").get("code").asString())
                .isEqualTo("NOT_FOUND");
        assertThat(json(executionError).has("data")).isTrue();
    }

    @Test
    void theLegacyMediaTypeAnswers200ForEveryGraphqlRequest() {
        for (String accept : new String[] {"application/json", "*/*", null}) {
            HttpResponse<String> invalid = post("{ nosuchfield }", accept);
            assertThat(invalid.statusCode()).as("Accept %s", accept).isEqualTo(200);
            assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        }
    }

    @Test
    void acceptIsNegotiatedByQuality() {
        HttpResponse<String> preferJson = post("{ genres { name } }",
                GRAPHQL_RESPONSE + ";q=0.5, application/json;q=0.9");
        assertThat(preferJson.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        HttpResponse<String> preferNew = post("{ genres { name } }", "application/json;q=0.9, " + GRAPHQL_RESPONSE);
        assertThat(preferNew.headers().firstValue("Content-Type")).hasValue(GRAPHQL_RESPONSE + "; charset=utf-8");
        assertProblem(post("{ genres { name } }", "text/html"), 406, "NOT_ACCEPTABLE");
    }

    @Test
    void getMayOnlyRead() {
        HttpResponse<String> mutation = get("mutation { logout { revoked } }", null, null);
        assertProblem(mutation, 405, "METHOD_NOT_ALLOWED");
        assertThat(mutation.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> query = get("query Named { genres { name } } mutation Other { logout { revoked } }",
                "Named", null);
        assertThat(query.statusCode()).isEqualTo(200);
        assertThat(json(query).get("data").get("genres").isArray()).isTrue();
    }

    @Test
    void getTakesVariablesAndExtensionsAsJson() {
        HttpResponse<String> bad = get("{ genres { name } }", null, "[1]");
        assertProblem(bad, 400, "BAD_REQUEST");
        HttpResponse<String> ok = server.send(HttpRequest.newBuilder(server.uri("/graphql?query="
                + enc("query($n: Int) { movies(first: $n) { totalCount } }") + "&variables=" + enc("{\"n\": 3}")
                + "&extensions=" + enc("{}"))).GET().build());
        assertThat(json(ok).get("data").get("movies").get("totalCount").asInt()).isZero();
    }

    @Test
    void contentTypeWithCharsetIsAcceptedOthersAre415() {
        HttpResponse<String> withCharset = server.send(HttpRequest.newBuilder(server.uri("/graphql"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ genres { name } }\"}")).build());
        assertThat(withCharset.statusCode()).isEqualTo(200);
        HttpResponse<String> graphqlBody = server.send(HttpRequest.newBuilder(server.uri("/graphql"))
                .header("Content-Type", "application/graphql")
                .POST(HttpRequest.BodyPublishers.ofString("{ genres { name } }")).build());
        assertProblem(graphqlBody, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void corsLetsConfiguredOriginsInAndNoOthers() {
        HttpResponse<String> preflight = server.send(HttpRequest.newBuilder(server.uri("/graphql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://films.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, authorization").build());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://films.example");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
                .contains("Authorization").contains("Content-Type");

        HttpResponse<String> actual = server.send(HttpRequest.newBuilder(server.uri("/graphql"))
                .header("Origin", "http://localhost:5173").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ genres { name } }\"}")).build());
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");

        HttpResponse<String> stranger = server.send(HttpRequest.newBuilder(server.uri("/graphql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").build());
        assertProblem(stranger, 403, "ORIGIN_NOT_ALLOWED");
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theSchemaEndpointServesTheContract() throws Exception {
        HttpResponse<String> sdl = server.send(HttpRequest.newBuilder(server.uri("/schema.graphql")).GET().build());
        assertThat(sdl.statusCode()).isEqualTo(200);
        assertThat(sdl.body()).isEqualTo(Files.readString(Path.of("..", "schema.graphqls")));
    }

    private HttpResponse<String> post(String query, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Map.of("query", query))));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return server.send(request.build());
    }

    private HttpResponse<String> get(String query, String operationName, String variables) {
        String uri = "/graphql?query=" + enc(query) + (operationName == null ? "" : "&operationName=" + enc(operationName))
                + (variables == null ? "" : "&variables=" + enc(variables));
        return server.send(HttpRequest.newBuilder(server.uri(uri)).GET().build());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }
}

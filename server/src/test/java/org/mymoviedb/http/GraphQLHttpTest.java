package org.mymoviedb.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** /graphql, /health and /ready through real Undertow over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQLHttpTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass();

    @BeforeAll
    void seedTheCatalogue() {
        Catalogue c = new Catalogue(server.database().dsl());
        long matrix = c.movie("The Matrix", LocalDate.of(1999, 3, 31), 87, 139);
        c.tag(matrix, c.genre("Action"));
        c.credit(matrix, c.person("Lana Wachowski"), 0);
        c.credit(matrix, c.person("Lilly Wachowski"), 1);
    }

    @Test
    void postRunsAQueryWithVariablesAndOperationName() {
        HttpResponse<String> response = server.post("""
                {"query": "query A { genres { name } } query B($t: String) { movies(filter: {titleContains: $t}) { edges { node { title releaseDate rating runtime { minutes iso8601 } genres { name } directors { name } } } } }",
                 "operationName": "B", "variables": {"t": "matrix"}}""");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode movie = Json.MAPPER.readTree(response.body()).get("data").get("movies").get("edges").get(0).get("node");
        assertThat(movie.get("title").asString()).isEqualTo("The Matrix");
        assertThat(movie.get("releaseDate").asString()).isEqualTo("1999-03-31");
        assertThat(movie.get("rating").asInt()).isEqualTo(87);
        assertThat(movie.get("runtime").get("minutes").asInt()).isEqualTo(139);
        assertThat(movie.get("runtime").get("iso8601").asString()).isEqualTo("PT2H19M");
        assertThat(movie.get("genres").get(0).get("name").asString()).isEqualTo("Action");
        assertThat(movie.get("directors").get(0).get("name").asString()).isEqualTo("Lana Wachowski");
        assertThat(movie.get("directors").get(1).get("name").asString()).isEqualTo("Lilly Wachowski");
    }

    @Test
    void getRunsAQuery() {
        String query = URLEncoder.encode("query($t: String) { movies(filter: {titleContains: $t}) { totalCount } }",
                StandardCharsets.UTF_8);
        String variables = URLEncoder.encode("{\"t\":\"MATRIX\"}", StandardCharsets.UTF_8);
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(
                server.uri("/graphql?query=" + query + "&variables=" + variables)).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(response.body()).get("data").get("movies").get("totalCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void aRepeatedQuerySkipsParsingAndValidation() {
        String query = "{ genres { id name } }";
        long before = server.app().api().documents().parses();
        server.query(query);
        server.query(query);
        server.query(query);
        assertThat(server.app().api().documents().parses() - before).isEqualTo(1);
    }

    @Test
    void malformedRequestsAreBadRequests() {
        assertBadRequest(server.post("{not json"), 400);
        assertBadRequest(server.post("[]"), 400); // a JSON array is a batch (see BatchingTest), but never an empty one
        assertBadRequest(server.post("\"{ genres { name } }\""), 400);
        assertBadRequest(server.post("{\"query\": 42}"), 400);
        assertBadRequest(server.post("{\"query\": \"{ genres { name } }\", \"variables\": [1]}"), 400);
        assertBadRequest(server.send(HttpRequest.newBuilder(server.uri("/graphql")).GET().build()), 400);
        assertProblem(server.send(HttpRequest.newBuilder(server.uri("/graphql"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{ genres { name } }")).build()), 415, "UNSUPPORTED_MEDIA_TYPE");
        HttpResponse<String> delete = server.send(HttpRequest.newBuilder(server.uri("/graphql")).DELETE().build());
        assertProblem(delete, 405, "METHOD_NOT_ALLOWED");
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET, POST");
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        String padding = "x".repeat(1024 * 1024);
        HttpResponse<String> response = server.post("{\"query\": \"{ genres { name } }\", \"pad\": \"" + padding + "\"}");
        assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void healthAndReadiness() {
        HttpResponse<String> health = server.send(HttpRequest.newBuilder(server.uri("/health")).GET().build());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        HttpResponse<String> ready = server.send(HttpRequest.newBuilder(server.uri("/ready")).GET().build());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"READY\"");
    }

    @Test
    void unknownPathsAre404WithACode() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/nope")).GET().build());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("NOT_FOUND");
    }

    private static void assertBadRequest(HttpResponse<String> response, int status) {
        assertProblem(response, status, "BAD_REQUEST");
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = Json.MAPPER.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(error.get("extensions").get("code").asString()).isEqualTo(code);
    }
}

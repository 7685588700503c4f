package org.mymoviedb.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** A JSON array of operations in one POST, as Apollo's BatchHttpLink sends it, over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchingTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().with("MAX_BATCH_SIZE", "3")
            .withAccount("varda", Role.EDITOR);

    @BeforeAll
    void seed() {
        Catalogue c = new Catalogue(server.database().dsl());
        c.movie("Cléo from 5 to 7", LocalDate.of(1962, 4, 11), 90, 90);
        c.genre("Nouvelle Vague");
    }

    @Test
    void aBatchIsAnsweredInOrderEachOperationOnItsOwn() {
        HttpResponse<String> response = post("""
                [{"query": "{ movies { totalCount } }"},
                 {"query": "{ genres { name } }"},
                 {"query": "{ nosuchfield }"}]""", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answers = Json.MAPPER.readTree(response.body());
        assertThat(answers.isArray()).isTrue();
        assertThat(answers.size()).isEqualTo(3);
        assertThat(answers.get(0).get("data").get("movies").get("totalCount").asInt()).isEqualTo(1);
        assertThat(answers.get(0).has("errors")).isFalse();
        assertThat(answers.get(1).get("data").get("genres").get(0).get("name").asString()).isEqualTo("Nouvelle Vague");
        assertThat(answers.get(2).get("errors").get(0).get("extensions").get("code").asString())
                .isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-store");
    }

    @Test
    void inTheGraphqlResponseTypeABatchIs200AndEachBodyKeepsItsErrors() {
        HttpResponse<String> response = post("""
                [{"query": "{ nosuchfield }"}, {"query": "{ genres { name } }"}]""",
                "application/graphql-response+json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/graphql-response+json; charset=utf-8");
        JsonNode answers = Json.MAPPER.readTree(response.body());
        assertThat(answers.get(0).get("errors").get(0).get("extensions").get("code").asString())
                .isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(answers.get(1).get("data").get("genres").size()).isEqualTo(1);
    }

    @Test
    void everyOperationOfABatchIsAskedByTheSameAuthorization() {
        String token = server.token("varda");
        HttpResponse<String> response = post("""
                [{"query": "{ me { username } }"}, {"query": "{ me { role } }"}]""", null, token);

        JsonNode answers = Json.MAPPER.readTree(response.body());
        assertThat(answers.get(0).get("data").get("me").get("username").asString()).isEqualTo("varda");
        assertThat(answers.get(1).get("data").get("me").get("role").asString()).isEqualTo("EDITOR");
    }

    @Test
    void aMalformedOperationIsRefusedAloneAndItsNeighboursRun() {
        HttpResponse<String> response = post("""
                [42, {"query": "{ genres { name } }"}, {"query": 7}]""", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answers = Json.MAPPER.readTree(response.body());
        assertThat(answers.get(0).get("errors").get(0).get("extensions").get("code").asString())
                .isEqualTo("BAD_REQUEST");
        assertThat(answers.get(1).get("data").get("genres").size()).isEqualTo(1);
        assertThat(answers.get(2).get("errors").get(0).get("extensions").get("code").asString())
                .isEqualTo("BAD_REQUEST");
    }

    @Test
    void aPersistedQueryMissIsAnsweredInItsPlaceOfTheBatch() {
        HttpResponse<String> response = post("""
                [{"extensions": {"persistedQuery": {"version": 1, "sha256Hash":
                   "0000000000000000000000000000000000000000000000000000000000000000"}}},
                 {"query": "{ genres { name } }"}]""", null, null);

        JsonNode answers = Json.MAPPER.readTree(response.body());
        assertThat(answers.get(0).get("errors").get(0).get("extensions").get("code").asString())
                .isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(answers.get(1).get("data").get("genres").size()).isEqualTo(1);
    }

    @Test
    void aBatchOverMaxBatchSizeIsRefusedWithItsCode() {
        HttpResponse<String> response = post("""
                [{"query": "{ genres { name } }"}, {"query": "{ genres { name } }"},
                 {"query": "{ genres { name } }"}, {"query": "{ genres { name } }"}]""", null, null);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = Json.MAPPER.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("extensions").get("code").asString()).isEqualTo("MAX_BATCH_SIZE_EXCEEDED");
        assertThat(error.get("message").asString()).contains("3");
    }

    @Test
    void anEmptyBatchIsABadRequest() {
        HttpResponse<String> response = post("[]", null, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(response.body()).get("errors").get(0).get("extensions").get("code")
                .asString()).isEqualTo("BAD_REQUEST");
    }

    private static HttpResponse<String> post(String body, String accept, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return server.send(request.build());
    }
}

package org.mymoviedb.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.graphql.GraphQLRequest;

/** A GraphQL request read from a JSON body or GET parameters; anything unusable is a 400 naming what is wrong. */
class RequestReaderTest {

    private static final String QUERY = "query Film($id: ID!) { movie(id: $id) { title } }";

    @Test
    void aBodyGivesEveryMember() {
        GraphQLRequest request = body("""
                {"query": "%s", "operationName": "Film",
                 "variables": {"id": "7", "filter": {"genres": ["Noir", "Drama"], "minRating": 70}},
                 "extensions": {"persistedQuery": {"version": 1}}}""".formatted(QUERY));

        assertThat(request.query()).isEqualTo(QUERY);
        assertThat(request.operationName()).isEqualTo("Film");
        assertThat(request.variables()).containsEntry("id", "7")
                .containsEntry("filter", Map.of("genres", List.of("Noir", "Drama"), "minRating", 70));
        assertThat(request.extensions()).containsEntry("persistedQuery", Map.of("version", 1));
        assertThat(request.bearerToken()).isNull();
    }

    @Test
    void aBodyWithOnlyAQueryHasNoVariablesNorExtensions() {
        GraphQLRequest request = body("{\"query\": \"{ movies { totalCount } }\"}");

        assertThat(request.query()).isEqualTo("{ movies { totalCount } }");
        assertThat(request.operationName()).isNull();
        assertThat(request.variables()).isEmpty();
        assertThat(request.extensions()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"query\": null}", "{\"query\": \"  \"}", "{\"query\": null, \"operationName\": \"\","
            + " \"variables\": null, \"extensions\": null}"})
    void aMissingOrBlankQueryIsLeftForAPersistedQuery(String json) {
        assertEmpty(body(json));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"query\": | The request body is not valid JSON",
        "query=%7B%7D | The request body is not valid JSON",
        "[{\"query\": \"{ a }\"}] | The request body must be a JSON object",
        "\"{ a }\" | The request body must be a JSON object",
        "42 | The request body must be a JSON object",
        "null | The request body must be a JSON object",
        "{\"query\": 42} | 'query' must be a string",
        "{\"query\": {\"text\": \"{ a }\"}} | 'query' must be a string",
        "{\"query\": \"{ a }\", \"operationName\": 1} | 'operationName' must be a string",
        "{\"query\": \"{ a }\", \"variables\": [1]} | 'variables' must be a JSON object",
        "{\"query\": \"{ a }\", \"variables\": \"{}\"} | 'variables' must be a JSON object",
        "{\"query\": \"{ a }\", \"extensions\": true} | 'extensions' must be a JSON object",
    })
    void anUnusableBodyIsABadRequest(String json, String message) {
        assertBadRequest(() -> body(json), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void anEmptyBodyIsABadRequest(String json) {
        assertBadRequest(() -> body(json), "The request body");
    }

    @Test
    void aBodyThatIsNotUtf8TextIsABadRequest() {
        byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0, 0x7b};
        assertBadRequest(() -> RequestReader.fromJsonBody(garbage), "The request body is not valid UTF-8");
    }

    @Test
    void parametersGiveEveryMember() {
        GraphQLRequest request = RequestReader.fromQueryParameters(params(
                "query", QUERY, "operationName", "Film", "variables", "{\"id\": \"7\"}",
                "extensions", "{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"ab\"}}"));

        assertThat(request.query()).isEqualTo(QUERY);
        assertThat(request.operationName()).isEqualTo("Film");
        assertThat(request.variables()).isEqualTo(Map.of("id", "7"));
        assertThat(request.extensions()).isEqualTo(Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "ab")));
    }

    @Test
    void missingOrBlankParametersAreAbsent() {
        GraphQLRequest none = RequestReader.fromQueryParameters(Map.of());
        GraphQLRequest blank = RequestReader.fromQueryParameters(params(
                "query", " ", "operationName", "", "variables", "  ", "extensions", ""));

        assertEmpty(none);
        assertEmpty(blank);
    }

    @Test
    void theFirstOfARepeatedParameterCounts() {
        Map<String, Deque<String>> params = new HashMap<>();
        params.put("query", new ArrayDeque<>(List.of("{ first }", "{ second }")));
        params.put("operationName", new ArrayDeque<>());

        GraphQLRequest request = RequestReader.fromQueryParameters(params);
        assertThat(request.query()).isEqualTo("{ first }");
        assertThat(request.operationName()).isNull();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "variables | {\"id\": | The 'variables' parameter is not valid JSON",
        "variables | id=7 | The 'variables' parameter is not valid JSON",
        "variables | [\"7\"] | 'variables' must be a JSON object",
        "variables | 7 | 'variables' must be a JSON object",
        "extensions | {persistedQuery} | The 'extensions' parameter is not valid JSON",
        "extensions | \"x\" | 'extensions' must be a JSON object",
    })
    void anUnusableParameterIsABadRequest(String name, String value, String message) {
        assertBadRequest(() -> RequestReader.fromQueryParameters(params("query", "{ a }", name, value)), message);
    }

    private static GraphQLRequest body(String json) {
        return RequestReader.fromJsonBody(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Deque<String>> params(String... namesAndValues) {
        Map<String, Deque<String>> params = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], new ArrayDeque<>(List.of(namesAndValues[i + 1])));
        }
        return params;
    }

    private static void assertEmpty(GraphQLRequest request) {
        assertThat(request.query()).isNull();
        assertThat(request.operationName()).isNull();
        assertThat(request.variables()).isEmpty();
        assertThat(request.extensions()).isEmpty();
    }

    private static void assertBadRequest(ThrowingCallable read, String message) {
        assertThatThrownBy(read).isInstanceOfSatisfying(HttpProblem.class, p -> {
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(p.getMessage()).contains(message);
        });
    }
}

package org.mymoviedb.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** Bad arguments get an error with a stable code and a message, over HTTP, never a 500. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorCodesTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass();

    private String titleCursor;

    @BeforeAll
    void seedTheCatalogue() {
        Catalogue c = new Catalogue(server.database().dsl());
        c.movie("Alien", LocalDate.of(1979, 5, 25), 85, 117);
        c.movie("Aliens", LocalDate.of(1986, 7, 18), 84, 137);
        titleCursor = server.query("{ movies(first: 1) { edges { cursor } } }")
                .get("data").get("movies").get("edges").get(0).get("cursor").asString();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{ movies(first: -1) { totalCount } }                     | PAGE_SIZE_OUT_OF_RANGE | movies",
        "{ movies(first: 10000) { totalCount } }                  | PAGE_SIZE_OUT_OF_RANGE | movies",
        "{ movies(last: 101) { totalCount } }                     | PAGE_SIZE_OUT_OF_RANGE | movies",
        "{ movies(first: 1, last: 1) { totalCount } }             | BAD_USER_INPUT         | movies",
        "{ movies(after: \"not a cursor\") { totalCount } }       | INVALID_CURSOR         | movies",
        "{ movies(after: \"WzFd\") { totalCount } }               | INVALID_CURSOR         | movies",
        "{ movie(id: \"999999\") { title } }                      | NOT_FOUND              | movie",
        "{ movie(id: \"abc\") { title } }                         | INVALID_ID             | movie",
        "{ movie(id: \"-4\") { title } }                          | INVALID_ID             | movie",
        "{ person(id: \"424242\") { name } }                      | NOT_FOUND              | person",
        "{ genre(id: \"424242\") { name } }                       | NOT_FOUND              | genre",
        "{ movies(orderBy: [{field: TITLE}, {field: TITLE}]) { totalCount } } | BAD_USER_INPUT | movies",
    })
    void argumentErrorsCarryTheirCode(String query, String code, String field) {
        JsonNode response = server.query(query);
        JsonNode error = response.get("errors").get(0);
        assertThat(error.get("extensions").get("code").asString()).isEqualTo(code);
        assertThat(error.get("message").asString()).isNotBlank().doesNotContain("Exception");
        assertThat(error.get("path").get(0).asString()).isEqualTo(field);
        // A non-null field's error nulls its parent: here, data itself.
        JsonNode data = response.get("data");
        assertThat(data.isNull() || data.get(field).isNull()).as("data in %s", response).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{ movies(first: 1) { edges { node { title }  }     | GRAPHQL_PARSE_FAILED",
        "{ movies(first: 1) { nosuchfield } }               | GRAPHQL_VALIDATION_FAILED",
        "{ movies(first: \"ten\") { totalCount } }          | GRAPHQL_VALIDATION_FAILED",
    })
    void documentErrorsCarryTheirCode(String query, String code) {
        JsonNode response = server.query(query);
        assertThat(response.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo(code);
        assertThat(response.get("data")).isNull();
    }

    @org.junit.jupiter.api.Test
    void aCursorFromAnotherOrderingIsRefused() {
        JsonNode response = server.query("query($after: String) { movies(after: $after, orderBy: [{field: RATING}]) { totalCount } }",
                Map.of("after", titleCursor));
        assertThat(response.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("INVALID_CURSOR");
    }

    @org.junit.jupiter.api.Test
    void aForgedCursorWithTheWrongTypesIsRefused() {
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("[\"TE+\", 17, \"x\"]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        JsonNode response = server.query("query($after: String) { movies(after: $after) { totalCount } }",
                Map.of("after", forged));
        assertThat(response.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("INVALID_CURSOR");
    }

    @org.junit.jupiter.api.Test
    void variablesOfTheWrongTypeAreBadUserInput() {
        JsonNode response = server.query("query($first: Int) { movies(first: $first) { totalCount } }",
                Map.of("first", List.of("x")));
        assertThat(response.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("BAD_USER_INPUT");
    }
}

package org.mymoviedb.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mymoviedb.base.ErrorCode;

/** Accept negotiation and the status codes of the GraphQL-over-HTTP spec, for each of the two media types. */
class ResponseFormatTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", ";", " ; ", ",", ";;, ;q=1"})
    void noAcceptMeansTheLegacyType(String accept) {
        assertThat(ResponseFormat.negotiate(accept)).isEqualTo(ResponseFormat.JSON);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "application/graphql-response+json | GRAPHQL_RESPONSE_JSON",
        "application/json | JSON",
        "Application/JSON | JSON",
        "application/json; charset=utf-8 | JSON",
        "*/* | JSON",
        "application/* | JSON",
        "text/html, */*;q=0.8 | JSON",
        // on a tie the precise type wins, wherever it stands in the list
        "application/json, application/graphql-response+json | GRAPHQL_RESPONSE_JSON",
        "application/graphql-response+json, application/json | GRAPHQL_RESPONSE_JSON",
        "*/*, application/graphql-response+json | GRAPHQL_RESPONSE_JSON",
        // otherwise the higher q-value wins
        "application/graphql-response+json;q=0.5, application/json | JSON",
        "application/json;q=0.9, application/graphql-response+json | GRAPHQL_RESPONSE_JSON",
        "application/graphql-response+json; q=0.2, application/json; q=0.1 | GRAPHQL_RESPONSE_JSON",
        "text/html, application/graphql-response+json;q=0.1 | GRAPHQL_RESPONSE_JSON",
        // a type refused with q=0 is not chosen even when the other one ranks no higher
        "application/graphql-response+json;q=0, */*;q=0.1 | JSON",
        "application/json;q=0, application/graphql-response+json;q=0.01 | GRAPHQL_RESPONSE_JSON",
    })
    void theClientsPreferenceIsChosen(String accept, ResponseFormat expected) {
        assertThat(ResponseFormat.negotiate(accept)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/xml, text/plain", "application/json;q=0",
        "application/graphql-response+json;q=0, application/json;q=0", "application/json;q=not-a-number",
        "image/*", "application/graphql"})
    void acceptingNeitherIsNotAcceptable(String accept) {
        assertThatThrownBy(() -> ResponseFormat.negotiate(accept)).isInstanceOfSatisfying(HttpProblem.class, p -> {
            assertThat(p.status()).isEqualTo(406);
            assertThat(p.code()).isEqualTo(ErrorCode.NOT_ACCEPTABLE);
            assertThat(p.getMessage()).contains("application/graphql-response+json", "application/json");
        });
    }

    @Test
    void aRefusedDocumentIsABadRequestOnlyInTheGraphqlResponseType() {
        Map<String, Object> refused = Map.of("errors", List.of(Map.of("message", "Syntax error")));

        assertThat(ResponseFormat.GRAPHQL_RESPONSE_JSON.statusOf(refused)).isEqualTo(400);
        assertThat(ResponseFormat.JSON.statusOf(refused)).isEqualTo(200);
    }

    @Test
    void anExecutedDocumentIsOkInBothTypesEvenWhenItsDataIsNull() {
        Map<String, Object> executed = Map.of("data", Map.of("movie", Map.of("title", "Vertigo")));
        Map<String, Object> failedField = new HashMap<>();
        failedField.put("data", null);
        failedField.put("errors", List.of(Map.of("message", "Not found")));

        for (ResponseFormat format : ResponseFormat.values()) {
            assertThat(format.statusOf(executed)).as("%s", format).isEqualTo(200);
            assertThat(format.statusOf(failedField)).as("%s", format).isEqualTo(200);
        }
    }
}

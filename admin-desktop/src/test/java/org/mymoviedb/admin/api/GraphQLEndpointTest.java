package org.mymoviedb.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What an editor may type as the server, and the GraphQL endpoint it means. */
class GraphQLEndpointTest {

    @ParameterizedTest
    @CsvSource({
            "http://localhost:8080/graphql,   http://localhost:8080/graphql",
            "http://localhost:8080,           http://localhost:8080/graphql",
            "http://localhost:8080/,          http://localhost:8080/graphql",
            "localhost:8080,                  http://localhost:8080/graphql",
            "'  localhost:8080/  ',           http://localhost:8080/graphql",
            "https://movies.example.org,      https://movies.example.org/graphql",
            "HTTP://127.0.0.1:9,              http://127.0.0.1:9/graphql",
            "http://[::1]:8080,               http://[::1]:8080/graphql",
            "http://proxy:80/mymoviedb/api,   http://proxy:80/mymoviedb/api",
    })
    void aBaseUrlIsCompletedToTheGraphQLEndpoint(String typed, String endpoint) {
        assertThat(GraphQLEndpoint.of(typed)).hasToString(endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ftp://host/graphql", "http://", "http:// spaced host", "mailto:someone",
            "http://admin:secret@localhost:8080/graphql", "http://admin@localhost:8080"})
    void anythingElseIsRefusedWithTheFormItShouldHave(String typed) {
        assertThatIllegalArgumentException().isThrownBy(() -> GraphQLEndpoint.of(typed))
                .withMessageContaining("http://host:8080/graphql");
    }
}

package org.mymoviedb.graphql.fetching;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link Selections} answers for a real field of a real execution: graphql-java runs each document on a tiny
 * schema whose {@code movies} fetcher asks Selections whether {@code totalCount} and {@code edges} are wanted.
 */
class SelectionsTest {

    private static final String SDL = """
            type Query { movies: MovieConnection, genres: MovieConnection }
            type MovieConnection { totalCount: Int, edges: [MovieEdge], pageInfo: PageInfo }
            type MovieEdge { cursor: String, totalCount: Int }
            type PageInfo { hasNextPage: Boolean }
            """;

    private boolean totalCount;
    private boolean edges;
    private boolean cursor;

    private final GraphQL graphql = GraphQL.newGraphQL(schema()).build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // document | totalCount selected | edges selected
        "{ movies { totalCount } } | true | false",
        // an alias counts by the field's name
        "{ movies { count: totalCount } } | true | false",
        // a field selected only deeper down is not the field's own
        "{ movies { edges { cursor totalCount } pageInfo { hasNextPage } } } | false | true",
        "{ movies { ... on MovieConnection { totalCount } } } | true | false",
        "{ movies { ... { edges { cursor } } } } | false | true",
        "query { movies { ...Counted } } fragment Counted on MovieConnection { totalCount } | true | false",
        "query { movies { pageInfo { hasNextPage } ...Outer } }"
                + " fragment Outer on MovieConnection { ... on MovieConnection { ...Middle } }"
                + " fragment Middle on MovieConnection { ...Inner }"
                + " fragment Inner on MovieConnection { ... { totalCount } } | true | false",
        // a fragment spread only under another field does not count for this one
        "query { movies { edges { cursor } } genres { ...Counted } }"
                + " fragment Counted on MovieConnection { totalCount } | false | true",
        // the same field asked twice is merged before the fetcher runs
        "{ movies { edges { cursor } } movies { totalCount } } | true | true",
        // a skipped field still counts: the worst case is an unneeded count, never a missing one
        "{ movies { totalCount @skip(if: true) pageInfo { hasNextPage } } } | true | false",
        "{ movies { __typename } } | false | false",
    })
    void theFieldsOwnSelectionIsRead(String document, boolean expectedTotalCount, boolean expectedEdges) {
        run(document);

        assertThat(totalCount).as("totalCount").isEqualTo(expectedTotalCount);
        assertThat(edges).as("edges").isEqualTo(expectedEdges);
    }

    @Test
    void aSubFieldOfASubFieldIsNotSelected() {
        run("{ movies { edges { cursor } } }");

        assertThat(edges).isTrue();
        assertThat(cursor).isFalse();
    }

    private void run(String document) {
        totalCount = false;
        edges = false;
        cursor = false;
        ExecutionResult result = graphql.execute(document);
        assertThat(result.getErrors()).as(document).isEmpty();
    }

    private GraphQLSchema schema() {
        DataFetcher<Object> movies = env -> {
            totalCount = Selections.selects(env, "totalCount");
            edges = Selections.selects(env, "edges");
            cursor = Selections.selects(env, "cursor");
            return Map.of();
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type.dataFetcher("movies", movies).dataFetcher("genres", env -> Map.of()))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }
}

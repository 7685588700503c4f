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

    @Test
    void aDirectlySelectedFieldIsSelected() {
        run("{ movies { totalCount } }");

        assertThat(totalCount).isTrue();
        assertThat(edges).isFalse();
    }

    @Test
    void anAliasedFieldCountsByItsName() {
        run("{ movies { count: totalCount } }");

        assertThat(totalCount).isTrue();
    }

    @Test
    void aFieldSelectedOnlyDeeperDownIsNotTheFieldsOwn() {
        run("{ movies { edges { cursor totalCount } pageInfo { hasNextPage } } }");

        assertThat(edges).isTrue();
        assertThat(totalCount).isFalse();
        assertThat(cursor).isFalse();
    }

    @Test
    void aFieldInsideAnInlineFragmentIsSelected() {
        run("{ movies { ... on MovieConnection { totalCount } } }");
        assertThat(totalCount).isTrue();

        run("{ movies { ... { edges { cursor } } } }");
        assertThat(edges).isTrue();
        assertThat(totalCount).isFalse();
    }

    @Test
    void aFieldInsideANamedFragmentIsSelected() {
        run("query { movies { ...Counted } } fragment Counted on MovieConnection { totalCount }");

        assertThat(totalCount).isTrue();
        assertThat(edges).isFalse();
    }

    @Test
    void fragmentsAreFollowedThroughFragmentsAndInlineFragments() {
        run("""
                query { movies { pageInfo { hasNextPage } ...Outer } }
                fragment Outer on MovieConnection { ... on MovieConnection { ...Middle } }
                fragment Middle on MovieConnection { ...Inner }
                fragment Inner on MovieConnection { ... { totalCount } }
                """);

        assertThat(totalCount).isTrue();
        assertThat(edges).isFalse();
    }

    @Test
    void aFragmentUsedOnlyElsewhereDoesNotCount() {
        run("""
                query { movies { edges { cursor } } genres { ...Counted } }
                fragment Counted on MovieConnection { totalCount }
                """);

        assertThat(edges).isTrue();
        assertThat(totalCount).isFalse();
    }

    @Test
    void theSameFieldAskedTwiceIsMergedBeforeItIsAsked() {
        run("{ movies { edges { cursor } } movies { totalCount } }");

        assertThat(totalCount).isTrue();
        assertThat(edges).isTrue();
    }

    @Test
    void aSkippedFieldStillCountsSoACountIsNeverMissing() {
        run("{ movies { totalCount @skip(if: true) pageInfo { hasNextPage } } }");

        assertThat(totalCount).isTrue();
    }

    @Test
    void onlyTypenameSelectsNothing() {
        run("{ movies { __typename } }");

        assertThat(totalCount).isFalse();
        assertThat(edges).isFalse();
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

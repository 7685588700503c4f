package org.mymoviedb.movie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** A page of movies with genres and directors costs the same number of SQL statements whatever its size. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementCountTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass();

    private static final String PAGE = """
            query Page($first: Int) {
              movies(first: $first) {
                totalCount
                edges { node { id title genres { id name } directors { id name } } }
              }
            }""";

    @BeforeAll
    void seedTheCatalogue() {
        new Catalogue(server.database().dsl()).manyMovies(120);
    }

    @Test
    void statementsDoNotGrowWithThePageSize() {
        long one = statementsFor(1);
        long twenty = statementsFor(20);
        long hundred = statementsFor(100);
        // page with its genres and directors in its rows (an execution plan) + count
        assertThat(one).isEqualTo(2);
        assertThat(twenty).isEqualTo(one);
        assertThat(hundred).isEqualTo(one);
    }

    @Test
    void totalCountIsOnlyCountedWhenSelected() {
        long before = server.app().database().statements().total();
        JsonNode result = server.execute("{ movies(first: 10) { edges { node { id } } } }", Map.of());
        assertThat(result.get("errors")).isNull();
        assertThat(server.app().database().statements().total() - before).isEqualTo(1);
    }

    @Test
    void totalCountAskedForThroughFragmentsIsCounted() {
        String[] queries = {
            "{ movies(first: 1) { ...Counted edges { node { id } } } } fragment Counted on MovieConnection { n: totalCount }",
            "{ movies(first: 1) { ... on MovieConnection { n: totalCount } edges { node { id } } } }",
            "{ movies(first: 1) { ...Outer } } fragment Outer on MovieConnection { ...Inner } "
                    + "fragment Inner on MovieConnection { n: totalCount }",
        };
        for (String query : queries) {
            long before = server.app().database().statements().total();
            JsonNode result = server.execute(query, Map.of());
            assertThat(result.get("errors")).as("errors in %s", result).isNull();
            assertThat(result.get("data").get("movies").get("n").asInt()).as(query).isEqualTo(120);
            assertThat(server.app().database().statements().total() - before).as(query).isEqualTo(2);
        }
    }

    private long statementsFor(int first) {
        long before = server.app().database().statements().total();
        JsonNode result = server.execute(PAGE, Map.of("first", first));
        assertThat(result.get("errors")).as("errors in %s", result).isNull();
        JsonNode edges = result.get("data").get("movies").get("edges");
        assertThat(edges.size()).isEqualTo(first);
        assertThat(edges.get(0).get("node").get("genres").size()).isEqualTo(2);
        assertThat(edges.get(0).get("node").get("directors").size()).isEqualTo(1);
        return server.app().database().statements().total() - before;
    }
}

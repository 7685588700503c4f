package org.mymoviedb.graphql.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.GENRE;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/**
 * A planned page or movie with its genres and directors is one SQL statement (the names come in the movie's own
 * rows); a first page's SQL is rendered once and reused, and that never keeps its rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneStatementTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().with("RESULT_CACHE_ENABLED", "false");

    /** bench/workloads/W1G.json's query. */
    private static final String W1G = "query FirstMoviesWithNames { movies(first: 10) { edges { node { id title "
            + "releaseDate rating runtime { minutes iso8601 } createdAt updatedAt version genres { id name } "
            + "directors { id name } } } } }";

    private long renamed;

    @BeforeAll
    void seedTheCatalogue() {
        Catalogue catalogue = new Catalogue(server.database().dsl());
        catalogue.manyMovies(30);
        long first = catalogue.movie("AAA first of all", LocalDate.of(1990, 1, 1), 50, 90);
        renamed = catalogue.genre("Before the rename");
        catalogue.tag(first, renamed);
        catalogue.tag(first, catalogue.genre("a genre, with {braces} \"quotes\" \\ and NULL"));
        catalogue.credit(first, catalogue.person("NULL"), 1);
        catalogue.credit(first, catalogue.person("Zed, \"the\" {director}"), 0);
    }

    @Test
    void theBenchmarksPageWithGenresAndDirectorsIsOneStatement() {
        assertThat(statementsFor(W1G)).isEqualTo(1);
        JsonNode node = firstNode(server.execute(W1G, Map.of()));
        assertThat(node.get("genres").findValuesAsString("name"))
                .containsExactly("a genre, with {braces} \"quotes\" \\ and NULL", "Before the rename");
        assertThat(node.get("directors").findValuesAsString("name")).containsExactly("Zed, \"the\" {director}", "NULL");
        // Again: the SQL rendered the first time is sent again, still one statement.
        assertThat(statementsFor(W1G)).isEqualTo(1);
    }

    @Test
    void oneMovieWithItsNamesIsOneStatementAndEachRootIsOne() {
        String id = firstNode(server.execute(W1G, Map.of())).get("id").asString();
        assertThat(statementsFor("{ movie(id: \"" + id + "\") { title genres { name } directors { name } } }"))
                .isEqualTo(1);
        assertThat(statementsFor("{ a: movies(first: 3) { edges { node { genres { name } } } } b: movies(first: 2, "
                + "filter: {rating: {min: 10}}) { edges { node { directors { name } } } } }")).isEqualTo(2);
    }

    @Test
    void theReusedSqlReadsTheRowsOfNow() {
        server.execute(W1G, Map.of());
        server.database().dsl().update(GENRE).set(GENRE.NAME, "After the rename").where(GENRE.ID.eq(renamed))
                .execute();
        JsonNode node = firstNode(server.execute(W1G, Map.of()));
        assertThat(node.get("genres").findValuesAsString("name")).contains("After the rename");
        server.database().dsl().update(GENRE).set(GENRE.NAME, "Before the rename").where(GENRE.ID.eq(renamed))
                .execute();
    }

    private static JsonNode firstNode(JsonNode result) {
        assertThat(result.get("errors")).as("errors in %s", result).isNull();
        return result.get("data").get("movies").get("edges").get(0).get("node");
    }

    private static long statementsFor(String query) {
        long before = server.app().database().statements().total();
        JsonNode result = server.execute(query, Map.of());
        assertThat(result.get("errors")).as("errors in %s", result).isNull();
        return server.app().database().statements().total() - before;
    }
}

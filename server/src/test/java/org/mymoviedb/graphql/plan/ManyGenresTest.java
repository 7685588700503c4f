package org.mymoviedb.graphql.plan;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A planned page reads the genre list once per statement, cut at {@link NamesAlongside#LISTED_GENRES}: with
 * more genres than that, a movie's genres beyond the cut are still answered (graphql-java's execution answers
 * the request that found the cut), and later pages read each row's genres by per-row subqueries, one statement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManyGenresTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().with("RESULT_CACHE_ENABLED", "false");

    private static final String PAGE = "{ movies(first: 3) { edges { node { title genres { name } directors { name } "
            + "} } } }";

    @BeforeAll
    void seed() {
        server.database().dsl().execute("insert into genre (name) select 'Genre ' || lpad(n::text, 4, '0')"
                + " from generate_series(1, ?) as n", NamesAlongside.LISTED_GENRES + 5);
        Catalogue catalogue = new Catalogue(server.database().dsl());
        long movie = catalogue.movie("AAA tagged past the cut", LocalDate.of(2001, 2, 3), 70, 100);
        catalogue.tag(movie, genreNamed("Genre 1005"));
        catalogue.tag(movie, genreNamed("Genre 0001"));
        catalogue.tag(movie, genreNamed("Genre 1004"));
        catalogue.credit(movie, catalogue.person("Ann Director"), 0);
    }

    @Test
    void genresPastTheListsCutAreAnsweredAndLaterPagesAreOneStatement() {
        JsonNode first = server.execute(PAGE, Map.of());
        assertThat(first.get("errors")).as("errors in %s", first).isNull();
        assertThat(genresOfFirst(first)).containsExactly("Genre 0001", "Genre 1004", "Genre 1005");

        long before = server.app().database().statements().total();
        JsonNode again = server.execute(PAGE, Map.of());
        assertThat(server.app().database().statements().total() - before).as("statements").isEqualTo(1);
        assertThat(again).isEqualTo(first);
    }

    private static Iterable<String> genresOfFirst(JsonNode result) {
        return result.get("data").get("movies").get("edges").get(0).get("node").get("genres").findValuesAsString("name");
    }

    private static long genreNamed(String name) {
        return server.database().dsl().fetchValue("select id from genre where name = ?", name) instanceof Number n
                ? n.longValue() : -1;
    }
}

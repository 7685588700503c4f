package org.mymoviedb.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.FreshServer;
import org.mymoviedb.testing.PrometheusScrape;

/**
 * Write transactions take their connections from the pool of writes, whose plans PostgreSQL may cache; every other
 * statement keeps a plan made for its own values, but for pages after a cursor without a filter, from the pool of
 * kept plans.
 */
class WritePoolTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().withAccount("editor", Role.EDITOR);

    private static final String CREATE = """
            mutation($i: MovieInput!) { createMovie(input: $i) { movie { id } userErrors { code } } }""";

    @Test
    void writesPlanAsPostgresDecidesAndReadsForTheirValues() {
        DSLContext dsl = server.app().database().dsl();
        String query = "select current_setting('plan_cache_mode')";
        String written = Transactions.write(dsl, tx -> String.valueOf(tx.fetchValue(query)));
        assertThat(written).isEqualTo("auto");
        assertThat(String.valueOf(dsl.fetchValue(query))).isEqualTo("force_custom_plan");
        // Its history entries carry this instance's mark, as the other pool's do.
        String origin = Transactions.write(dsl,
                tx -> String.valueOf(tx.fetchValue("select current_setting('mymoviedb.origin')")));
        assertThat(origin).isEqualTo(server.app().database().origin());
    }

    @Test
    void aCreateTakesOneConnectionFromThePoolOfWritesAndAReadNone() {
        String token = server.token("editor");
        server.queryAs(token, CREATE, Map.of("i", Map.of("title", "Warm-up", "releaseDate", "1960-01-01")));
        server.query("{ movies(first: 1) { totalCount } }");

        double writes = acquired("mymoviedb-writes");
        double reads = acquired("mymoviedb");
        server.queryAs(token, CREATE, Map.of("i", Map.of("title", "Cleo from 5 to 7", "releaseDate", "1962-04-11")));
        assertThat(acquired("mymoviedb-writes") - writes).isEqualTo(1);
        assertThat(acquired("mymoviedb") - reads).isZero();

        server.query("{ movies(first: 1) { totalCount } }");
        assertThat(acquired("mymoviedb-writes") - writes).isEqualTo(1);
    }

    @Test
    void aPageAfterACursorWithoutAFilterTakesOneConnectionFromThePoolOfKeptPlans() {
        String token = server.token("editor");
        server.queryAs(token, CREATE, Map.of("i", Map.of("title", "Vagabond", "releaseDate", "1985-12-04")));
        server.queryAs(token, CREATE, Map.of("i", Map.of("title", "Wanda", "releaseDate", "1970-09-02")));
        String cursor = server.queryAs(token, "{ movies(first: 1) { pageInfo { endCursor } } }", Map.of())
                .path("data").path("movies").path("pageInfo").path("endCursor").asText();

        double kept = acquired("mymoviedb-kept-plans");
        double reads = acquired("mymoviedb");
        var page = server.queryAs(token, "query($c: String) { movies(first: 1, after: $c) { edges { node { id } } } }",
                Map.of("c", cursor));
        assertThat(page.path("data").path("movies").path("edges")).hasSize(1);
        assertThat(acquired("mymoviedb-kept-plans") - kept).isEqualTo(1);
        assertThat(acquired("mymoviedb") - reads).isZero();
    }

    private static double acquired(String pool) {
        return PrometheusScrape.of(server.get()).value("hikaricp_connections_acquire_seconds_count", "pool", pool);
    }
}

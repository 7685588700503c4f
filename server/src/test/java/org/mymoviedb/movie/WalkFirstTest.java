package org.mymoviedb.movie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.data.WalkFirst;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/**
 * A filtered page in title order whose matches sort late is read by the filter's indexes after a bounded walk of
 * the title order (two statements); one whose matches come early is the walk alone (one statement). Either way
 * the pages, cursors and directions are the keyset pages' own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalkFirstTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().with("RESULT_CACHE_ENABLED", "false");

    private static final int EARLY = WalkFirst.ROWS + 200;
    private static final int LATE = 25;

    @BeforeAll
    void seed() {
        // EARLY titles without the word sort first ("Film ..."), then LATE ones with it ("Zed heart ...").
        server.database().dsl().execute("insert into movie (title, release_date, created_at, updated_at)"
                + " select 'Film ' || lpad(n::text, 5, '0'), date '2000-01-01', now(), now()"
                + " from generate_series(1, ?) as n", EARLY);
        server.database().dsl().execute("insert into movie (title, release_date, created_at, updated_at)"
                + " select 'Zed heart ' || lpad(n::text, 2, '0'), date '2000-01-01', now(), now()"
                + " from generate_series(1, ?) as n", LATE);
        server.database().dsl().execute("analyze movie");
    }

    @Test
    void lateMatchesAreReadByTheFilterAfterTheWalkAndPageOnFromTheirCursor() {
        long before = statements();
        JsonNode first = page("first: 10", "heart");
        assertThat(statements() - before).as("statements: the walk, then the filter's").isEqualTo(2);
        assertThat(titles(first)).containsExactlyElementsOf(late(1, 10));
        assertThat(first.at("/pageInfo/hasNextPage").asBoolean()).isTrue();

        JsonNode second = page("first: 10, after: \"" + first.at("/pageInfo/endCursor").asString() + "\"", "heart");
        assertThat(titles(second)).containsExactlyElementsOf(late(11, 20));

        JsonNode last = page("last: 3", "heart");
        assertThat(titles(last)).containsExactlyElementsOf(late(23, 25));
        assertThat(last.at("/pageInfo/hasPreviousPage").asBoolean()).isTrue();
    }

    @Test
    void earlyMatchesAreTheWalkAlone() {
        long before = statements();
        JsonNode page = page("first: 5", "film");
        assertThat(statements() - before).as("statements").isEqualTo(1);
        assertThat(titles(page)).containsExactly("Film 00001", "Film 00002", "Film 00003", "Film 00004",
                "Film 00005");
        assertThat(page.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
    }

    @Test
    void matchesThatRunOutWithinTheWalkAreOneStatementAndTheLastPage() {
        String cursor = page("last: 3", "film").at("/pageInfo/startCursor").asString();
        long before = statements();
        JsonNode end = page("first: 10, after: \"" + cursor + "\"", "film");
        assertThat(statements() - before).as("statements").isEqualTo(1);
        assertThat(titles(end))
                .containsExactly(String.format("Film %05d", EARLY - 1), String.format("Film %05d", EARLY));
        assertThat(end.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
    }

    private static List<String> late(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> String.format("Zed heart %02d", n)).toList();
    }

    private static JsonNode page(String arguments, String word) {
        JsonNode result = server.execute("{ movies(" + arguments + ", filter: {titleContains: \"" + word + "\"}) {"
                + " edges { node { title } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }", Map.of());
        assertThat(result.get("errors")).as("errors in %s", result).isNull();
        return result.at("/data/movies");
    }

    private static List<String> titles(JsonNode movies) {
        return movies.get("edges").findValuesAsString("title");
    }

    private static long statements() {
        return server.app().database().statements().total();
    }
}

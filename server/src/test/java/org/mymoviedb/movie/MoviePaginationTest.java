package org.mymoviedb.movie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.MOVIE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** Walks the whole catalogue forward and backward under every ordering: no gap, no duplicate, SQL's order. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoviePaginationTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass();

    private static final int MOVIES = 237;
    private static final String PAGE = """
            query Page($first: Int, $after: String, $last: Int, $before: String, $orderBy: [MovieOrder!]) {
              movies(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
                totalCount
                edges { cursor node { id } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }""";

    @BeforeAll
    void seedTheCatalogue() {
        new Catalogue(server.database().dsl()).manyMovies(MOVIES);
        // Few distinct instants (with microseconds, which a cursor must keep) and unknown runtimes: ties everywhere.
        server.database().dsl().execute("""
                update movie set
                  created_at = timestamptz '2020-01-01 00:00:00.123456+00' + (id % 7) * interval '1 day',
                  updated_at = timestamptz '2024-05-31 12:00:00.000001+02' + (id % 11) * interval '1.5 seconds',
                  runtime_minutes = case when id % 4 = 0 then null else runtime_minutes end""");
    }

    static Stream<Arguments> orderings() {
        return Stream.of(
                Arguments.of(List.of()),
                Arguments.of(List.of(order("TITLE", "ASC"))),
                Arguments.of(List.of(order("TITLE", "DESC"))),
                Arguments.of(List.of(order("RELEASE_DATE", "ASC"))),
                Arguments.of(List.of(order("RELEASE_DATE", "DESC"))),
                Arguments.of(List.of(order("RATING", "ASC"))),
                Arguments.of(List.of(order("RATING", "DESC"))),
                Arguments.of(List.of(order("RATING", "DESC"), order("TITLE", "ASC"))),
                Arguments.of(List.of(order("TITLE", "ASC"), order("RELEASE_DATE", "DESC"))),
                Arguments.of(List.of(order("RELEASE_DATE", "ASC"), order("RATING", "ASC"), order("TITLE", "DESC"))),
                Arguments.of(List.of(order("UPDATED_AT", "ASC"))),
                Arguments.of(List.of(order("UPDATED_AT", "DESC"))),
                Arguments.of(List.of(order("CREATED_AT", "ASC"))),
                Arguments.of(List.of(order("CREATED_AT", "DESC"), order("TITLE", "ASC"))),
                Arguments.of(List.of(order("RUNTIME", "ASC"))),
                Arguments.of(List.of(order("RUNTIME", "DESC"))),
                Arguments.of(List.of(order("RUNTIME", "DESC"), order("UPDATED_AT", "ASC"))));
    }

    @ParameterizedTest
    @MethodSource("orderings")
    void forwardPagesCoverTheCatalogueInSqlOrder(List<Map<String, String>> orderBy) {
        List<Long> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            Map<String, Object> vars = new HashMap<>(Map.of("first", 17, "orderBy", orderBy));
            vars.put("after", after);
            JsonNode connection = movies(vars);
            assertThat(connection.get("totalCount").asInt()).isEqualTo(MOVIES);
            connection.get("edges").forEach(e -> seen.add(Ids.parse(e.get("node").get("id").asString(), NodeType.MOVIE)));
            JsonNode info = connection.get("pageInfo");
            assertThat(info.get("hasPreviousPage").asBoolean()).isEqualTo(after != null);
            pages++;
            if (!info.get("hasNextPage").asBoolean()) {
                break;
            }
            after = info.get("endCursor").asString();
        }
        assertThat(pages).isEqualTo((MOVIES + 16) / 17);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(sqlOrder(orderBy));
    }

    @ParameterizedTest
    @MethodSource("orderings")
    void backwardPagesCoverTheCatalogueInSqlOrder(List<Map<String, String>> orderBy) {
        List<Long> seen = new ArrayList<>();
        String before = null;
        while (true) {
            Map<String, Object> vars = new HashMap<>(Map.of("last", 23, "orderBy", orderBy));
            vars.put("before", before);
            JsonNode connection = movies(vars);
            List<Long> page = new ArrayList<>();
            connection.get("edges").forEach(e -> page.add(Ids.parse(e.get("node").get("id").asString(), NodeType.MOVIE)));
            seen.addAll(0, page);
            JsonNode info = connection.get("pageInfo");
            assertThat(info.get("hasNextPage").asBoolean()).isEqualTo(before != null);
            if (!info.get("hasPreviousPage").asBoolean()) {
                break;
            }
            before = info.get("startCursor").asString();
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(sqlOrder(orderBy));
    }

    @ParameterizedTest
    @MethodSource("orderings")
    void aCursorLeadsBothWaysToItsNeighbours(List<Map<String, String>> orderBy) {
        List<Long> all = sqlOrder(orderBy);
        JsonNode firstPage = movies(Map.of("first", 50, "orderBy", orderBy));
        String cursorOf40th = firstPage.get("edges").get(39).get("cursor").asString();
        JsonNode after = movies(Map.of("first", 5, "after", cursorOf40th, "orderBy", orderBy));
        JsonNode before = movies(Map.of("last", 5, "before", cursorOf40th, "orderBy", orderBy));
        assertThat(ids(after)).containsExactlyElementsOf(all.subList(40, 45));
        assertThat(ids(before)).containsExactlyElementsOf(all.subList(34, 39));
    }

    private JsonNode movies(Map<String, Object> variables) {
        JsonNode response = server.execute(PAGE, variables);
        assertThat(response.get("errors")).as("errors in %s", response).isNull();
        return response.get("data").get("movies");
    }

    private static List<Long> ids(JsonNode connection) {
        List<Long> ids = new ArrayList<>();
        connection.get("edges").forEach(e -> ids.add(Ids.parse(e.get("node").get("id").asString(), NodeType.MOVIE)));
        return ids;
    }

    /** The oracle: the same ordering as a plain ORDER BY over the whole table, no keyset involved. */
    private List<Long> sqlOrder(List<Map<String, String>> orderBy) {
        List<SortField<?>> sort = new ArrayList<>();
        boolean lastAscending = true;
        for (Map<String, String> o : orderBy.isEmpty() ? List.of(order("TITLE", "ASC")) : orderBy) {
            boolean asc = o.get("direction").equals("ASC");
            Field<?> field = switch (o.get("field")) {
                case "TITLE" -> MOVIE.TITLE;
                case "RELEASE_DATE" -> MOVIE.RELEASE_DATE;
                case "UPDATED_AT" -> MOVIE.UPDATED_AT;
                case "CREATED_AT" -> MOVIE.CREATED_AT;
                case "RUNTIME" -> DSL.coalesce(MOVIE.RUNTIME_MINUTES, DSL.inline(0));
                default -> DSL.coalesce(MOVIE.RATING.cast(SQLDataType.INTEGER), DSL.inline(-1));
            };
            sort.add(asc ? field.asc() : field.desc());
            lastAscending = asc;
        }
        sort.add(lastAscending ? MOVIE.ID.asc() : MOVIE.ID.desc());
        return server.database().dsl().select(MOVIE.ID).from(MOVIE).orderBy(sort).fetch(MOVIE.ID);
    }

    private static Map<String, String> order(String field, String direction) {
        return Map.of("field", field, "direction", direction);
    }
}

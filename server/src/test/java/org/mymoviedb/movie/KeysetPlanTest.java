package org.mymoviedb.movie;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.conf.ParamType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mymoviedb.base.Keyset;
import org.mymoviedb.base.Page;
import org.mymoviedb.base.PageRequest;
import org.mymoviedb.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page deep into a large catalogue touches about as many rows as the first page: PostgreSQL's own row counts
 * (EXPLAIN ANALYZE) for the keyset query, not a timing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeysetPlanTest {

    private static final int MOVIES = 30_000;

    private TestDatabase db;
    private MovieRepository movies;

    @BeforeAll
    void fill() {
        db = TestDatabase.create();
        db.dsl().execute("""
                insert into movie (title, release_date, rating, runtime_minutes, created_at, updated_at)
                select 'Film ' || n, date '1900-01-01' + (n % 40000), case when n % 7 = 0 then null else n % 101 end,
                       case when n % 9 = 0 then null else 60 + n % 120 end,
                       timestamptz '2000-01-01 00:00:00Z' + n * interval '1 minute',
                       timestamptz '2020-01-01 00:00:00Z' + (n % 5000) * interval '1 second'
                from generate_series(1, ?) as n""", MOVIES);
        db.dsl().execute("analyze movie");
        movies = new MovieRepository(db.dsl());
    }

    @AfterAll
    void drop() {
        db.close();
    }

    static Stream<Arguments> orderings() {
        return Stream.of(
                Arguments.of(new MovieOrder(MovieOrder.Key.TITLE, true), false),
                Arguments.of(new MovieOrder(MovieOrder.Key.RELEASE_DATE, false), false),
                Arguments.of(new MovieOrder(MovieOrder.Key.RATING, false), false),
                Arguments.of(new MovieOrder(MovieOrder.Key.RATING, true), true),
                Arguments.of(new MovieOrder(MovieOrder.Key.UPDATED_AT, false), false),
                Arguments.of(new MovieOrder(MovieOrder.Key.UPDATED_AT, true), true),
                Arguments.of(new MovieOrder(MovieOrder.Key.CREATED_AT, true), false),
                Arguments.of(new MovieOrder(MovieOrder.Key.RUNTIME, true), false),
                Arguments.of(new MovieOrder(MovieOrder.Key.RUNTIME, false), true));
    }

    @ParameterizedTest
    @MethodSource("orderings")
    void aDeepPageReadsOnlyItsOwnRowsThroughTheIndex(MovieOrder order, boolean backward) throws Exception {
        List<MovieOrder> orders = List.of(order);
        PageRequest page = new PageRequest(20, backward, positionAt(orders, MOVIES - 1_000));

        JsonNode plan = explain(db.dsl(), movies.pageQuery(MovieFilter.NONE, orders, page)
                .getSQL(ParamType.INLINED));
        List<String> scans = new ArrayList<>();
        long rowsRead = rowsReadByScans(plan, scans);
        assertThat(scans).as("plan %s", plan).allMatch(s -> s.startsWith("Index Scan"));
        assertThat(rowsRead).as("plan %s", plan).isLessThanOrEqualTo(21);
    }

    static Stream<Arguments> positionsBeforeTheFilter() {
        return Stream.of(
                Arguments.of(new MovieOrder(MovieOrder.Key.RATING, true), false, Map.of("rating", Map.of("min", 85)),
                        List.of(30, 5_000L)),
                Arguments.of(new MovieOrder(MovieOrder.Key.RATING, false), false, Map.of("rating", Map.of("max", 15)),
                        List.of(70, 5_000L)),
                Arguments.of(new MovieOrder(MovieOrder.Key.RATING, false), true, Map.of("rating", Map.of("min", 85)),
                        List.of(30, 5_000L)),
                Arguments.of(new MovieOrder(MovieOrder.Key.RELEASE_DATE, true), false,
                        Map.of("releaseYear", Map.of("min", 1970)), List.of(LocalDate.of(1920, 6, 1), 5_000L)),
                Arguments.of(new MovieOrder(MovieOrder.Key.RELEASE_DATE, false), false,
                        Map.of("releaseDate", Map.of("to", LocalDate.of(1915, 1, 1))),
                        List.of(LocalDate.of(1990, 6, 1), 5_000L)));
    }

    /**
     * A position before the filter's whole range (a cursor from an earlier, wider filter, or a guessed one): the
     * page reads the index from the filter's bound, as the first page does, not from the position up to it. Counted
     * in PostgreSQL's buffers, since the index entries it would walk are not rows any plan node reports.
     */
    @ParameterizedTest
    @MethodSource("positionsBeforeTheFilter")
    void aPositionBeforeTheFiltersRangeIsNotWalkedFrom(MovieOrder order, boolean backward, Map<String, Object> given,
                                                       List<Object> position) {
        List<MovieOrder> orders = List.of(order);
        MovieFilter filter = MovieFilter.fromArgument(given);
        PageRequest after = new PageRequest(20, backward, new Keyset(position));

        JsonNode plan = explain(db.dsl(), movies.pageQuery(filter, orders, after).getSQL(ParamType.INLINED));
        long buffers = plan.get("Shared Hit Blocks").asLong() + plan.get("Shared Read Blocks").asLong();
        assertThat(buffers).as("plan %s", plan).isLessThanOrEqualTo(30);
        assertThat(movies.page(filter, orders, after, false).items()).hasSize(20)
                .isEqualTo(movies.page(filter, orders, new PageRequest(20, backward, null), false).items());
    }

    /** Walks to roughly the {@code position}-th movie with full pages, the way a client would. */
    private Keyset positionAt(List<MovieOrder> orders, int position) {
        Keyset after = null;
        for (int seen = 0; seen < position; seen += 100) {
            Page<Movie> page = movies.page(MovieFilter.NONE, orders, new PageRequest(100, false, after), false);
            after = MovieOrder.positionOf(orders, page.items().get(page.items().size() - 1));
        }
        return after;
    }

    private static JsonNode explain(DSLContext dsl, String sql) {
        String json = dsl.fetchValue("explain (analyze, buffers, format json) " + sql).toString();
        return JsonMapper.builder().build().readTree(json).get(0).get("Plan");
    }

    private static long rowsReadByScans(JsonNode node, List<String> scans) {
        long rows = 0;
        String type = node.get("Node Type").asString();
        if (type.contains("Scan")) {
            scans.add(type + " on " + node.path("Relation Name").asString(""));
            rows += node.get("Actual Rows").asLong() * node.path("Actual Loops").asLong(1);
        }
        for (JsonNode child : node.path("Plans")) {
            rows += rowsReadByScans(child, scans);
        }
        return rows;
    }
}

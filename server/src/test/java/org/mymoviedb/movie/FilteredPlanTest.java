package org.mymoviedb.movie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jooq.conf.ParamType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mymoviedb.base.PageRequest;
import org.mymoviedb.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Filtered lists on a large catalogue read about as many rows as they answer: PostgreSQL's own row and buffer
 * counts (EXPLAIN ANALYZE) for the SQL a page sends, not timings (bench/README.md, "Search plans at 1,000,000
 * movies").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilteredPlanTest {

    private static final int CATALOGUE_SIZE = 30_000;

    private TestDatabase db;
    private MovieRepository movies;

    @BeforeAll
    void fillTheCatalogue() {
        db = TestDatabase.create();
        db.dsl().execute("insert into genre (name) select g from unnest(array['Drama', 'Comedy', 'Western', 'Horror', "
                + "'Musical']) as g");
        // Ratings 0-100 spread evenly, a seventh unrated; each movie in one of the five genres.
        db.dsl().execute("""
                insert into movie (title, release_date, rating, runtime_minutes)
                select 'Film ' || n, date '1900-01-01' + (n % 40000), case when n % 7 = 0 then null else n % 101 end,
                       60 + n % 120
                from generate_series(1, ?) as n""", CATALOGUE_SIZE);
        db.dsl().execute("""
                insert into movie_genre (movie_id, genre_id)
                select m.id, g.id from movie m join genre g on g.id = (select min(id) from genre) + m.id % 5""");
        db.dsl().execute("vacuum analyze movie");
        movies = new MovieRepository(db.dsl());
    }

    @AfterAll
    void drop() {
        db.close();
    }

    @Test
    void aRatingFloorUnderTheRatingOrderStartsAtTheFloor() {
        // W6's "genres: [Drama], rating >= 65, RATING ASC": the index's walk used to begin at the unrated movies
        // and filter out every movie rated below 65 (650,000 rows at 1,000,000 movies).
        MovieFilter filter = MovieFilter.fromArgument(Map.of("genres", List.of("Drama"), "rating", Map.of("min", 65)));
        JsonNode plan = explain(filter, new MovieOrder(MovieOrder.Key.RATING, true), 50);
        // Whether it walks the index from the floor or collects the range in a bitmap (as here, where 30% are
        // rated 65 or more) is the planner's choice; either way no movie rated below the floor is read.
        int atOrAboveFloor = db.dsl().fetchCount(db.dsl().selectOne().from("movie").where("rating >= 65"));
        assertThat(rowsExamined(plan)).as("plan %s", plan).isLessThanOrEqualTo(atOrAboveFloor + 5);
        assertThat(plan.toString()).contains("Index Cond\":\"(COALESCE((rating)::integer, '-1'::integer) >= 65)");
    }

    @Test
    void aRatingCeilingUnderTheRatingOrderDescendingStartsAtTheCeiling() {
        MovieFilter filter = MovieFilter.fromArgument(Map.of("rating", Map.of("max", 30)));
        JsonNode plan = explain(filter, new MovieOrder(MovieOrder.Key.RATING, false), 20);
        assertThat(rowsExamined(plan)).as("plan %s", plan).isLessThanOrEqualTo(21);
    }

    @Test
    void unratedMoviesUnderTheRatingOrderAreOneRangeOfItsIndex() {
        MovieFilter filter = MovieFilter.fromArgument(Map.of("hasRating", false));
        JsonNode plan = explain(filter, new MovieOrder(MovieOrder.Key.RATING, false), 20);
        assertThat(rowsExamined(plan)).as("plan %s", plan).isLessThanOrEqualTo(21);
    }

    @Test
    void aCountWithAGenreReadsOnlyTheMoviesThatMatchEveryCondition() {
        // totalCount over a genre and a decade: the genre's ids from the GIN index ANDed with the release dates'
        // range, instead of every movie of the decade (or of the catalogue) read and checked for the genre.
        MovieFilter filter = MovieFilter.fromArgument(Map.of("genres", List.of("Western"),
                "releaseYear", Map.of("min", 1950, "max", 1959)));
        int matching = db.dsl().fetchValue(movies.countQuery(filter));
        String json = db.dsl().fetchValue("explain (analyze, buffers, format json) "
                + movies.countQuery(filter).getSQL(ParamType.INLINED)).toString();
        JsonNode plan = JsonMapper.builder().build().readTree(json).get(0).get("Plan");
        assertThat(matching).isBetween(500, 1_000);
        assertThat(rowsExamined(plan)).as("plan %s", plan).isLessThanOrEqualTo(matching + 5);
    }

    @Test
    void everyTrigramIndexWritesStraightToItsTrees() {
        // A GIN index's pending list (fastupdate, on by default) is read in full by every search until a vacuum
        // or 4 MB of writes flush it: after W5's creates a rare word cost 1-5 ms instead of 0.1 ms at 1,000,000.
        List<String> gin = db.dsl().fetch("""
                select c.relname, coalesce(array_to_string(c.reloptions, ','), '') as options
                from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
                where a.amname = 'gin' and c.relnamespace = 'public'::regnamespace""")
                .map(r -> r.get(0, String.class) + " " + r.get(1, String.class));
        assertThat(gin).isNotEmpty().allMatch(s -> s.contains("fastupdate=off"));
    }

    private JsonNode explain(MovieFilter filter, MovieOrder order, int size) {
        String sql = movies.pageQuery(filter, List.of(order), new PageRequest(size, false, null))
                .getSQL(ParamType.INLINED);
        String json = db.dsl().fetchValue("explain (analyze, buffers, format json) " + sql).toString();
        return JsonMapper.builder().build().readTree(json).get(0).get("Plan");
    }

    /**
     * Table rows the plan's scans looked at: those they returned and those their filters dropped (a bitmap's
     * index scan is counted by the heap scan above it).
     */
    static long rowsExamined(JsonNode node) {
        long rows = 0;
        String type = node.get("Node Type").asString();
        if (type.contains("Scan") && !type.equals("Bitmap Index Scan")) {
            long loops = node.path("Actual Loops").asLong(1);
            rows += (node.get("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong(0)) * loops;
        }
        for (JsonNode child : node.path("Plans")) {
            rows += rowsExamined(child);
        }
        return rows;
    }
}

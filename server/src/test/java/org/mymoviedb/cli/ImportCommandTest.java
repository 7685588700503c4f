package org.mymoviedb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.MOVIE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mymoviedb.auth.Role;
import org.mymoviedb.importer.SampleData;
import org.mymoviedb.testing.CommandRun;
import org.mymoviedb.testing.TestDatabase;
import org.mymoviedb.testing.TestServer;

/** `import FILE` as a user runs it, and the sample data a first start loads. */
class ImportCommandTest {

    private static final Path FIXTURE = Path.of("src/main/resources/sample-data/seed-fixture.json");
    private static final Path VEGA = Path.of("src/main/resources/sample-data/vega-movies.json");

    private TestDatabase db;
    private Map<String, String> env;

    @BeforeEach
    void database() {
        db = TestDatabase.create();
        env = Map.of("DATABASE_URL", CommandRun.databaseUrl(db.settings()));
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void importPrintsEachRejectionAndACountAndAddsNothingTheSecondTime() {
        CommandRun vega = CommandRun.of(env, "", "import", VEGA.toString());
        assertThat(vega.exit()).as(vega.err()).isZero();
        assertThat(vega.out().lines().filter(l -> l.startsWith("rejected "))).hasSize(16);
        assertThat(vega.out()).contains("rejected row 3054 (no title): title is missing")
                .contains("vega-movies.json: 3201 rows read, 3185 added, 0 updated, 0 unchanged, 16 rejected");

        CommandRun fixture = CommandRun.of(env, "", "import", FIXTURE.toString());
        assertThat(fixture.out()).contains("seed-fixture.json: 11 rows read, 6 added, 3 updated, 2 unchanged, 0 rejected");
        CommandRun again = CommandRun.of(env, "", "import", FIXTURE.toString());
        assertThat(again.out()).contains("11 rows read, 0 added, 0 updated, 11 unchanged, 0 rejected");
        assertThat(db.dsl().fetchCount(MOVIE)).isEqualTo(3191);
    }

    @Test
    void aFileThatIsNotAMovieListIsOneClearLine(@TempDir Path dir) throws Exception {
        Path notMovies = Files.writeString(dir.resolve("notes.json"), "{\"hello\": \"world\"}");
        CommandRun run = CommandRun.of(env, "", "import", notMovies.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("mymoviedb: ").contains("notes.json: expected a JSON array of movies")
                .doesNotContain("Exception").hasLineCount(1);
        CommandRun missing = CommandRun.of(env, "", "import", dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.json");
    }

    @Test
    void theFirstStartLoadsTheSampleDataAndLaterStartsDoNot() {
        try (TestServer first = TestServer.start(Map.of("LOAD_SAMPLE_DATA", "true"))) {
            assertThat(first.query("{ movies { totalCount } }").get("data").get("movies").get("totalCount").asInt())
                    .isEqualTo(3191);
            var matrix = first.query("{ movies(filter: {titleContains: \"the matrix\", releaseYear: {min: 1999, max: 1999}}) "
                    + "{ edges { node { title releaseDate genres { name } directors { name } } } } }")
                    .get("data").get("movies").get("edges");
            assertThat(matrix.size()).as("one Matrix from both files").isEqualTo(1);
            assertThat(matrix.get(0).get("node").get("genres").valueStream().map(g -> g.get("name").asString()))
                    .containsExactly("Action", "Sci-fi");
            assertThat(matrix.get(0).get("node").get("directors").valueStream().map(d -> d.get("name").asString()))
                    .containsExactly("Lana Wachoski", "Andy Wachowski");
            // The sample load is an import like any other: history names it, for the fixture's create and
            // vega's additions alike.
            var history = first.queryAs(first.signedIn("editor", Role.EDITOR), "{ movies(filter: {titleContains: "
                    + "\"the matrix\", releaseYear: {min: 1999, max: 1999}}) { edges { node { history(first: 10) { "
                    + "edges { node { username action } } } } } } }", Map.of())
                    .get("data").get("movies").get("edges").get(0).get("node").get("history").get("edges");
            assertThat(history.valueStream().map(e -> e.get("node").get("username").asString()))
                    .isNotEmpty().containsOnly("import:sample-data");
            assertThat(history.valueStream().map(e -> e.get("node").get("action").asString())).contains("CREATE");

            // What Application does at every start: a catalogue with movies in it is left alone.
            first.database().dsl().deleteFrom(MOVIE).where(MOVIE.TITLE.eq("300")).execute();
            assertThat(SampleData.loadIfEmpty(first.database().dsl(), line -> { })).isEmpty();
            assertThat(first.database().dsl().fetchCount(MOVIE)).isEqualTo(3190);
        }
    }
}

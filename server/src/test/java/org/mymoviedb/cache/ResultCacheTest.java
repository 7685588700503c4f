package org.mymoviedb.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mymoviedb.auth.Role;
import org.mymoviedb.http.Json;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.CommandRun;
import org.mymoviedb.testing.PrometheusScrape;
import org.mymoviedb.testing.TestDatabase;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/** The result cache for anonymous reads: never stale after a write, and invisible in what it answers. */
class ResultCacheTest {

    private static final String TITLES = "{ movies(first: 50) { totalCount edges { node { title rating version } } } }";
    private static final String UPDATE = "mutation($id: ID!, $v: Int!, $r: Int) { updateMovie(id: $id, "
            + "expectedVersion: $v, input: {rating: $r}) { movie { version } userErrors { code } } }";

    @Test
    void aReadAfterACommittedWriteNeverSeesTheOldValue() {
        try (TestServer server = TestServer.start()) {
            long id = new Catalogue(server.database().dsl()).movie("Le Bonheur", LocalDate.of(1965, 2, 10), 50, 80);
            String editor = server.signedIn("editor", Role.EDITOR);
            String read = "{ movie(id: \"" + id + "\") { rating version } }";
            double hitsBefore = metric(server, "mymoviedb_result_cache_hits_total");
            for (int i = 1; i <= 30; i++) {
                JsonNode before = server.query(read).get("data").get("movie");
                assertThat(server.query(read).get("data").get("movie")).isEqualTo(before);
                int version = before.get("version").asInt();
                JsonNode written = server.queryAs(editor, UPDATE, Map.of("id", String.valueOf(id), "v", version,
                        "r", (50 + i) % 101)).get("data").get("updateMovie");
                assertThat(written.get("userErrors").isEmpty()).isTrue();
                JsonNode after = server.query(read).get("data").get("movie");
                assertThat(after.get("rating").asInt()).as("round %d", i).isEqualTo((50 + i) % 101);
                assertThat(after.get("version").asInt()).isEqualTo(version + 1);
            }
            // The repeated reads were answered from the cache: the test exercised it.
            assertThat(metric(server, "mymoviedb_result_cache_hits_total") - hitsBefore).isGreaterThanOrEqualTo(30);
        }
    }

    @Test
    void anotherInstancesWriteReachesThisCacheThroughPostgres() throws Exception {
        try (TestDatabase shared = TestDatabase.create()) {
            long id = new Catalogue(shared.dsl()).movie("Vagabond", LocalDate.of(1985, 12, 4), 70, 105);
            String read = "{ movie(id: \"" + id + "\") { rating } }";
            try (TestServer reader = TestServer.startOn(shared)) {
                assertThat(reader.query(read).get("data").get("movie").get("rating").asInt()).isEqualTo(70);
                assertThat(reader.query(read).get("data").get("movie").get("rating").asInt()).isEqualTo(70);
                // A write by another process: the import command, as an editor's script would run it.
                java.nio.file.Path file = java.nio.file.Files.createTempFile("vagabond", ".json");
                java.nio.file.Files.writeString(file, "[{\"model\": \"movies.movie\", \"pk\": 1, \"fields\": "
                        + "{\"title\": \"Le Bonheur\", \"release_date\": \"1965-02-10\", \"rating\": 75, "
                        + "\"duration\": \"01:20:00\", \"director\": \"Agnès Varda\", \"genre\": \"Drama\"}}]");
                shared.dsl().execute("update movie set rating = 99 where id = ?", id);
                CommandRun.of(Map.of("DATABASE_URL", CommandRun.databaseUrl(shared.settings())), "", "import",
                        file.toString());
                long deadline = System.nanoTime() + 10_000_000_000L;
                int seen = 70;
                while (seen != 99 && System.nanoTime() < deadline) {
                    seen = reader.query(read).get("data").get("movie").get("rating").asInt();
                    Thread.sleep(50);
                }
                assertThat(seen).as("the other process's commit was announced").isEqualTo(99);
            }
        }
    }

    @Test
    void anEditorsWriteOnOneInstanceReachesAnotherInstancesCache() throws Exception {
        try (TwoInstances two = TwoInstances.start()) {
            long id = new Catalogue(two.shared.dsl()).movie("Cléo from 5 to 7", LocalDate.of(1962, 4, 11), 60, 90);
            for (int round = 1; round <= 5; round++) {
                two.assertTheReaderSeesTheWritersRating(id, 60 + round);
            }
        }
    }

    @Test
    void anInstanceKeepsAnnouncingAfterPostgresDropsItsAnnouncerConnection() throws Exception {
        try (TwoInstances two = TwoInstances.start()) {
            long id = new Catalogue(two.shared.dsl()).movie("Sans toit ni loi", LocalDate.of(1985, 12, 4), 40, 105);
            two.assertTheReaderSeesTheWritersRating(id, 41); // the writer's announcer has connected
            // As a failover or an administrator would: the announcers' sessions end under them.
            int dropped = two.shared.dsl().fetch("select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where datname = ? and application_name = 'mymoviedb-announcer'",
                    two.shared.settings().database()).size();
            assertThat(dropped).as("announcer sessions ended").isGreaterThanOrEqualTo(1);
            for (int rating = 42; rating <= 44; rating++) {
                two.assertTheReaderSeesTheWritersRating(id, rating);
            }
        }
    }

    /** Two servers on one database: an editor writes on one that caches nothing itself, yet still tells the other. */
    private record TwoInstances(TestDatabase shared, TestServer writer, TestServer reader, String editor)
            implements AutoCloseable {

        static TwoInstances start() {
            TestDatabase shared = TestDatabase.create();
            TestServer writer = TestServer.startOn(shared, Map.of("RESULT_CACHE_ENABLED", "false"));
            TestServer reader = TestServer.startOn(shared);
            return new TwoInstances(shared, writer, reader, writer.signedIn("editor", Role.EDITOR));
        }

        /** The writer sets the rating; the reader, whose cache held the old one, answers the new one within seconds. */
        void assertTheReaderSeesTheWritersRating(long id, int rating) throws InterruptedException {
            String read = "{ movie(id: \"" + id + "\") { rating } }";
            int before = reader.query(read).get("data").get("movie").get("rating").asInt();
            assertThat(reader.query(read).get("data").get("movie").get("rating").asInt()).isEqualTo(before);
            int version = writer.query("{ movie(id: \"" + id + "\") { version } }").get("data").get("movie")
                    .get("version").asInt();
            JsonNode written = writer.queryAs(editor, UPDATE, Map.of("id", String.valueOf(id), "v", version,
                    "r", rating)).get("data").get("updateMovie");
            assertThat(written.get("userErrors").isEmpty()).isTrue();
            long deadline = System.nanoTime() + 10_000_000_000L;
            int seen = before;
            while (seen != rating && System.nanoTime() < deadline) {
                Thread.sleep(20);
                seen = reader.query(read).get("data").get("movie").get("rating").asInt();
            }
            assertThat(seen).as("the writer's commit of rating %d was announced", rating).isEqualTo(rating);
        }

        @Override
        public void close() {
            reader.close();
            writer.close();
            shared.close();
        }
    }

    @Test
    void cacheOnAndOffGiveTheSameAnswers() {
        try (TestDatabase shared = TestDatabase.create()) {
            new Catalogue(shared.dsl()).manyMovies(120);
            List<String> queries = List.of(
                    TITLES,
                    "{ movies(first: 7, orderBy: [{field: RATING, direction: DESC}, {field: TITLE}]) { edges { cursor "
                            + "node { title genres { name } directors { name } } } pageInfo { hasNextPage endCursor } } }",
                    "{ movies(last: 5, filter: {genres: [\"drama\"], releaseYear: {min: 1960, max: 1990}}) { totalCount "
                            + "edges { node { title releaseDate runtime { minutes iso8601 } } } } }",
                    "{ genres { id name movies(first: 3) { totalCount } } }",
                    "{ people(search: \"a\", first: 3) { totalCount edges { node { name directed(first: 2) { edges { node { title } } } } } } }",
                    "{ movie(id: \"1\") { title } }",
                    "{ movie(id: \"999999\") { title } }",
                    "{ movies(first: -1) { totalCount } }",
                    "{ nosuchfield }",
                    "{ me { username } }");
            List<String> withCache = new ArrayList<>();
            List<String> withoutCache = new ArrayList<>();
            try (TestServer cached = TestServer.startOn(shared)) {
                for (String q : queries) {
                    String first = body(cached, q);
                    assertThat(body(cached, q)).as("a repeat of %s", q).isEqualTo(first);
                    withCache.add(first);
                }
            }
            try (TestServer plain = TestServer.startOn(shared, Map.of("RESULT_CACHE_ENABLED", "false"))) {
                for (String q : queries) {
                    withoutCache.add(body(plain, q));
                }
            }
            assertThat(withCache).containsExactlyElementsOf(withoutCache);
        }
    }

    @Test
    void aWriteToOneMovieKeepsTheCachedAnswersAboutOthersAndDropsTheLists() throws Exception {
        try (TwoInstances two = TwoInstances.start()) {
            Catalogue catalogue = new Catalogue(two.shared.dsl());
            long written = catalogue.movie("Cléo from 5 to 7", LocalDate.of(1962, 4, 11), 60, 90);
            long other = catalogue.movie("Le Bonheur", LocalDate.of(1965, 2, 10), 50, 80);
            String byId = "{ movie(id: \"" + other + "\") { title rating genres { name } directors { name } } }";
            String list = "{ movies(first: 5) { totalCount edges { node { rating } } } }";
            TestServer reader = two.reader;
            for (int round = 1; round <= 5; round++) {
                reader.query(byId);
                reader.query(list);
                // On the other instance, announced through PostgreSQL; this one waits until it has heard of it.
                two.assertTheReaderSeesTheWritersRating(written, 60 + round);
                double beforeReads = metric(reader, "mymoviedb_result_cache_hits_total");
                assertThat(reader.query(byId).get("data").get("movie").get("rating").asInt()).isEqualTo(50);
                assertThat(metric(reader, "mymoviedb_result_cache_hits_total") - beforeReads)
                        .as("round %d: the other movie's answer is still cached", round).isEqualTo(1);
                JsonNode page = reader.query(list).get("data").get("movies");
                assertThat(page.get("edges").findValues("rating").stream().map(JsonNode::asInt))
                        .as("round %d: the list shows the new rating", round).contains(60 + round);
            }
        }
    }

    @Test
    void aMovieReadByItsGlobalIdDependsOnThatMovieAlone() {
        try (TestServer server = TestServer.start()) {
            Catalogue catalogue = new Catalogue(server.database().dsl());
            long written = catalogue.movie("Cléo from 5 to 7", LocalDate.of(1962, 4, 11), 60, 90);
            long other = catalogue.movie("Le Bonheur", LocalDate.of(1965, 2, 10), 50, 80);
            String editor = server.signedIn("editor", Role.EDITOR);
            String byGlobalId = "{ movie(id: \"" + Ids.global(NodeType.MOVIE, other) + "\") { rating version } }";
            int otherVersion = server.query(byGlobalId).at("/data/movie/version").asInt();
            // A write to another movie keeps this answer cached.
            assertThat(server.queryAs(editor, UPDATE, Map.of("id", Ids.global(NodeType.MOVIE, written), "v", 1,
                    "r", 61)).at("/data/updateMovie/userErrors").isEmpty()).isTrue();
            double hitsBefore = metric(server, "mymoviedb_result_cache_hits_total");
            assertThat(server.query(byGlobalId).at("/data/movie/rating").asInt()).isEqualTo(50);
            assertThat(metric(server, "mymoviedb_result_cache_hits_total") - hitsBefore).isEqualTo(1);
            // A write to this movie, by its legacy number, drops it.
            assertThat(server.queryAs(editor, UPDATE, Map.of("id", String.valueOf(other), "v", otherVersion,
                    "r", 51)).at("/data/updateMovie/userErrors").isEmpty()).isTrue();
            assertThat(server.query(byGlobalId).at("/data/movie/rating").asInt()).isEqualTo(51);
        }
    }

    @Test
    void signedInRequestsAreNeverAnsweredFromTheCache() {
        try (TestServer server = TestServer.start()) {
            String editor = server.signedIn("editor", Role.EDITOR);
            server.query("{ me { username } }");
            JsonNode me = server.queryAs(editor, "{ me { username } }", Map.of()).get("data").get("me");
            assertThat(me.get("username").asString()).isEqualTo("editor");
        }
    }

    private static String body(TestServer server, String query) {
        HttpResponse<String> response = server.post(Json.MAPPER.writeValueAsString(Map.of("query", query)));
        return response.statusCode() + " " + response.body();
    }

    private static double metric(TestServer server, String name) {
        return PrometheusScrape.of(server).value(name);
    }
}

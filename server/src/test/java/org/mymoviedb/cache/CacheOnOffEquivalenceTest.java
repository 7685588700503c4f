package org.mymoviedb.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.PrometheusScrape;
import org.mymoviedb.testing.TestDatabase;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * With the result cache on, every answer is the one the cache-off server gives for the same request at the same
 * moment, however writes (creates, updates, deletes, genre and person renames) interleave with the reads: by id,
 * list pages with filters, orders and cursors, counts, genres and people.
 */
class CacheOnOffEquivalenceTest {

    private static final String MOVIE = "query($id: ID!) { movie(id: $id) { id title rating version "
            + "genres { id name } directors { id name } } }";
    private static final String PAGE = "query($f: MovieFilter, $o: [MovieOrder!], $after: String) { movies(first: 4, "
            + "filter: $f, orderBy: $o, after: $after) { totalCount edges { cursor node { id title rating "
            + "releaseDate genres { name } directors { name } } } pageInfo { hasNextPage endCursor } } }";
    private static final String GENRES = "{ genres { id name movies(first: 3) { totalCount edges { node { title } } } } }";
    private static final String PEOPLE = "query($s: String) { people(search: $s, first: 5) { edges { node { id name "
            + "directed(first: 3) { totalCount edges { node { title } } } } } } }";

    private static final List<Map<String, Object>> FILTERS = List.of(Map.of(),
            Map.of("titleContains", "the"), Map.of("genres", List.of("Drama")),
            Map.of("rating", Map.of("min", 40, "max", 80)), Map.of("releaseYear", Map.of("min", 1960, "max", 1990)),
            Map.of("director", "Varda"));
    private static final List<List<Map<String, Object>>> ORDERS = List.of(List.of(),
            List.of(Map.of("field", "RATING", "direction", "DESC")),
            List.of(Map.of("field", "TITLE", "direction", "ASC")),
            List.of(Map.of("field", "RELEASE_DATE", "direction", "DESC"), Map.of("field", "RATING", "direction", "ASC")));

    @Test
    void cachedAnswersEqualUncachedOnesWhateverTheWrites() {
        try (TestDatabase shared = TestDatabase.create()) {
            Catalogue catalogue = new Catalogue(shared.dsl());
            List<Long> movies = new ArrayList<>();
            long drama = catalogue.genre("Drama");
            long comedy = catalogue.genre("Comedy");
            long varda = catalogue.person("Agnès Varda");
            long demy = catalogue.person("Jacques Demy");
            for (int i = 0; i < 24; i++) {
                long id = catalogue.movie((i % 3 == 0 ? "The " : "A ") + "Film " + i,
                        LocalDate.of(1950 + 3 * i, 1 + i % 12, 1 + i % 28), i % 5 == 0 ? null : 20 + 3 * i, 90);
                catalogue.tag(id, i % 2 == 0 ? drama : comedy);
                catalogue.credit(id, i % 3 == 0 ? varda : demy, 0);
                movies.add(id);
            }
            try (TestServer cached = TestServer.startOn(shared, Map.of("RESULT_CACHE_ENABLED", "true"));
                 TestServer uncached = TestServer.startOn(shared, Map.of("RESULT_CACHE_ENABLED", "false"))) {
                String editor = cached.signedIn("editor", Role.EDITOR);
                Random random = new Random(20261202);
                double hitsBefore = PrometheusScrape.of(cached).value("mymoviedb_result_cache_hits_total");
                int compared = 0;
                for (int step = 0; step < 400; step++) {
                    if (step % 7 == 6) {
                        // The written movie's answer is cached just before, and compared just after, the write.
                        long id = movies.get(random.nextInt(movies.size()));
                        Map<String, Object> byId = Map.of("id", String.valueOf(id));
                        cached.query(MOVIE, byId);
                        write(cached, editor, random, movies, id, drama, varda, step);
                        assertThat(cached.query(MOVIE, byId)).as("step %d: movie %d after the write", step, id)
                                .isEqualTo(uncached.query(MOVIE, byId));
                        continue;
                    }
                    String query;
                    Map<String, Object> variables;
                    switch (random.nextInt(5)) {
                        case 0 -> {
                            query = MOVIE;
                            // Now and then an id that is gone, or not there yet.
                            long id = random.nextInt(10) == 0 ? movies.get(movies.size() - 1) + 1
                                    : movies.get(random.nextInt(movies.size()));
                            variables = Map.of("id", String.valueOf(id));
                        }
                        case 1, 2 -> {
                            query = PAGE;
                            variables = page(uncached, random);
                        }
                        case 3 -> {
                            query = GENRES;
                            variables = Map.of();
                        }
                        default -> {
                            query = PEOPLE;
                            variables = Map.of("s", random.nextBoolean() ? "a" : "Demy");
                        }
                    }
                    // Twice on the cached server: the second is a hit whenever the first was cacheable.
                    cached.query(query, variables);
                    JsonNode fromCache = cached.query(query, variables);
                    JsonNode executed = uncached.query(query, variables);
                    assertThat(fromCache).as("step %d: %s %s", step, query, variables).isEqualTo(executed);
                    compared++;
                }
                assertThat(compared).isGreaterThan(300);
                // The comparison ran against cached answers, not only fresh ones.
                assertThat(PrometheusScrape.of(cached).value("mymoviedb_result_cache_hits_total") - hitsBefore)
                        .isGreaterThan(300);
            }
        }
    }

    /** Variables of a list page; sometimes a later page, by a cursor the uncached server hands out now. */
    private static Map<String, Object> page(TestServer uncached, Random random) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of(
                "f", FILTERS.get(random.nextInt(FILTERS.size())), "o", ORDERS.get(random.nextInt(ORDERS.size()))));
        if (random.nextBoolean()) {
            JsonNode first = uncached.query(PAGE, variables).get("data").get("movies").get("pageInfo");
            if (first.get("hasNextPage").asBoolean()) {
                variables.put("after", first.get("endCursor").asString());
            }
        }
        return variables;
    }

    private static void write(TestServer server, String editor, Random random, List<Long> movies, long id,
                              long drama, long varda, int step) {
        JsonNode result = switch (random.nextInt(5)) {
            case 0 -> {
                JsonNode created = server.queryAs(editor, "mutation($t: String!, $d: Date!, $r: Int) { createMovie("
                        + "input: {title: $t, releaseDate: $d, rating: $r, genres: [{name: \"Drama\"}], "
                        + "directors: [{name: \"Agnès Varda\"}]}) { movie { id } userErrors { code } } }",
                        Map.of("t", "The New Film " + step, "d", (1950 + step % 70) + "-06-15", "r", step % 101));
                movies.add(Ids.parse(created.get("data").get("createMovie").get("movie").get("id").asString(),
                        NodeType.MOVIE));
                yield created.get("data").get("createMovie");
            }
            case 1 -> server.queryAs(editor, "mutation($id: ID!, $v: Int!, $r: Int, $t: String) { updateMovie(id: $id, "
                    + "expectedVersion: $v, input: {rating: $r, title: $t}) { userErrors { code } } }",
                    Map.of("id", String.valueOf(id), "v", version(server, id), "r", random.nextInt(101),
                            "t", (random.nextBoolean() ? "The " : "A ") + "Retitled " + step))
                    .get("data").get("updateMovie");
            case 2 -> {
                movies.remove(id);
                yield server.queryAs(editor, "mutation($id: ID!, $v: Int!) { deleteMovie(id: $id, expectedVersion: $v)"
                        + " { userErrors { code } } }", Map.of("id", String.valueOf(id), "v", version(server, id)))
                        .get("data").get("deleteMovie");
            }
            case 3 -> server.queryAs(editor, "mutation($id: ID!, $n: String!) { renameGenre(id: $id, name: $n) "
                    + "{ userErrors { code } } }", Map.of("id", String.valueOf(drama), "n", "Drama " + step))
                    .get("data").get("renameGenre");
            default -> server.queryAs(editor, "mutation($id: ID!, $n: String!) { renamePerson(id: $id, name: $n) "
                    + "{ userErrors { code } } }", Map.of("id", String.valueOf(varda), "n", "Agnès Varda " + step))
                    .get("data").get("renamePerson");
        };
        assertThat(result.get("userErrors").isEmpty()).as("write at step %d: %s", step, result).isTrue();
    }

    private static int version(TestServer server, long id) {
        return server.query("query($id: ID!) { movie(id: $id) { version } }", Map.of("id", String.valueOf(id)))
                .get("data").get("movie").get("version").asInt();
    }
}

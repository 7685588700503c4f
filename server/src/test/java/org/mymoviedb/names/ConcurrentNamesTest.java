package org.mymoviedb.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.AUDIT_ENTRY;
import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE;
import static org.mymoviedb.jooq.Tables.MOVIE_DIRECTOR;
import static org.mymoviedb.jooq.Tables.MOVIE_GENRE;
import static org.mymoviedb.jooq.Tables.PERSON;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/**
 * Editors racing to name the same new genre and the same new director, over real HTTP: every create succeeds, and
 * each name ends up as exactly one row with one history entry, however it is spelled (case, Unicode form).
 */
class ConcurrentNamesTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().withAccount("racer", Role.EDITOR);

    private static final int THREADS = 32;
    private static final int ROUNDS = 4;
    private static final String CREATE = "mutation($i: MovieInput!) { createMovie(input: $i) { movie { id "
            + "genres { id name } directors { id name } } userErrors { field message code } } }";

    private static final ExecutorService editors = Executors.newFixedThreadPool(THREADS);

    @AfterAll
    static void stopEditors() {
        editors.shutdownNow();
    }

    @Test
    void concurrentCreatesNamingTheSameNewGenreAndDirectorAllSucceedWithOneRowEach() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String genre = "Neo-noir " + round;
            String director = "Jean-Pierre Melville " + round;
            String titles = "Race " + round + "/";
            List<JsonNode> payloads = race(i -> Map.of("title", titles + i, "releaseDate", "1967-10-25",
                    "genres", List.of(Map.of("name", genre), Map.of("name", "Crime")),
                    "directors", List.of(Map.of("name", director))));
            assertAllCreated(payloads);
            assertOneEntryEach(genre, director, THREADS);
        }
    }

    @Test
    void spellingsThatTheDatabaseHoldsEqualRaceToOneRow() throws Exception {
        // Case, surrounding and inner white space, and NFC against NFD: one genre, one person.
        String[] genres = {"Nouvelle Vague", "nouvelle vague", "NOUVELLE  VAGUE ", "Nouvelle vague"};
        String[] directors = {"Agnès Varda", "agnès varda", "Agne\u0300s Varda", "AGNÈS VARDA"};
        List<JsonNode> payloads = race(i -> Map.of("title", "Spelled " + i, "releaseDate", "1962-04-11",
                "genres", List.of(Map.of("name", genres[i % genres.length])),
                "directors", List.of(Map.of("name", directors[i % directors.length]))));
        assertAllCreated(payloads);
        DSLContext db = server.database().dsl();
        assertThat(db.fetchCount(GENRE, DSL.lower(GENRE.NAME).eq("nouvelle vague"))).isEqualTo(1);
        assertThat(db.fetchCount(PERSON, DSL.lower(PERSON.NAME).eq("agnès varda"))).isEqualTo(1);
        // Every movie got the one genre and the one person, whichever spelling won.
        assertThat(payloads.stream().map(p -> p.get("movie").get("genres").get(0).get("id").asString()).distinct())
                .hasSize(1);
        assertThat(payloads.stream().map(p -> p.get("movie").get("directors").get(0).get("id").asString()).distinct())
                .hasSize(1);
    }

    /** THREADS createMovie calls released at once, as the same editor; their payloads. */
    private List<JsonNode> race(java.util.function.IntFunction<Map<String, Object>> input) throws Exception {
        String token = server.token("racer");
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<JsonNode>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Map<String, Object> variables = Map.of("i", input.apply(i));
            calls.add(editors.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return server.queryAs(token, CREATE, variables);
            }));
        }
        List<JsonNode> payloads = new ArrayList<>();
        for (Future<JsonNode> call : calls) {
            JsonNode response = call.get(60, TimeUnit.SECONDS);
            assertThat(response.get("errors")).as("errors in %s", response).isNull();
            payloads.add(response.get("data").get("createMovie"));
        }
        return payloads;
    }

    private static void assertAllCreated(List<JsonNode> payloads) {
        assertThat(payloads).allSatisfy(p -> {
            assertThat(p.get("userErrors").size()).as("userErrors in %s", p).isZero();
            assertThat(p.get("movie").isObject()).as("%s", p).isTrue();
        });
    }

    private static void assertOneEntryEach(String genre, String director, int movies) {
        DSLContext db = server.database().dsl();
        Long genreId = db.select(GENRE.ID).from(GENRE).where(GENRE.NAME.eq(genre)).fetchSingle(GENRE.ID);
        Long personId = db.select(PERSON.ID).from(PERSON).where(PERSON.NAME.eq(director)).fetchSingle(PERSON.ID);
        assertThat(db.fetchCount(GENRE, GENRE.NAME.eq("Crime"))).isEqualTo(1);
        assertThat(db.fetchCount(MOVIE_GENRE, MOVIE_GENRE.GENRE_ID.eq(genreId))).isEqualTo(movies);
        assertThat(db.fetchCount(MOVIE_DIRECTOR, MOVIE_DIRECTOR.PERSON_ID.eq(personId))).isEqualTo(movies);
        assertThat(db.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ENTITY_TYPE.eq("genre").and(AUDIT_ENTRY.ENTITY_ID.eq(genreId))))
                .as("one CREATE in the genre's history").isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ENTITY_TYPE.eq("person").and(AUDIT_ENTRY.ENTITY_ID.eq(personId))))
                .as("one CREATE in the person's history").isEqualTo(1);
        assertThat(db.fetchCount(MOVIE)).isGreaterThanOrEqualTo(movies);
    }
}

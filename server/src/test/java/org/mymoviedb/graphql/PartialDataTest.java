package org.mymoviedb.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/**
 * One refusal or one bad argument nulls only its own field, over real HTTP: role-guarded fields and root fields
 * that can fail are nullable, so the rest of the answer survives with a coded error per path.
 */
class PartialDataTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass();

    @BeforeAll
    static void twoMovies() {
        Catalogue catalogue = new Catalogue(server.database().dsl());
        catalogue.movie("Cléo from 5 to 7", LocalDate.of(1962, 4, 11), 80, 90);
        catalogue.movie("Vagabond", LocalDate.of(1985, 12, 4), 78, 105);
        catalogue.genre("Drama");
    }

    @Test
    void anAnonymousHistoryIsNullWhileTheTitlesStay() {
        JsonNode answer = post("{ movies(first: 10) { edges { node { title history { edges { node { action } } } } } } }");
        JsonNode edges = answer.get("data").get("movies").get("edges");
        assertThat(edges.valueStream().map(e -> e.get("node").get("title").asString()))
                .containsExactly("Cléo from 5 to 7", "Vagabond");
        assertThat(edges.valueStream().map(e -> e.get("node").get("history").isNull())).containsOnly(true);
        JsonNode errors = answer.get("errors");
        assertThat(errors.size()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            assertThat(errors.get(i).get("extensions").get("code").asString()).isEqualTo("UNAUTHENTICATED");
            assertThat(Json.MAPPER.convertValue(errors.get(i).get("path"), List.class))
                    .containsExactly("movies", "edges", i, "node", "history");
        }
    }

    @Test
    void anAdminOnlyListBesideGenresKeepsTheGenres() {
        JsonNode answer = post("{ genres { name } users { username } }");
        assertThat(answer.get("data").get("genres").get(0).get("name").asString()).isEqualTo("Drama");
        assertThat(answer.get("data").get("users").isNull()).isTrue();
        assertThat(answer.get("errors").size()).isEqualTo(1);
        assertThat(answer.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(answer.get("errors").get(0).get("path").get(0).asString()).isEqualTo("users");
    }

    @Test
    void aBadRangeInOneAliasKeepsTheOther() {
        JsonNode answer = post("{ good: movies(first: 1) { edges { node { title } } } "
                + "bad: movies(first: 1, filter: {releaseYear: {min: 1990, max: 1980}}) { edges { node { title } } } "
                + "huge: movies(first: 500) { edges { node { title } } } }");
        assertThat(answer.get("data").get("good").get("edges").get(0).get("node").get("title").asString())
                .isEqualTo("Cléo from 5 to 7");
        assertThat(answer.get("data").get("bad").isNull()).isTrue();
        assertThat(answer.get("data").get("huge").isNull()).isTrue();
        assertThat(answer.get("errors").valueStream().map(e -> e.get("path").get(0).asString() + " "
                + e.get("extensions").get("code").asString()))
                .containsExactlyInAnyOrder("bad BAD_USER_INPUT", "huge PAGE_SIZE_OUT_OF_RANGE");
    }

    /** POSTs in the spec's own media type, where partial data is still 200. */
    private static JsonNode post(String query) {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/graphql"))
                .header("Content-Type", "application/json").header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Map.of("query", query))))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }
}

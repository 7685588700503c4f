package org.mymoviedb.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** @defer delivered in parts over multipart/mixed (deferSpec=20220824), as Apollo Client 4 reads it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeferTest {

    private static final String APOLLO_ACCEPT =
            "multipart/mixed;deferSpec=20220824,application/graphql-response+json,application/json;q=0.9";
    private static final String DEFERRED = "{ genres { name } ... @defer(label: \\\"films\\\") "
            + "{ movies(first: 5) { totalCount edges { node { title directors { name } } } } } }";

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass();

    @BeforeAll
    void seed() {
        Catalogue c = new Catalogue(server.database().dsl());
        long cleo = c.movie("Cléo from 5 to 7", LocalDate.of(1962, 4, 11), 90, 90);
        c.credit(cleo, c.person("Agnès Varda"), 0);
        c.genre("Nouvelle Vague");
    }

    @Test
    void aDeferredFragmentArrivesInALaterPart() {
        for (int attempt = 0; attempt < 2; attempt++) { // the second time too: deferred answers are never cached
            HttpResponse<String> response = post(DEFERRED, APOLLO_ACCEPT);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValue("multipart/mixed; boundary=\"-\"; deferSpec=20220824");
            assertThat(response.body()).endsWith("\r\n-----\r\n");
            List<JsonNode> parts = parts(response.body());
            assertThat(parts.size()).as(response.body()).isGreaterThanOrEqualTo(2);

            JsonNode initial = parts.get(0);
            assertThat(initial.get("hasNext").asBoolean()).isTrue();
            assertThat(initial.get("data").get("genres").get(0).get("name").asString()).isEqualTo("Nouvelle Vague");
            assertThat(initial.get("data").has("movies")).isFalse();

            JsonNode deferred = parts.get(1).get("incremental").get(0);
            assertThat(deferred.get("label").asString()).isEqualTo("films");
            assertThat(deferred.get("path").isEmpty()).isTrue();
            assertThat(deferred.get("data").get("movies").get("totalCount").asInt()).isEqualTo(1);
            assertThat(deferred.get("data").get("movies").get("edges").get(0).get("node").get("directors").get(0)
                    .get("name").asString()).isEqualTo("Agnès Varda");
            assertThat(parts.get(parts.size() - 1).get("hasNext").asBoolean()).isFalse();
        }
    }

    @Test
    void anErrorInADeferredPartCarriesItsCode() {
        HttpResponse<String> response = post("{ genres { name } ... @defer { movie(id: \\\"abc\\\") { title } } }",
                APOLLO_ACCEPT);

        List<JsonNode> parts = parts(response.body());
        JsonNode deferred = parts.get(1).get("incremental").get(0);
        assertThat(deferred.get("errors").get(0).get("extensions").get("code").asString()).as(response.body())
                .isEqualTo("INVALID_ID");
    }

    @Test
    void aClientThatTakesNoMultipartGetsTheWholeAnswerInOnePiece() {
        HttpResponse<String> response = post(DEFERRED, "application/json");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode data = Json.MAPPER.readTree(response.body()).get("data");
        assertThat(data.get("genres").size()).isEqualTo(1);
        assertThat(data.get("movies").get("totalCount").asInt()).isEqualTo(1);
    }

    @Test
    void aQueryWithoutDeferIsOnePieceEvenWhenMultipartIsAccepted() {
        HttpResponse<String> response = post("{ genres { name } }", APOLLO_ACCEPT);

        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/graphql-response+json; charset=utf-8");
        assertThat(Json.MAPPER.readTree(response.body()).get("data").get("genres").size()).isEqualTo(1);
    }

    @Test
    void streamIsNotAdvertisedAndIsRefusedAsUnknown() {
        // graphql-java models @stream but does not execute it, so the schema does not declare it.
        HttpResponse<String> response = post("{ genres @stream(initialCount: 1) { name } }", APOLLO_ACCEPT);

        assertThat(Json.MAPPER.readTree(response.body()).get("errors").get(0).get("extensions").get("code")
                .asString()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        JsonNode directives = Json.MAPPER.readTree(post("{ __schema { directives { name } } }", "application/json")
                .body()).get("data").get("__schema").get("directives");
        List<String> names = new ArrayList<>();
        directives.forEach(d -> names.add(d.get("name").asString()));
        assertThat(names).contains("defer").doesNotContain("stream");
    }

    /** The JSON payloads of a multipart/mixed body with boundary "-". */
    private static List<JsonNode> parts(String body) {
        List<JsonNode> parts = new ArrayList<>();
        for (String chunk : body.split("\r\n---")) {
            int blank = chunk.indexOf("\r\n\r\n");
            if (blank < 0) {
                continue; // the preamble, or the closing "--"
            }
            assertThat(chunk).startsWith("\r\nContent-Type: application/json; charset=utf-8");
            parts.add(Json.MAPPER.readTree(chunk.substring(blank + 4)));
        }
        return parts;
    }

    private static HttpResponse<String> post(String query, String accept) {
        return server.send(HttpRequest.newBuilder(server.uri("/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + query + "\"}")).build());
    }
}

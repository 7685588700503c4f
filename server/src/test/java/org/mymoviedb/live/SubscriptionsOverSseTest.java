package org.mymoviedb.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.FreshServer;
import org.mymoviedb.testing.SseClient;
import tools.jackson.databind.JsonNode;

/** Subscriptions over Server-Sent Events (graphql-sse, distinct connections), against a real server and database. */
class SubscriptionsOverSseTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().withAccount("varda", Role.EDITOR);

    static final String MOVIE_EVENTS = """
            subscription($id: ID) { movieChanged(id: $id) {
              id kind movieId version changedFields username
              movie { title rating genres { name } directors { name } }
            } }""";

    @Test
    void anEditorsWriteReachesAnAnonymousSubscriberWithoutTheUsername() {
        try (SseClient anonymous = SseClient.subscribe(server.uri("/graphql"), MOVIE_EVENTS, Map.of())) {
            assertThat(anonymous.status()).isEqualTo(200);
            assertThat(anonymous.header("content-type")).startsWith("text/event-stream");
            String id = LiveWrites.createMovie(server, server.token("varda"), "Vagabond");

            SseClient.Event event = nextAbout(anonymous, id);
            assertThat(event.event()).isEqualTo("next");
            JsonNode data = event.data().get("data").get("movieChanged");
            assertThat(data.get("id").asString()).isEqualTo(event.id());
            assertThat(data.get("kind").asString()).isEqualTo("CREATED");
            assertThat(data.get("version").asInt()).isEqualTo(1);
            assertThat(data.get("changedFields").toString()).contains("title", "genres", "directors");
            assertThat(data.get("movie").get("title").asString()).isEqualTo("Vagabond");
            assertThat(data.get("movie").get("genres").get(0).get("name").asString()).isEqualTo("Drama");
            assertThat(data.get("movie").get("directors").get(0).get("name").asString()).isEqualTo("Agnès Varda");
            // username needs EDITOR: null, with the code an anonymous reader of history gets
            assertThat(data.get("username").isNull()).isTrue();
            assertThat(event.data().get("errors").get(0).get("extensions").get("code").asString())
                    .isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void anEditorSubscribedWithTheirTokenSeesWhoDidIt() {
        String token = server.token("varda");
        try (SseClient editor = SseClient.subscribe(server.uri("/graphql"), MOVIE_EVENTS, Map.of(), token, null)) {
            String id = LiveWrites.createMovie(server, token, "Cléo from 5 to 7");
            int version = LiveWrites.rate(server.get(), token, id, 1, 91);

            JsonNode created = nextAbout(editor, id).data();
            assertThat(created.get("errors")).isNull();
            assertThat(created.get("data").get("movieChanged").get("username").asString()).isEqualTo("varda");
            JsonNode updated = nextAbout(editor, id).data().get("data").get("movieChanged");
            assertThat(updated.get("kind").asString()).isEqualTo("UPDATED");
            assertThat(updated.get("version").asInt()).isEqualTo(version).isEqualTo(2);
            assertThat(updated.get("changedFields").toString()).isEqualTo("[\"rating\"]");
            assertThat(updated.get("movie").get("rating").asInt()).isEqualTo(91);
        }
    }

    @Test
    void oneMoviesSubscriptionHearsOnlyOfThatMovieAndADeleteHasNoMovie() {
        String token = server.token("varda");
        String followed = LiveWrites.createMovie(server, token, "Le Bonheur");
        try (SseClient one = SseClient.subscribe(server.uri("/graphql"), MOVIE_EVENTS, Map.of("id", followed))) {
            LiveWrites.createMovie(server, token, "Daguerréotypes");
            server.queryAs(token, "mutation($id: ID!) { deleteMovie(id: $id, expectedVersion: 1) { deletedIds } }",
                    Map.of("id", followed));
            JsonNode deleted = one.nextEvent().data().get("data").get("movieChanged");
            if (deleted.get("kind").asString().equals("CREATED")) {
                // the feed had not read the create yet when the subscription began: it counts as after it
                deleted = one.nextEvent().data().get("data").get("movieChanged");
            }
            assertThat(deleted.get("movieId").asString()).isEqualTo(followed);
            assertThat(deleted.get("kind").asString()).isEqualTo("DELETED");
            assertThat(deleted.get("movie").isNull()).isTrue();
            assertThat(deleted.get("version").isNull()).isTrue();
            assertThat(one.waiting()).isZero();
        }
    }

    @Test
    void aQueryOverSseIsOneNextThenComplete() {
        try (SseClient query = SseClient.subscribe(server.uri("/graphql"), "{ __typename }",
                Map.of())) {
            assertThat(query.status()).isEqualTo(200);
            SseClient.Event next = query.nextEvent();
            assertThat(next.event()).isEqualTo("next");
            assertThat(next.data().get("data").get("__typename").asString()).isEqualTo("Query");
            assertThat(query.nextEvent().event()).isEqualTo("complete");
            assertThat(query.nextEvent()).isEqualTo(SseClient.END);
        }
    }

    @Test
    void aSubscriptionOverPlainJsonIsRefusedWithItsCode() {
        for (String accept : List.of("application/json", "application/graphql-response+json")) {
            HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/graphql"))
                    .header("Content-Type", "application/json").header("Accept", accept)
                    .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(
                            Map.of("query", "subscription { catalogueChanged { id } }")))).build());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(response.body()).get("errors").get(0).get("extensions").get("code")
                    .asString()).isEqualTo("SUBSCRIPTION_NEEDS_STREAM");
        }
    }

    @Test
    void anInvalidDocumentOrResumePointIsAJsonRefusalBeforeAnyStream() {
        try (SseClient invalid = SseClient.subscribe(server.uri("/graphql"), "subscription { nothing }", Map.of())) {
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(code(invalid.refusal())).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        }
        try (SseClient badId = SseClient.subscribe(server.uri("/graphql"), MOVIE_EVENTS, Map.of(), null,
                "not-an-event")) {
            assertThat(badId.status()).isEqualTo(400);
            assertThat(code(badId.refusal())).isEqualTo("INVALID_ID");
        }
    }

    @Test
    void aResumeAfterADroppedConnectionLosesNothing() {
        String token = server.token("varda");
        String lastSeen;
        String first;
        try (SseClient before = SseClient.subscribe(server.uri("/graphql"), MOVIE_EVENTS, Map.of())) {
            first = LiveWrites.createMovie(server, token, "Jacquot de Nantes");
            lastSeen = nextAbout(before, first).id();
        } // dropped
        List<String> whileAway = new ArrayList<>();
        for (String title : List.of("Kung-fu Master", "Jane B. par Agnès V.", "Les Glaneurs et la Glaneuse")) {
            whileAway.add(LiveWrites.createMovie(server, token, title));
        }
        try (SseClient again = SseClient.subscribe(server.uri("/graphql"), MOVIE_EVENTS, Map.of(), null, lastSeen)) {
            assertThat(again.status()).isEqualTo(200);
            List<String> heard = new ArrayList<>();
            List<String> eventIds = new ArrayList<>();
            while (heard.size() < whileAway.size()) {
                SseClient.Event event = again.nextEvent();
                heard.add(event.data().get("data").get("movieChanged").get("movieId").asString());
                eventIds.add(event.id());
            }
            // Other tests' writes may be among them; these three come in commit order, once each, none before.
            assertThat(heard).containsSubsequence(whileAway).doesNotContain(first);
            assertThat(eventIds).doesNotHaveDuplicates().doesNotContain(lastSeen);
            // and the stream goes on live after the missed ones
            String after = LiveWrites.createMovie(server, token, "Visages villages");
            assertThat(nextAbout(again, after).data().get("data").get("movieChanged").get("kind").asString())
                    .isEqualTo("CREATED");
        }
    }

    @Test
    void aPersonsEventCarriesThePersonWithTheirMoviesAndTheirMoviesGenres() {
        String token = server.token("varda");
        String movie = LiveWrites.createMovie(server, token, "Les Plages d'Agnès");
        String person = server.queryAs(token, "query($id: ID!) { movie(id: $id) { directors { id } } }",
                Map.of("id", movie)).get("data").get("movie").get("directors").get(0).get("id").asString();
        String query = """
                subscription { catalogueChanged { kind entityType entityId
                  entity { ... on Person { name directed(first: 5) { edges { node { title genres { name } } } } } }
                } }""";
        try (SseClient catalogue = SseClient.subscribe(server.uri("/graphql"), query, Map.of())) {
            server.queryAs(token, "mutation($id: ID!) { renamePerson(id: $id, name: \"Agnès Varda (1928-2019)\") "
                    + "{ userErrors { code } } }", Map.of("id", person));
            JsonNode event;
            do {
                event = catalogue.nextEvent().data().get("data").get("catalogueChanged");
                // (the person's creation may come first: the feed may not have read it when the stream began)
            } while (!event.get("entityId").asString().equals(person) || !event.get("kind").asString().equals("UPDATED"));
            assertThat(event.get("entityType").asString()).isEqualTo("PERSON");
            JsonNode entity = event.get("entity");
            assertThat(entity.get("name").asString()).isEqualTo("Agnès Varda (1928-2019)");
            assertThat(entity.get("directed").get("edges").toString()).contains("Les Plages d'Agnès", "Drama");
        }
    }

    @Test
    void aSubscriptionOverGetStreamsToo() throws Exception {
        String query = java.net.URLEncoder.encode("subscription { movieChanged { movieId kind } }",
                java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<java.io.InputStream> response = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.uri("/graphql?query=" + query)).header("Accept", "text/event-stream")
                        .build(), HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                response.body(), java.nio.charset.StandardCharsets.UTF_8))) {
            assertThat(response.statusCode()).isEqualTo(200);
            String id = LiveWrites.createMovie(server, server.token("varda"), "Over GET");
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.contains(id));
            assertThat(line).startsWith("data: ").contains("CREATED");
        }
    }

    /** The next event about movie {@code id}, skipping other tests' movies. */
    static SseClient.Event nextAbout(SseClient client, String id) {
        while (true) {
            SseClient.Event event = client.nextEvent();
            if (event == SseClient.END) {
                throw new AssertionError("the stream ended before an event about " + id);
            }
            JsonNode changed = event.data() == null || event.data().get("data") == null ? null
                    : event.data().get("data").get("movieChanged");
            if (changed != null && changed.get("movieId").asString().equals(id)) {
                return event;
            }
        }
    }

    static String code(JsonNode refusal) {
        return refusal.get("errors").get(0).get("extensions").get("code").asString();
    }

    static Duration shortly() {
        return Duration.ofSeconds(10);
    }
}

package org.mymoviedb.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.MOVIE;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/**
 * The typed contract over HTTP: @oneOf refs refuse both-or-neither (BAD_USER_INPUT in variables,
 * GRAPHQL_VALIDATION_FAILED written in the document) before anything is written, history's before/after are JSON values (not JSON in strings), and codes and entity types are enums.
 */
class TypedContractTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perTest().withAccount("varda", Role.EDITOR);

    private static final String CREATE = "mutation($i: MovieInput!) { createMovie(input: $i) "
            + "{ movie { id version } userErrors { field code } } }";

    @Test
    void aGenreRefWithBothOrNeitherIsRefusedAndNothingIsWritten() {
        for (Map<String, Object> ref : List.<Map<String, Object>>of(Map.of("id", "1", "name", "Drama"), Map.of())) {
            JsonNode answer = server.queryAs(server.token("varda"), CREATE, Map.of("i", Map.of("title", "Daguerréotypes",
                    "releaseDate", "1975-01-01", "genres", List.of(ref))));
            assertThat(answer.get("errors").get(0).get("extensions").get("code").asString()).as(answer.toString())
                    .isEqualTo("BAD_USER_INPUT");
        }
        JsonNode literal = server.queryAs(server.token("varda"), "mutation { createMovie(input: {title: \"Ulysse\", "
                + "releaseDate: \"1982-01-01\", directors: [{id: \"1\", name: \"Agnès Varda\"}]}) { movie { id } } }",
                Map.of());
        // Written in the document it fails validation, as an impossible date literal does.
        assertThat(literal.get("errors").get(0).get("extensions").get("code").asString()).as(literal.toString())
                .isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(server.database().dsl().fetchCount(MOVIE)).isZero();
    }

    @Test
    void historyValuesAreJsonValuesAndTypesAreEnums() {
        String token = server.token("varda");
        JsonNode created = server.queryAs(token, CREATE, Map.of("i", Map.of("title", "Le Bonheur",
                "releaseDate", "1965-02-10", "rating", 75, "genres", List.of(Map.of("name", "Drama")))))
                .get("data").get("createMovie").get("movie");
        String id = created.get("id").asString();
        String update = "mutation($id: ID!, $v: Int!, $i: MovieUpdateInput!) { updateMovie(id: $id, "
                + "expectedVersion: $v, input: $i) { movie { version } userErrors { field code } } }";
        server.queryAs(token, update, Map.of("id", id, "v", created.get("version").asInt(), "i", Map.of("rating", 82)));
        JsonNode stale = server.queryAs(token, update, Map.of("id", id, "v", created.get("version").asInt(),
                "i", Map.of("rating", 90))).get("data").get("updateMovie");
        assertThat(stale.get("userErrors").get(0).get("code").asString()).isEqualTo("CONFLICT");

        JsonNode history = server.queryAs(token, "query($id: ID!) { movie(id: $id) { history { edges { node { "
                + "action entityType changes { field before after } } } } } }", Map.of("id", id))
                .get("data").get("movie").get("history").get("edges");
        JsonNode updated = history.get(0).get("node");
        assertThat(updated.get("action").asString()).isEqualTo("UPDATE");
        assertThat(updated.get("entityType").asString()).isEqualTo("MOVIE");
        JsonNode rating = updated.get("changes").get(0);
        assertThat(rating.get("field").asString()).isEqualTo("rating");
        assertThat(rating.get("before").isNumber()).as(rating.toString()).isTrue();
        assertThat(rating.get("before").asInt()).isEqualTo(75);
        assertThat(rating.get("after").asInt()).isEqualTo(82);

        JsonNode creation = history.get(1).get("node").get("changes");
        Map<String, JsonNode> byField = new java.util.HashMap<>();
        creation.forEach(change -> byField.put(change.get("field").asString(), change));
        assertThat(byField.get("title").get("before").isNull()).isTrue();
        assertThat(byField.get("title").get("after").isString()).isTrue();
        assertThat(byField.get("title").get("after").asString()).isEqualTo("Le Bonheur");
        assertThat(byField.get("genres").get("after").isArray()).as(creation.toString()).isTrue();
        assertThat(byField.get("genres").get("after").get(0).asString()).isEqualTo("Drama");
    }
}

package org.mymoviedb.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** Genres (create, rename, delete unused or with cascade) and people (create, rename). */
class GenreAndPersonMutationsTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perTest().withAccount("editor", Role.EDITOR)
            .withAccount("admin", Role.ADMIN);

    @Test
    void genresAreUniqueInAnyCaseAndNamesAreTidied() {
        JsonNode created = mutate("mutation { createGenre(name: \"  Film   noir \") { genre { id name } userErrors { code } } }",
                "createGenre");
        assertThat(created.get("genre").get("name").asString()).isEqualTo("Film noir");
        JsonNode duplicate = mutate("mutation { createGenre(name: \"FILM NOIR\") { genre { id } userErrors { field code } } }",
                "createGenre");
        assertThat(duplicate.get("userErrors").get(0).get("code").asString()).isEqualTo("DUPLICATE");
        JsonNode blank = mutate("mutation { createGenre(name: \"   \") { genre { id } userErrors { field code } } }",
                "createGenre");
        assertThat(blank.get("userErrors").get(0).get("code").asString()).isEqualTo("REQUIRED");
        assertThat(server.database().dsl().fetchCount(GENRE)).isEqualTo(1);
    }

    @Test
    void renamingAGenreToAnotherGenresNameIsADuplicate() {
        Catalogue c = new Catalogue(server.database().dsl());
        c.genre("Drama");
        long comedy = c.genre("Comedy");
        JsonNode clash = mutate("mutation { renameGenre(id: \"" + comedy + "\", name: \"drama\") { genre { name } userErrors { code } } }",
                "renameGenre");
        assertThat(clash.get("userErrors").get(0).get("code").asString()).isEqualTo("DUPLICATE");
        JsonNode renamed = mutate("mutation { renameGenre(id: \"" + comedy + "\", name: \"Comedy of manners\") { genre { name } userErrors { code } } }",
                "renameGenre");
        assertThat(renamed.get("genre").get("name").asString()).isEqualTo("Comedy of manners");
        JsonNode missing = mutate("mutation { renameGenre(id: \"999\", name: \"x\") { genre { name } userErrors { code } } }",
                "renameGenre");
        assertThat(missing.get("userErrors").get(0).get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aGenreInUseIsKeptUnlessCascadeTakesItOffItsMoviesWithNewVersions() {
        Catalogue c = new Catalogue(server.database().dsl());
        long western = c.genre("Western");
        long movie = c.movie("Rio Bravo", LocalDate.of(1959, 3, 18), 80, 141);
        c.tag(movie, western);
        String delete = "mutation($cascade: Boolean) { deleteGenre(id: \"" + western + "\", cascade: $cascade) { deletedIds userErrors { code message } } }";

        JsonNode refused = server.queryAs(server.token("editor"), delete, Map.of()).get("data").get("deleteGenre");
        assertThat(refused.get("userErrors").get(0).get("code").asString()).isEqualTo("IN_USE");
        assertThat(refused.get("userErrors").get(0).get("message").asString()).contains("1 movie(s)");
        assertThat(server.database().dsl().fetchCount(GENRE)).isEqualTo(1);

        JsonNode cascaded = server.queryAs(server.token("editor"), delete, Map.of("cascade", true)).get("data").get("deleteGenre");
        assertThat(cascaded.get("deletedIds").get(0).asString()).isEqualTo(Ids.global(NodeType.GENRE, western));
        assertThat(server.database().dsl().fetchCount(GENRE)).isZero();
        assertThat(server.database().dsl().select(MOVIE.VERSION).from(MOVIE).fetchOne(MOVIE.VERSION)).isEqualTo(2);
        JsonNode history = server.queryAs(server.token("editor"), "{ movie(id: \"" + movie + "\") { genres { name } history { edges { node { changes { field before after } } } } } }",
                Map.of()).get("data").get("movie");
        assertThat(history.get("genres").size()).isZero();
        JsonNode change = history.get("history").get("edges").get(0).get("node").get("changes").get(0);
        assertThat(change.get("field").asString()).isEqualTo("genres");
        assertThat(change.get("before").toString()).isEqualTo("[\"Western\"]");
    }

    @Test
    void peopleAreCreatedAndRenamedOnePerNameWithHistory() {
        JsonNode first = mutate("mutation { createPerson(name: \"Jean  Renoir\") { person { id name } userErrors { code } } }",
                "createPerson");
        JsonNode second = mutate("mutation { createPerson(name: \"JEAN RENOIR\") { person { id name } userErrors { field code } } }",
                "createPerson");
        assertThat(first.get("person").get("name").asString()).isEqualTo("Jean Renoir");
        assertThat(second.get("person").isNull()).isTrue();
        assertThat(second.get("userErrors").get(0).get("code").asString()).isEqualTo("DUPLICATE");
        assertThat(second.get("userErrors").get(0).get("field").get(0).asString()).isEqualTo("name");
        String gabin = mutate("mutation { createPerson(name: \"Jean Gabin\") { person { id } userErrors { code } } }",
                "createPerson").get("person").get("id").asString();
        String id = first.get("person").get("id").asString();
        JsonNode renamed = mutate("mutation { renamePerson(id: \"" + id + "\", name: \"Jean Renoir (1894)\") { person { name } userErrors { code } } }",
                "renamePerson");
        assertThat(renamed.get("person").get("name").asString()).isEqualTo("Jean Renoir (1894)");
        JsonNode tooLong = mutate("mutation { renamePerson(id: \"" + id + "\", name: \"" + "x".repeat(301) + "\") { person { name } userErrors { field code } } }",
                "renamePerson");
        assertThat(tooLong.get("userErrors").get(0).get("code").asString()).isEqualTo("TOO_LONG");
        JsonNode taken = mutate("mutation { renamePerson(id: \"" + gabin + "\", name: \"jean renoir (1894)\") { person { name } userErrors { field code } } }",
                "renamePerson");
        assertThat(taken.get("userErrors").get(0).get("code").asString()).isEqualTo("DUPLICATE");
        assertThat(taken.get("userErrors").get(0).get("field").get(0).asString()).isEqualTo("name");

        JsonNode log = server.queryAs(server.token("admin"), "{ auditLog(first: 10, action: UPDATE) { edges { node { username entityType entityLabel changes { field before after } } } } }",
                Map.of()).get("data").get("auditLog").get("edges");
        assertThat(log.size()).isEqualTo(1);
        JsonNode entry = log.get(0).get("node");
        assertThat(entry.get("username").asString()).isEqualTo("editor");
        assertThat(entry.get("entityType").asString()).isEqualTo("PERSON");
        assertThat(entry.get("changes").get(0).get("before").toString()).isEqualTo("\"Jean Renoir\"");
        assertThat(entry.get("changes").get(0).get("after").toString()).isEqualTo("\"Jean Renoir (1894)\"");
    }

    @Test
    void aCreditedPersonIsKeptUnlessCascadeRemovesTheirCredits() {
        Catalogue c = new Catalogue(server.database().dsl());
        long hawks = c.person("Howard Hawks");
        long rioBravo = c.movie("Rio Bravo", LocalDate.of(1959, 3, 18), 80, 141);
        c.credit(rioBravo, hawks, 0);
        String delete = "mutation($cascade: Boolean) { deletePerson(id: \"" + hawks + "\", cascade: $cascade) { deletedIds userErrors { code } } }";
        assertThat(server.queryAs(server.token("editor"), delete, Map.of()).get("data").get("deletePerson").get("userErrors")
                .get(0).get("code").asString()).isEqualTo("IN_USE");
        JsonNode done = server.queryAs(server.token("editor"), delete, Map.of("cascade", true)).get("data").get("deletePerson");
        assertThat(done.get("deletedIds").get(0).asString()).isEqualTo(Ids.global(NodeType.PERSON, hawks));
        JsonNode movie = server.queryAs(server.token("editor"), "{ movie(id: \"" + rioBravo + "\") { version directors { name } "
                + "history { edges { node { changes { field before after } } } } } }", Map.of()).get("data").get("movie");
        assertThat(movie.get("directors").size()).isZero();
        assertThat(movie.get("version").asInt()).isEqualTo(2);
        assertThat(movie.get("history").get("edges").get(0).get("node").get("changes").get(0).get("before").toString())
                .isEqualTo("[\"Howard Hawks\"]");
    }

    @Test
    void theAuditLogFiltersByUserAndPagesNewestFirst() {
        for (int i = 0; i < 5; i++) {
            mutate("mutation { createGenre(name: \"Genre " + i + "\") { genre { id } userErrors { code } } }", "createGenre");
        }
        String editorId = server.queryAs(server.token("editor"), "{ me { id } }", Map.of()).get("data").get("me").get("id").asString();
        String query = "query($after: String, $user: ID) { auditLog(first: 3, after: $after, user: $user) { "
                + "edges { node { entityLabel username } } pageInfo { hasNextPage endCursor } } }";
        JsonNode page1 = server.queryAs(server.token("admin"), query, Map.of("user", editorId)).get("data").get("auditLog");
        assertThat(page1.get("edges").valueStream().map(e -> e.get("node").get("entityLabel").asString()))
                .containsExactly("Genre 4", "Genre 3", "Genre 2");
        JsonNode page2 = server.queryAs(server.token("admin"), query, Map.of("user", editorId,
                "after", page1.get("pageInfo").get("endCursor").asString())).get("data").get("auditLog");
        assertThat(page2.get("edges").valueStream().map(e -> e.get("node").get("entityLabel").asString()))
                .containsExactly("Genre 1", "Genre 0");
        assertThat(page2.get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
    }

    private JsonNode mutate(String document, String field) {
        JsonNode response = server.queryAs(server.token("editor"), document, Map.of());
        assertThat(response.get("errors")).as("errors in %s", response).isNull();
        return response.get("data").get(field);
    }
}

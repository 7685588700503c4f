package org.mymoviedb.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.importer.ImportTesting.rowsOf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** An import writes history like any other write: each movie it creates or changes, by the importing command. */
class ImportHistoryTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perTest();

    private static final String HISTORY = "query($id: ID!) { movie(id: $id) { history(first: 10) { edges { node { "
            + "username action entityLabel changes { field before after } } } } } }";
    private static final String AUDIT_LOG = "{ auditLog(first: 50) { edges { node { username action entityType "
            + "entityLabel } } } }";

    @Test
    void createdAndUpdatedMoviesHaveHistoryByTheImportVisibleThroughTheApi() {
        MovieImporter importer = new MovieImporter(server.database().dsl());
        ImportReport first = importer.importRows("two.json", rowsOf("""
                [{"Title": "Vagabond", "Release Date": "Dec 04 1985", "Director": "Agnès Varda", "Major Genre": "Drama"},
                 {"Title": "Jacquot", "Release Date": "Feb 19 1991"}]"""));
        assertThat(first.summary()).isEqualTo("two.json: 2 rows read, 2 added, 0 updated, 0 unchanged, 0 rejected");
        // A second file fills Jacquot's rating in and leaves Vagabond as it is.
        ImportReport second = importer.importRows("more.json", rowsOf("""
                [{"Title": "Jacquot", "Release Date": "Feb 19 1991", "IMDB Rating": 7.4},
                 {"Title": "Vagabond", "Release Date": "Dec 04 1985"}]"""));
        assertThat(second.summary()).isEqualTo("more.json: 2 rows read, 0 added, 1 updated, 1 unchanged, 0 rejected");

        String editor = server.signedIn("agnes", Role.EDITOR);
        JsonNode vagabond = history(editor, movieId("Vagabond"));
        assertThat(vagabond.size()).isEqualTo(1);
        assertThat(vagabond.get(0).get("username").asString()).isEqualTo("import:two.json");
        assertThat(vagabond.get(0).get("action").asString()).isEqualTo("CREATE");
        assertThat(changes(vagabond.get(0))).containsEntry("title", List.of("null", "\"Vagabond\""))
                .containsEntry("releaseDate", List.of("null", "\"1985-12-04\""))
                .containsEntry("genres", List.of("null", "[\"Drama\"]"))
                .containsEntry("directors", List.of("null", "[\"Agnès Varda\"]"));

        JsonNode jacquot = history(editor, movieId("Jacquot"));
        assertThat(jacquot.valueStream().map(e -> e.get("username").asString() + " " + e.get("action").asString()))
                .containsExactly("import:more.json UPDATE", "import:two.json CREATE");
        assertThat(changes(jacquot.get(0))).containsExactly(Map.entry("rating", List.of("null", "74")));

        String admin = server.signedIn("root", Role.ADMIN);
        JsonNode log = server.queryAs(admin, AUDIT_LOG, Map.of()).get("data").get("auditLog").get("edges");
        assertThat(log.valueStream().map(e -> e.get("node"))
                .filter(n -> n.get("entityType").asString().equals("MOVIE"))
                .map(n -> n.get("username").asString() + " " + n.get("action").asString() + " "
                        + n.get("entityLabel").asString()))
                .containsExactly("import:more.json UPDATE Jacquot", "import:two.json CREATE Jacquot",
                        "import:two.json CREATE Vagabond");
    }

    private String movieId(String title) {
        return server.query("query($t: String) { movies(filter: {titleContains: $t}) { edges { node { id } } } }",
                Map.of("t", title)).get("data").get("movies").get("edges").get(0).get("node").get("id").asString();
    }

    private JsonNode history(String token, String id) {
        return server.queryAs(token, HISTORY, Map.of("id", id)).get("data").get("movie").get("history").get("edges")
                .valueStream().map(e -> e.get("node")).collect(tools.jackson.databind.node.JsonNodeFactory.instance::arrayNode,
                        tools.jackson.databind.node.ArrayNode::add, tools.jackson.databind.node.ArrayNode::addAll);
    }

    private static Map<String, List<String>> changes(JsonNode entry) {
        Map<String, List<String>> changes = new java.util.HashMap<>();
        entry.get("changes").forEach(c -> changes.put(c.get("field").asString(),
                List.of(c.get("before").toString(), c.get("after").toString())));
        return changes;
    }
}

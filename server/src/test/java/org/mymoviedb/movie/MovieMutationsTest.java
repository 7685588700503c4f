package org.mymoviedb.movie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.AUDIT_ENTRY;
import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE;
import static org.mymoviedb.jooq.Tables.PERSON;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** The movie mutations: validation onto fields, whole-or-nothing transactions, versions, history. */
class MovieMutationsTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perTest().withAccount("varda", Role.EDITOR);

    static final String MOVIE_FIELDS = "id title releaseDate rating runtime { minutes } version genres { name } directors { name }";
    static final String CREATE = "mutation($input: MovieInput!) { createMovie(input: $input) { movie { " + MOVIE_FIELDS
            + " } userErrors { field message code } } }";
    static final String UPDATE = "mutation($id: ID!, $v: Int!, $input: MovieUpdateInput!) { updateMovie(id: $id, "
            + "expectedVersion: $v, input: $input) { movie { " + MOVIE_FIELDS + " } current { " + MOVIE_FIELDS
            + " } userErrors { field message code } } }";
    static final String DELETE = "mutation($id: ID!, $v: Int!) { deleteMovie(id: $id, expectedVersion: $v) { deletedIds "
            + "current { version title } userErrors { field code } } }";
    static final String HISTORY = "query($id: ID!) { movie(id: $id) { history(first: 10) { edges { node { username "
            + "action entityLabel changes { field before after } } } } } }";

    @Test
    void createsAMovieWithGenresAndDirectorsByNameAndRecordsIt() {
        long existingGenre = server.database().dsl().insertInto(GENRE).set(GENRE.NAME, "Drama")
                .returning(GENRE.ID).fetchOne(GENRE.ID);
        JsonNode payload = create(Map.of("title", "Cléo from 5 to 7", "releaseDate", "1962-04-11", "rating", 80,
                "runtimeMinutes", 90,
                "genres", List.of(Map.of("id", String.valueOf(existingGenre)), Map.of("name", "  New   Wave ")),
                "directors", List.of(Map.of("name", "Agnès Varda"))));
        assertThat(payload.get("userErrors").size()).isZero();
        JsonNode movie = payload.get("movie");
        assertThat(movie.get("version").asInt()).isEqualTo(1);
        assertThat(names(movie.get("genres"))).containsExactly("Drama", "New Wave");
        assertThat(names(movie.get("directors"))).containsExactly("Agnès Varda");

        JsonNode history = history(movie.get("id").asString());
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).get("username").asString()).isEqualTo("varda");
        assertThat(history.get(0).get("action").asString()).isEqualTo("CREATE");
        assertThat(changes(history.get(0))).containsEntry("title", List.of("null", "\"Cléo from 5 to 7\""))
                .containsEntry("rating", List.of("null", "80"))
                .containsEntry("genres", List.of("null", "[\"Drama\",\"New Wave\"]"));
    }

    @Test
    void invalidInputLandsOnItsFieldsAndWritesNothing() {
        JsonNode payload = create(Map.of("title", " ", "releaseDate", "1800-01-01", "rating", 101,
                "runtimeMinutes", 0, "genres", List.of(Map.of("id", "987654"), Map.of("name", "x".repeat(101)))));
        assertThat(payload.get("movie").isNull()).isTrue();
        assertThat(errorsByField(payload)).containsEntry("input.title", "REQUIRED")
                .containsEntry("input.releaseDate", "OUT_OF_RANGE")
                .containsEntry("input.rating", "OUT_OF_RANGE")
                .containsEntry("input.runtimeMinutes", "OUT_OF_RANGE")
                .containsEntry("input.genres.1.name", "TOO_LONG");
        assertThat(create(Map.of("title", "t".repeat(513), "releaseDate", "2000-01-01")).get("userErrors")
                .get(0).get("code").asString()).isEqualTo("TOO_LONG");
        assertThat(server.database().dsl().fetchCount(MOVIE)).isZero();
        assertThat(catalogueHistory()).isZero();
    }

    @Test
    void aMutationAppliesWholeOrNotAtAll() {
        // The new genre would be created first; the unknown director id then fails the mutation, and the genre
        // must not survive it.
        JsonNode payload = create(Map.of("title", "Vagabond", "releaseDate", "1985-12-04",
                "genres", List.of(Map.of("name", "Road movie")), "directors", List.of(Map.of("id", "424242"))));
        assertThat(errorsByField(payload)).containsExactly(Map.entry("input.directors.0.id", "NOT_FOUND"));
        assertThat(server.database().dsl().fetchCount(GENRE)).isZero();
        assertThat(server.database().dsl().fetchCount(MOVIE)).isZero();
        assertThat(catalogueHistory()).isZero();
    }

    @Test
    void aDuplicateTitleAndDateIsAUserErrorNotAServerError() {
        create(Map.of("title", "Le Bonheur", "releaseDate", "1965-02-10"));
        JsonNode again = create(Map.of("title", "LE BONHEUR", "releaseDate", "1965-02-10",
                "directors", List.of(Map.of("name", "Somebody New"))));
        assertThat(errorsByField(again)).containsExactly(Map.entry("input.title", "DUPLICATE"));
        assertThat(server.database().dsl().fetchCount(MOVIE)).isEqualTo(1);
        assertThat(server.database().dsl().fetchCount(PERSON)).isZero();
    }

    @Test
    void updateChangesOnlyTheNamedFieldsBumpsTheVersionAndRecordsBeforeAndAfter() {
        JsonNode movie = create(Map.of("title", "One Sings, the Other Doesn't", "releaseDate", "1977-03-09",
                "rating", 70, "runtimeMinutes", 120)).get("movie");
        String id = movie.get("id").asString();
        Map<String, Object> input = new HashMap<>();
        input.put("rating", 75);
        input.put("runtimeMinutes", null);
        JsonNode updated = server.queryAs(server.token("varda"), UPDATE, Map.of("id", id, "v", 1, "input", input))
                .get("data").get("updateMovie");
        assertThat(updated.get("userErrors").size()).isZero();
        assertThat(updated.get("movie").get("rating").asInt()).isEqualTo(75);
        assertThat(updated.get("movie").get("runtime").isNull()).isTrue();
        assertThat(updated.get("movie").get("title").asString()).isEqualTo("One Sings, the Other Doesn't");
        assertThat(updated.get("movie").get("version").asInt()).isEqualTo(2);

        JsonNode latest = history(id).get(0);
        assertThat(latest.get("action").asString()).isEqualTo("UPDATE");
        assertThat(changes(latest)).containsOnly(Map.entry("rating", List.of("70", "75")),
                Map.entry("runtimeMinutes", List.of("120", "null")));
    }

    @Test
    void aStaleVersionIsAConflictWithTheCurrentValuesAndWritesNothing() {
        String id = create(Map.of("title", "Documenteur", "releaseDate", "1981-01-01")).get("movie").get("id").asString();
        server.queryAs(server.token("varda"), UPDATE, Map.of("id", id, "v", 1, "input", Map.of("rating", 60)));
        JsonNode stale = server.queryAs(server.token("varda"), UPDATE, Map.of("id", id, "v", 1, "input", Map.of("rating", 10)))
                .get("data").get("updateMovie");
        assertThat(stale.get("movie").isNull()).isTrue();
        assertThat(stale.get("userErrors").get(0).get("code").asString()).isEqualTo("CONFLICT");
        assertThat(stale.get("current").get("rating").asInt()).isEqualTo(60);
        assertThat(stale.get("current").get("version").asInt()).isEqualTo(2);
        assertThat(server.database().dsl().select(MOVIE.RATING).from(MOVIE).fetchOne(MOVIE.RATING)).isEqualTo((short) 60);
        assertThat(history(id).size()).isEqualTo(2);

        JsonNode staleDelete = server.queryAs(server.token("varda"), DELETE, Map.of("id", id, "v", 1)).get("data").get("deleteMovie");
        assertThat(staleDelete.get("userErrors").get(0).get("code").asString()).isEqualTo("CONFLICT");
        assertThat(staleDelete.get("current").get("version").asInt()).isEqualTo(2);
        assertThat(server.database().dsl().fetchCount(MOVIE)).isEqualTo(1);
    }

    @Test
    void deletingKeepsTheHistory() {
        String id = create(Map.of("title", "Kung-Fu Master!", "releaseDate", "1988-03-23")).get("movie").get("id").asString();
        JsonNode deleted = server.queryAs(server.token("varda"), DELETE, Map.of("id", id, "v", 1)).get("data").get("deleteMovie");
        assertThat(deleted.get("deletedIds").get(0).asString()).isEqualTo(id);
        assertThat(server.database().dsl().fetchCount(MOVIE)).isZero();
        var entries = server.database().dsl().selectFrom(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.ENTITY_TYPE.eq("movie")).and(AUDIT_ENTRY.ENTITY_ID.eq(Ids.parse(id, NodeType.MOVIE)))
                .orderBy(AUDIT_ENTRY.ID).fetch();
        assertThat(entries).extracting(e -> e.getAction()).containsExactly("CREATE", "DELETE");
        assertThat(entries.get(1).getEntityLabel()).isEqualTo("Kung-Fu Master!");
        assertThat(entries.get(1).getChanges().data()).contains("\"title\": {\"after\": null, \"before\": \"Kung-Fu Master!\"}");
    }

    @Test
    void deleteSelectedRemovesAllOrNone() {
        List<String> ids = createThree();
        JsonNode refused = deleteMovies(List.of(Map.of("id", ids.get(0), "expectedVersion", 1),
                Map.of("id", "999999", "expectedVersion", 1)));
        assertThat(errorsByField(refused)).containsExactly(Map.entry("movies.1.id", "NOT_FOUND"));
        assertThat(server.database().dsl().fetchCount(MOVIE)).isEqualTo(3);

        JsonNode done = deleteMovies(List.of(Map.of("id", ids.get(0), "expectedVersion", 1),
                Map.of("id", ids.get(1), "expectedVersion", 1)));
        assertThat(done.get("userErrors").size()).isZero();
        assertThat(done.get("deletedIds").valueStream().map(JsonNode::asString)).containsExactly(ids.get(0), ids.get(1));
        assertThat(server.database().dsl().fetchCount(MOVIE)).isEqualTo(1);
        var deletes = server.database().dsl().selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.ACTION.eq("DELETE"))
                .orderBy(AUDIT_ENTRY.ENTITY_ID).fetch();
        assertThat(deletes).extracting(e -> e.getEntityLabel(), e -> e.getUsername())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Jacquot", "varda"),
                        org.assertj.core.groups.Tuple.tuple("Daguerréotypes", "varda"));
    }

    @Test
    void deleteSelectedWithAStaleVersionIsAConflictAndDeletesNothing() {
        List<String> ids = createThree();
        // Someone else renames the second movie after the server.token("varda") loaded the list at version 1.
        JsonNode renamed = server.queryAs(server.token("varda"), UPDATE, Map.of("id", ids.get(1), "v", 1,
                "input", Map.of("title", "Daguerréotypes (1975)"))).get("data").get("updateMovie");
        assertThat(renamed.get("movie").get("version").asInt()).isEqualTo(2);
        int history = catalogueHistory();

        JsonNode refused = deleteMovies(ids.stream().map(id -> Map.<String, Object>of("id", id, "expectedVersion", 1))
                .toList());
        assertThat(errorsByField(refused)).containsExactly(Map.entry("movies.1.expectedVersion", "CONFLICT"));
        assertThat(refused.get("userErrors").get(0).get("message").asString()).contains("Daguerréotypes (1975)");
        assertThat(refused.get("deletedIds").size()).isZero();
        assertThat(refused.get("current").size()).isEqualTo(1);
        assertThat(refused.get("current").get(0).get("id").asString()).isEqualTo(ids.get(1));
        assertThat(refused.get("current").get(0).get("version").asInt()).isEqualTo(2);
        assertThat(refused.get("current").get(0).get("title").asString()).isEqualTo("Daguerréotypes (1975)");
        assertThat(server.database().dsl().fetchCount(MOVIE)).isEqualTo(3);
        assertThat(catalogueHistory()).isEqualTo(history);
    }

    private List<String> createThree() {
        List<String> ids = new ArrayList<>();
        for (String title : List.of("Jacquot", "Daguerréotypes", "Uncle Yanco")) {
            ids.add(create(Map.of("title", title, "releaseDate", "1975-01-01")).get("movie").get("id").asString());
        }
        return ids;
    }

    private JsonNode deleteMovies(List<Map<String, Object>> movies) {
        String bulk = "mutation($m: [MovieVersionInput!]!) { deleteMovies(movies: $m) { deletedIds "
                + "current { id title version } userErrors { field message code } } }";
        JsonNode response = server.queryAs(server.token("varda"), bulk, Map.of("m", movies));
        assertThat(response.get("errors")).as("errors in %s", response).isNull();
        return response.get("data").get("deleteMovies");
    }

    @Test
    void aCreateWithTwoGenresAndADirectorIsTwoStatements() {
        create(Map.of("title", "Warm-up", "releaseDate", "2000-01-01", "genres", List.of(Map.of("name", "Drama"),
                Map.of("name", "Comedy")), "directors", List.of(Map.of("name", "Jacques Demy"))));
        String bare = "mutation($input: MovieInput!) { createMovie(input: $input) { movie { id version } "
                + "userErrors { code } } }";
        // The session was looked up by the warm-up and is remembered (SessionCache): no statement for it.
        // One statement finds or creates every genre and person (with history for those it creates); one inserts
        // the movie, its genre and director links and its history entry. Other instances are told after the
        // commit, outside the pool (CatalogueChanges).
        assertThat(statementsFor(bare, Map.of("title", "Lola", "releaseDate", "1961-03-03", "genres",
                List.of(Map.of("name", "Drama"), Map.of("name", "Comedy")),
                "directors", List.of(Map.of("name", "Jacques Demy"))))).isEqualTo(2);
        assertThat(statementsFor(bare, Map.of("title", "Bay of Angels", "releaseDate", "1963-03-01", "genres",
                List.of(Map.of("name", "Romance"), Map.of("name", "drama")),
                "directors", List.of(Map.of("name", "Agnès Varda"), Map.of("name", "jacques demy")))))
                .as("new names cost nothing more").isEqualTo(2);
        assertThat(statementsFor(bare, Map.of("title", "Model Shop", "releaseDate", "1969-02-11")))
                .as("no genres, no directors: only the insert").isEqualTo(1);
        // The payload's genres and directors are one batch each.
        assertThat(statementsFor(CREATE, Map.of("title", "Donkey Skin", "releaseDate", "1970-12-20", "genres",
                List.of(Map.of("name", "Drama"), Map.of("name", "Comedy")),
                "directors", List.of(Map.of("name", "Jacques Demy"))))).isEqualTo(4);
        assertThat(server.database().dsl().fetchCount(PERSON)).isEqualTo(2);
        assertThat(server.database().dsl().fetchCount(GENRE)).isEqualTo(3);
    }

    private long statementsFor(String mutation, Map<String, Object> input) {
        long before = server.app().database().statements().total();
        JsonNode response = server.queryAs(server.token("varda"), mutation, Map.of("input", input));
        assertThat(response.get("errors")).as("errors in %s", response).isNull();
        assertThat(response.get("data").get("createMovie").get("userErrors").size()).as("%s", response).isZero();
        return server.app().database().statements().total() - before;
    }

    /** History of the catalogue, leaving out the server.token("varda")'s own account. */
    private int catalogueHistory() {
        return server.database().dsl().fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ENTITY_TYPE.ne("user"));
    }

    private JsonNode create(Map<String, Object> input) {
        JsonNode response = server.queryAs(server.token("varda"), CREATE, Map.of("input", input));
        assertThat(response.get("errors")).as("errors in %s", response).isNull();
        return response.get("data").get("createMovie");
    }

    private JsonNode history(String id) {
        return server.queryAs(server.token("varda"), HISTORY, Map.of("id", id)).get("data").get("movie").get("history").get("edges")
                .valueStream().map(e -> e.get("node")).collect(tools.jackson.databind.node.JsonNodeFactory.instance::arrayNode,
                        tools.jackson.databind.node.ArrayNode::add, tools.jackson.databind.node.ArrayNode::addAll);
    }

    static Map<String, List<String>> changes(JsonNode entry) {
        Map<String, List<String>> changes = new HashMap<>();
        entry.get("changes").forEach(c -> changes.put(c.get("field").asString(),
                List.of(c.get("before").toString(), c.get("after").toString())));
        return changes;
    }

    static Map<String, String> errorsByField(JsonNode payload) {
        Map<String, String> errors = new HashMap<>();
        payload.get("userErrors").forEach(e -> errors.put(String.join(".",
                e.get("field").valueStream().map(JsonNode::asString).toList()), e.get("code").asString()));
        return errors;
    }

    static List<String> names(JsonNode list) {
        return list.valueStream().map(n -> n.get("name").asString()).toList();
    }
}

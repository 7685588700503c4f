package org.mymoviedb.graphql.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/**
 * node and nodes over HTTP: every type round-trips its global id, refusals are per id with the rest kept, users
 * and history need ADMIN, and a batch reads each type in one statement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass()
            .withAccount("admin-ada", Role.ADMIN).withAccount("editor-ed", Role.EDITOR);

    private static final String NODE = """
            query One($id: ID!) {
              node(id: $id) {
                __typename id
                ... on Movie { databaseId title genres { id databaseId name } }
                ... on Genre { databaseId name }
                ... on Person { databaseId name }
                ... on User { databaseId username }
                ... on AuditEntry { databaseId action entityId }
              }
            }""";
    private static final String NODES = """
            query Many($ids: [ID!]!) {
              nodes(ids: $ids) { __typename id ... on Movie { title } ... on Genre { name } ... on User { username } }
            }""";

    private final List<Long> movies = new ArrayList<>();
    private long genre;
    private long person;

    @BeforeAll
    void seed() {
        Catalogue c = new Catalogue(server.database().dsl());
        genre = c.genre("Noir");
        person = c.person("Agnès Varda");
        for (int i = 0; i < 5; i++) {
            long movie = c.movie("Node " + i, LocalDate.of(1960 + i, 1, 1), 50, 90);
            c.tag(movie, genre);
            c.credit(movie, person, 0);
            movies.add(movie);
        }
    }

    @Test
    void aMovieRoundTripsThroughItsGlobalId() {
        String id = server.query("query($id: ID!) { movie(id: $id) { id } }",
                Map.of("id", Long.toString(movies.get(0)))).at("/data/movie/id").asString();
        assertThat(id).isEqualTo(Ids.global(NodeType.MOVIE, movies.get(0)));
        JsonNode node = server.query(NODE, Map.of("id", id)).get("data").get("node");
        assertThat(node.get("__typename").asString()).isEqualTo("Movie");
        assertThat(node.get("id").asString()).isEqualTo(id);
        assertThat(node.get("databaseId").asLong()).isEqualTo(movies.get(0));
        assertThat(node.get("title").asString()).isEqualTo("Node 0");
        assertThat(node.at("/genres/0/id").asString()).isEqualTo(Ids.global(NodeType.GENRE, genre));
        assertThat(node.at("/genres/0/databaseId").asLong()).isEqualTo(genre);
        // The global id works wherever the number did, and the number still works.
        assertThat(server.query("query($id: ID!) { movie(id: $id) { title } }", Map.of("id", id))
                .at("/data/movie/title").asString()).isEqualTo("Node 0");
    }

    @Test
    void genresAndPeopleAreNodesToo() {
        JsonNode g = server.query(NODE, Map.of("id", Ids.global(NodeType.GENRE, genre))).at("/data/node");
        assertThat(g.get("__typename").asString()).isEqualTo("Genre");
        assertThat(g.get("name").asString()).isEqualTo("Noir");
        JsonNode p = server.query(NODE, Map.of("id", Ids.global(NodeType.PERSON, person))).at("/data/node");
        assertThat(p.get("__typename").asString()).isEqualTo("Person");
        assertThat(p.get("databaseId").asLong()).isEqualTo(person);
        JsonNode byId = server.query("query($id: ID!) { person(id: $id) { name } genre(id: \"" + genre
                + "\") { name } }", Map.of("id", Ids.global(NodeType.PERSON, person))).get("data");
        assertThat(byId.at("/person/name").asString()).isEqualTo("Agnès Varda");
        assertThat(byId.at("/genre/name").asString()).isEqualTo("Noir");
    }

    @Test
    void anotherTypesGlobalIdIsInvalidWhereAMovieIsExpected() {
        JsonNode result = server.query("query($id: ID!) { movie(id: $id) { title } }",
                Map.of("id", Ids.global(NodeType.GENRE, genre)));
        assertThat(result.at("/data/movie").isNull()).isTrue();
        assertThat(result.at("/errors/0/extensions/code").asString()).isEqualTo("INVALID_ID");
    }

    @Test
    void aPlainNumberOrGarbageIsInvalidAndAMissingObjectIsNotFound() {
        assertThat(code(server.query(NODE, Map.of("id", "12")))).isEqualTo("INVALID_ID");
        assertThat(code(server.query(NODE, Map.of("id", "TW92aWU6MTIz==")))).isEqualTo("INVALID_ID");
        JsonNode missing = server.query(NODE, Map.of("id", Ids.global(NodeType.MOVIE, 987_654_321L)));
        assertThat(missing.at("/data/node").isNull()).isTrue();
        assertThat(code(missing)).isEqualTo("NOT_FOUND");
    }

    @Test
    void usersAndHistoryNeedAdminThroughNodeAsThroughTheirLists() {
        String user = server.queryAs(server.token("admin-ada"), "{ me { id } }", Map.of()).at("/data/me/id")
                .asString();
        assertThat(user).isEqualTo(Ids.global(NodeType.USER, Ids.parseGlobal(user).databaseId()));
        assertThat(code(server.query(NODE, Map.of("id", user)))).isEqualTo("UNAUTHENTICATED");
        assertThat(code(server.queryAs(server.token("editor-ed"), NODE, Map.of("id", user)))).isEqualTo("FORBIDDEN");
        JsonNode admin = server.queryAs(server.token("admin-ada"), NODE, Map.of("id", user));
        assertThat(admin.get("errors")).isNull();
        assertThat(admin.at("/data/node/username").asString()).isEqualTo("admin-ada");

        String entry = Ids.global(NodeType.AUDIT_ENTRY, 1);
        assertThat(code(server.queryAs(server.token("editor-ed"), NODE, Map.of("id", entry))))
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void aWriteShowsUpInHistoryWithGlobalIdsAndTheEntryIsANode() {
        String admin = server.token("admin-ada");
        JsonNode created = server.queryAs(admin, """
                mutation { createGenre(name: "Node history") { genre { id databaseId } } }""", Map.of());
        String genreId = created.at("/data/createGenre/genre/id").asString();
        JsonNode log = server.queryAs(admin, "{ auditLog(first: 1) { edges { node { id entityId } } } }", Map.of());
        assertThat(log.at("/data/auditLog/edges/0/node/entityId").asString()).isEqualTo(genreId);
        String entry = log.at("/data/auditLog/edges/0/node/id").asString();
        JsonNode node = server.queryAs(admin, NODE, Map.of("id", entry)).at("/data/node");
        assertThat(node.get("__typename").asString()).isEqualTo("AuditEntry");
        assertThat(node.get("entityId").asString()).isEqualTo(genreId);
        JsonNode deleted = server.queryAs(admin, "mutation($id: ID!) { deleteGenre(id: $id) { deletedIds } }",
                Map.of("id", genreId));
        assertThat(deleted.at("/data/deleteGenre/deletedIds/0").asString()).isEqualTo(genreId);
    }

    @Test
    void nodesAnswersInOrderAndRefusesPerIdKeepingTheRest() {
        String user = Ids.global(NodeType.USER, 1);
        List<String> ids = List.of(Ids.global(NodeType.MOVIE, movies.get(1)), "garbage",
                Ids.global(NodeType.GENRE, genre), user, Ids.global(NodeType.MOVIE, movies.get(1)));
        JsonNode result = server.query(NODES, Map.of("ids", ids));
        JsonNode nodes = result.at("/data/nodes");
        assertThat(nodes.size()).isEqualTo(5);
        assertThat(nodes.get(0).get("title").asString()).isEqualTo("Node 1");
        assertThat(nodes.get(1).isNull()).isTrue();
        assertThat(nodes.get(2).get("name").asString()).isEqualTo("Noir");
        assertThat(nodes.get(3).isNull()).isTrue();
        assertThat(nodes.get(4).get("title").asString()).isEqualTo("Node 1");
        assertThat(result.get("errors").size()).isEqualTo(2);
        assertThat(result.at("/errors/0/path").toString()).isEqualTo("[\"nodes\",1]");
        assertThat(result.at("/errors/0/extensions/code").asString()).isEqualTo("INVALID_ID");
        assertThat(result.at("/errors/1/path").toString()).isEqualTo("[\"nodes\",3]");
        assertThat(result.at("/errors/1/extensions/code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void moreThanAHundredIdsIsACodedError() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 101; i++) {
            ids.add(Ids.global(NodeType.MOVIE, i));
        }
        JsonNode result = server.query(NODES, Map.of("ids", ids));
        assertThat(code(result)).isEqualTo("BAD_USER_INPUT");
        assertThat(result.at("/data/nodes").isMissingNode() || result.at("/data/nodes").isNull()
                || result.get("data").isNull()).isTrue();
    }

    @Test
    void aBatchReadsEachTypeInOneStatement() {
        List<String> ids = new ArrayList<>();
        for (long movie : movies) {
            ids.add(Ids.global(NodeType.MOVIE, movie));
        }
        ids.add(Ids.global(NodeType.GENRE, genre));
        ids.add(Ids.global(NodeType.PERSON, person));
        long before = server.app().database().statements().total();
        JsonNode result = server.execute("""
                query($ids: [ID!]!, $one: ID!) {
                  nodes(ids: $ids) { id ... on Movie { genres { name } } }
                  again: node(id: $one) { id }
                }""", Map.of("ids", ids, "one", Ids.global(NodeType.MOVIE, movies.get(0))));
        long statements = server.app().database().statements().total() - before;
        assertThat(result.get("errors")).isNull();
        assertThat(result.at("/data/nodes").size()).isEqualTo(7);
        // movies, genres, people by id, then the movies' genres: four, for any number of ids
        assertThat(statements).isEqualTo(4);
    }

    private static String code(JsonNode result) {
        return result.at("/errors/0/extensions/code").asString();
    }
}

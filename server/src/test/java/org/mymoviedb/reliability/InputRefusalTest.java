package org.mymoviedb.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.APP_USER;
import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE;
import static org.mymoviedb.jooq.Tables.PERSON;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.UserAccounts;
import org.mymoviedb.base.UserErrorsException;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Text PostgreSQL cannot store (NUL, unpaired surrogates), bytes that are not UTF-8, blank passwords, crafted
 * cursors and bad-faith introspection each get their own code, never INTERNAL_SERVER_ERROR, and write nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputRefusalTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass()
            .withAccount("agnes", Role.EDITOR).withAccount("root", Role.ADMIN);

    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String NUL = "a\u0000b";
    private static final String LONE_SURROGATE = "a\ud800b";

    /** Every place a string reaches the database: an operation and the variables that carry the bad text. */
    static Stream<Arguments> stringArguments() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String bad : List.of(NUL, LONE_SURROGATE)) {
            cases.add(Arguments.of("query($t: String) { movies(filter: {titleContains: $t}) { totalCount } }",
                    Map.of("t", bad)));
            cases.add(Arguments.of("query($t: String) { movies(filter: {director: $t}) { totalCount } }",
                    Map.of("t", bad)));
            cases.add(Arguments.of("query($g: [String!]) { movies(filter: {genres: $g}) { totalCount } }",
                    Map.of("g", List.of("Drama", bad))));
            cases.add(Arguments.of("query($t: String) { people(search: $t) { edges { node { name } } } }",
                    Map.of("t", bad)));
            cases.add(Arguments.of("mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
                    Map.of("u", bad, "p", "a long enough password")));
            cases.add(Arguments.of("mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
                    Map.of("u", "agnes", "p", bad + " a long enough password")));
            cases.add(Arguments.of("mutation($i: MovieInput!) { createMovie(input: $i) { movie { id } } }",
                    Map.of("i", Map.of("title", bad, "releaseDate", "1962-04-11"))));
            cases.add(Arguments.of("mutation($i: MovieInput!) { createMovie(input: $i) { movie { id } } }",
                    Map.of("i", Map.of("title", "Cléo", "releaseDate", "1962-04-11",
                            "genres", List.of(Map.of("name", bad)), "directors", List.of(Map.of("name", bad))))));
            cases.add(Arguments.of("mutation($n: String!) { createGenre(name: $n) { genre { id } } }", Map.of("n", bad)));
            cases.add(Arguments.of("mutation($n: String!) { createPerson(name: $n) { person { id } } }", Map.of("n", bad)));
        }
        return cases.build();
    }

    @ParameterizedTest
    @MethodSource("stringArguments")
    void textPostgresCannotStoreIsBadUserInputInVariablesAndWritesNothing(String document, Map<String, Object> variables) {
        long rows = catalogueRows();
        // Escaped as JSON (\\ud800), the way a client sends text that UTF-8 cannot carry.
        String body = ESCAPING.writeValueAsString(Map.of("query", document, "variables", variables));
        JsonNode response = Json.MAPPER.readTree(server.send(post(body, server.token("agnes"))).body());
        assertThat(codes(response)).as("%s", response).containsExactly("BAD_USER_INPUT");
        assertThat(catalogueRows()).isEqualTo(rows);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\ud800"})
    void theSameTextAsALiteralIsBadUserInputAndWritesNothing(String escape) {
        long rows = catalogueRows();
        // The document holds the six characters of the JSON escape; JSON decoding makes them the bad character.
        String body = "{\"query\": \"mutation { createGenre(name: \\\"a" + escape + "b\\\") { genre { id } } }\"}";
        HttpResponse<String> response = server.send(post(body, server.token("agnes")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(codes(Json.MAPPER.readTree(response.body()))).as(response.body())
                .containsExactly("BAD_USER_INPUT");
        assertThat(catalogueRows()).isEqualTo(rows);
    }

    @Test
    void theNulEscapeOfAGraphQLStringIsBadUserInput() {
        for (String escape : List.of("\\\\u0000", "\\\\u{0}", "\\\\u{000}")) {
            String body = "{\"query\": \"{ movies(filter: {titleContains: \\\"a" + escape + "b\\\"}) { totalCount } }\"}";
            HttpResponse<String> response = server.send(post(body, server.token("agnes")));
            assertThat(codes(Json.MAPPER.readTree(response.body()))).as(body + " " + response.body())
                    .containsExactly("BAD_USER_INPUT");
        }
    }

    @Test
    void aBodyThatIsNotStrictUtf8IsABadRequest() {
        // "/" as the overlong two-byte form C0 AF, and an encoded surrogate (CESU-8 ED A0 80)
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("{\"query\": \"{ movies(filter: {titleContains: \\\"a".getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bad);
            body.writeBytes("b\\\"}) { totalCount } }\"}".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(codes(Json.MAPPER.readTree(response.body()))).containsExactly("BAD_REQUEST");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"            ", "\t\t\t\t\t\t\t\t\t\t\t\t", "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"})
    void aBlankPasswordIsRefusedEverywhereAPasswordIsSet(String blank) {
        int users = server.database().dsl().fetchCount(APP_USER);
        JsonNode created = server.queryAs(server.token("root"),
                "mutation($i: UserInput!) { createUser(input: $i) { user { id } userErrors { field code } } }",
                Map.of("i", Map.of("username", "blank" + blank.codePointAt(0), "password", blank, "role", "EDITOR")));
        JsonNode error = created.get("data").get("createUser").get("userErrors").get(0);
        assertThat(error.get("code").asString()).as("%s", created).isEqualTo("VALIDATION");
        assertThat(error.get("field").toString()).isEqualTo("[\"input\",\"password\"]");

        String agnes = server.database().dsl().select(APP_USER.ID).from(APP_USER)
                .where(APP_USER.USERNAME.eq("agnes")).fetchOne(APP_USER.ID).toString();
        JsonNode updated = server.queryAs(server.token("root"),
                "mutation($id: ID!, $p: String) { updateUser(id: $id, password: $p) { user { id } userErrors { field code } } }",
                Map.of("id", agnes, "p", blank));
        assertThat(updated.get("data").get("updateUser").get("userErrors").get(0).get("code").asString())
                .as("%s", updated).isEqualTo("VALIDATION");

        // The command line's createuser and createsuperuser create accounts through this same call.
        UserAccounts accounts = new UserAccounts(server.database().dsl(), new PasswordHasher());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create(null, "cli" + blank.codePointAt(0), blank, Role.ADMIN))
                .isInstanceOf(UserErrorsException.class);
        assertThat(server.database().dsl().fetchCount(APP_USER)).isEqualTo(users);
    }

    static Stream<Arguments> craftedPositions() {
        return Stream.concat(Stream.of("+999999-01-01", "-0001-01-01", "0000-01-01", "99999-12-31", "1994-02-30", NUL)
                .map(date -> Arguments.of("RELEASE_DATE", date)), Stream.of(Arguments.of("TITLE", NUL)));
    }

    @ParameterizedTest
    @MethodSource("craftedPositions")
    void aCraftedCursorIsInvalidCursor(String field, String value) {
        String order = "orderBy: [{field: " + field + ", direction: ASC}]";
        String cursor = recrafted(order, 1, value);
        JsonNode response = server.query("query($c: String) { movies(first: 2, after: $c, " + order
                + ") { edges { node { id } } } }", Map.of("c", cursor));
        assertThat(codes(response)).as("%s", response).containsExactly("INVALID_CURSOR");
    }

    @Test
    void badFaithIntrospectionHasItsOwnCode() {
        JsonNode response = server.query(
                "query { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }");
        assertThat(codes(response)).as("%s", response).containsExactly("INTROSPECTION_NOT_IN_GOOD_FAITH");
    }

    /** A cursor the server handed out for {@code order}, with its value at {@code index} replaced. */
    private static String recrafted(String order, int index, String value) {
        server.queryAs(server.token("agnes"), "mutation { a: createMovie(input: {title: \"Sans toit ni loi\", "
                + "releaseDate: \"1985-12-04\"}) { movie { id } } b: createMovie(input: {title: \"Cléo\", "
                + "releaseDate: \"1962-04-11\"}) { movie { id } } }", Map.of());
        String handedOut = server.query("{ movies(first: 1, " + order + ") { pageInfo { endCursor } } }")
                .get("data").get("movies").get("pageInfo").get("endCursor").asString();
        ArrayNode position = (ArrayNode) Json.MAPPER.readTree(Base64.getUrlDecoder().decode(handedOut));
        position.set(index, value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.MAPPER.writeValueAsBytes(position));
    }

    private static HttpRequest post(String body, String token) {
        return HttpRequest.newBuilder(server.uri("/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static long catalogueRows() {
        var dsl = server.database().dsl();
        return dsl.fetchCount(MOVIE) + dsl.fetchCount(GENRE) + dsl.fetchCount(PERSON);
    }

    private static List<String> codes(JsonNode response) {
        JsonNode errors = response.get("errors");
        if (errors == null) {
            return List.of();
        }
        return errors.valueStream().map(e -> e.get("extensions").get("code").asString()).toList();
    }
}

package org.mymoviedb.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.AUDIT_ENTRY;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** auditLog's filters by entity and by time, on a real database, deleted movies included. */
class AuditLogFilterTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perTest().withAccount("boss", Role.ADMIN);

    private static final OffsetDateTime JANUARY_FIRST = OffsetDateTime.parse("2020-01-01T00:00:00Z");
    private static final String LOG = """
            query($type: EntityType, $id: ID, $since: DateTime, $until: DateTime, $after: String) {
              auditLog(first: 2, after: $after, entityType: $type, entityId: $id, since: $since, until: $until) {
                edges { node { at action entityType entityId entityLabel } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    @Test
    void aDeletedMoviesWholeHistoryIsFoundByItsId() {
        String token = server.token("boss");
        JsonNode created = server.queryAs(token, "mutation { createMovie(input: {title: \"Vagabond\", releaseDate: "
                + "\"1985-12-04\", genres: [{name: \"Drama\"}]}) { movie { id version } } }", Map.of())
                .get("data").get("createMovie").get("movie");
        String id = created.get("id").asString();
        JsonNode updated = server.queryAs(token, "mutation($id: ID!) { updateMovie(id: $id, expectedVersion: 1, "
                + "input: {rating: 80}) { movie { version } } }", Map.of("id", id)).get("data").get("updateMovie");
        server.queryAs(token, "mutation($id: ID!, $v: Int!) { deleteMovie(id: $id, expectedVersion: $v) "
                + "{ deletedIds } }", Map.of("id", id, "v", updated.get("movie").get("version").asInt()));
        server.queryAs(token, "mutation { createMovie(input: {title: \"Cléo from 5 to 7\", releaseDate: "
                + "\"1962-04-11\"}) { movie { id } } }", Map.of());

        List<JsonNode> vagabond = all(vars("type", "MOVIE", "id", id));
        assertThat(vagabond).extracting(e -> e.get("action").asString()).containsExactly("DELETE", "UPDATE", "CREATE");
        assertThat(vagabond).extracting(e -> e.get("entityLabel").asString()).containsOnly("Vagabond");
        assertThat(vagabond).extracting(e -> e.get("entityId").asString()).containsOnly(id);

        List<JsonNode> genres = all(vars("type", "GENRE"));
        assertThat(genres).extracting(e -> e.get("entityLabel").asString()).containsExactly("Drama");
        assertThat(genres).extracting(e -> e.get("entityType").asString()).containsOnly("GENRE");
    }

    @Test
    void sinceIsInclusiveAndUntilExclusive() {
        String token = server.token("boss");
        List<String> names = List.of("Noir", "Western", "Musical");
        for (int day = 0; day < names.size(); day++) {
            server.queryAs(token, "mutation($n: String!) { createGenre(name: $n) { genre { id } } }",
                    Map.of("n", names.get(day)));
            // Each on a day of its own, so the bounds below fall exactly on an entry's instant.
            server.database().dsl().update(AUDIT_ENTRY).set(AUDIT_ENTRY.AT, JANUARY_FIRST.plusDays(day))
                    .where(AUDIT_ENTRY.ENTITY_LABEL.eq(names.get(day))).execute();
        }
        String second = JANUARY_FIRST.plusDays(1).toString();
        String third = JANUARY_FIRST.plusDays(2).toString();

        assertThat(labels(vars("type", "GENRE", "since", second))).containsExactly("Musical", "Western");
        assertThat(labels(vars("type", "GENRE", "until", second))).containsExactly("Noir");
        assertThat(labels(vars("type", "GENRE", "since", second, "until", third))).containsExactly("Western");
        assertThat(labels(vars("since", JANUARY_FIRST.plusYears(1).toString(), "until", second))).isEmpty();
    }

    @Test
    void aBadFilterIsACodedErrorNotAFailure() {
        JsonNode badId = server.queryAs(server.token("boss"), LOG, vars("id", "not-a-movie"));
        assertThat(badId.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("INVALID_ID");
        JsonNode badDate = server.queryAs(server.token("boss"), LOG, vars("since", "2024-02-30T00:00:00Z"));
        assertThat(badDate.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("BAD_USER_INPUT");
        JsonNode editor = server.queryAs(server.signedIn("agnes", Role.EDITOR), LOG, vars("type", "MOVIE"));
        assertThat(editor.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("FORBIDDEN");
    }

    private List<String> labels(Map<String, Object> variables) {
        return all(variables).stream().map(e -> e.get("entityLabel").asString()).toList();
    }

    /** Every page of the log under {@code variables}, two entries at a time, so paging is filtered too. */
    private List<JsonNode> all(Map<String, Object> variables) {
        List<JsonNode> entries = new ArrayList<>();
        Map<String, Object> page = new HashMap<>(variables);
        for (int i = 0; i < 50; i++) {
            JsonNode answer = server.queryAs(server.token("boss"), LOG, page);
            assertThat(answer.get("errors")).as("%s", answer).isNull();
            JsonNode log = answer.get("data").get("auditLog");
            log.get("edges").forEach(edge -> entries.add(edge.get("node")));
            if (!log.get("pageInfo").get("hasNextPage").asBoolean()) {
                return entries;
            }
            page.put("after", log.get("pageInfo").get("endCursor").asString());
        }
        throw new AssertionError("more than 50 pages");
    }

    private static Map<String, Object> vars(String... namesAndValues) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            vars.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return vars;
    }
}

package org.mymoviedb.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** people and auditLog page backward (last/before) over the same order they page forward. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackwardListsTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().withAccount("boss", Role.ADMIN);

    private static final int PEOPLE = 41;
    private static final int ENTRIES = 53;

    @BeforeAll
    void seed() {
        Catalogue c = new Catalogue(server.database().dsl());
        for (int i = 0; i < PEOPLE; i++) {
            c.person("Person " + i);
        }
        server.database().dsl().execute("""
                insert into audit_entry (username, action, entity_type, entity_id, entity_label)
                select 'boss', 'UPDATE', 'movie', n, 'Film ' || n from generate_series(1, ?) as n""", ENTRIES);
    }

    @Test
    void peoplePageBackwardAsForward() {
        String query = """
                query P($first: Int, $after: String, $last: Int, $before: String) {
                  people(search: "person", first: $first, after: $after, last: $last, before: $before) {
                    edges { node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""";
        List<String> forward = walk(query, "people", false, null);
        assertThat(forward).hasSize(PEOPLE).doesNotHaveDuplicates();
        assertThat(walk(query, "people", true, null)).containsExactlyElementsOf(forward);
    }

    @Test
    void auditLogPagesBackwardAsForward() {
        String query = """
                query A($first: Int, $after: String, $last: Int, $before: String) {
                  auditLog(first: $first, after: $after, last: $last, before: $before) {
                    edges { node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""";
        String token = server.token("boss");
        List<String> forward = walk(query, "auditLog", false, token);
        assertThat(forward).hasSizeGreaterThanOrEqualTo(ENTRIES).doesNotHaveDuplicates();
        assertThat(walk(query, "auditLog", true, token)).containsExactlyElementsOf(forward);
    }

    @Test
    void mixingDirectionsIsRefused() {
        JsonNode result = server.query("{ people(first: 2, before: \"x\") { edges { cursor } } }");
        assertThat(result.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("BAD_USER_INPUT");
    }

    /** Every id of the list, in display order, read 7 at a time forward or backward. */
    private static List<String> walk(String query, String field, boolean backward, String token) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 100; pages++) {
            Map<String, Object> vars = new HashMap<>();
            vars.put(backward ? "last" : "first", 7);
            vars.put(backward ? "before" : "after", cursor);
            JsonNode result = token == null ? server.query(query, vars) : server.queryAs(token, query, vars);
            assertThat(result.get("errors")).as("errors in %s", result).isNull();
            JsonNode connection = result.get("data").get(field);
            List<String> page = new ArrayList<>();
            connection.get("edges").forEach(e -> page.add(e.get("node").get("id").asString()));
            seen.addAll(backward ? 0 : seen.size(), page);
            JsonNode info = connection.get("pageInfo");
            assertThat(info.get(backward ? "hasNextPage" : "hasPreviousPage").asBoolean()).isEqualTo(cursor != null);
            if (!info.get(backward ? "hasPreviousPage" : "hasNextPage").asBoolean()) {
                return seen;
            }
            cursor = info.get(backward ? "startCursor" : "endCursor").asString();
        }
        throw new AssertionError("more than 100 pages");
    }
}

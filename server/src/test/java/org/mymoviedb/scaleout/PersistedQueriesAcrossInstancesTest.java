package org.mymoviedb.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mymoviedb.graphql.PersistedQueries;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.TestDatabase;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * Automatic persisted queries are registered per instance, by design: a hash registered on A and sent to B gets
 * the protocol's PersistedQueryNotFound, the client sends the full query once more, and B knows it from then on.
 */
class PersistedQueriesAcrossInstancesTest {

    private static final String QUERY = "{ genres { name } }";
    private static final String HASH = PersistedQueries.sha256(QUERY);

    @Test
    void aHashRegisteredOnOneInstanceIsNotFoundOnTheOtherUntilTheClientSendsTheQueryThere() {
        try (TestDatabase database = TestDatabase.create();
             TestServer a = TestServer.startOn(database);
             TestServer b = TestServer.startOn(database)) {
            assertThat(post(a, Map.of("query", QUERY, "extensions", persisted())).get("errors")).isNull();
            assertThat(post(a, Map.of("extensions", persisted())).get("data").get("genres").isArray()).isTrue();

            // B never saw the query: the answer Apollo clients take as "send it again with the text".
            JsonNode miss = post(b, Map.of("extensions", persisted()));
            assertThat(miss.get("errors").get(0).get("message").asString()).isEqualTo("PersistedQueryNotFound");
            assertThat(miss.get("errors").get(0).get("extensions").get("code").asString())
                    .isEqualTo("PERSISTED_QUERY_NOT_FOUND");

            JsonNode resent = post(b, Map.of("query", QUERY, "extensions", persisted()));
            assertThat(resent.get("errors")).as("%s", resent).isNull();
            JsonNode hit = post(b, Map.of("extensions", persisted()));
            assertThat(hit.get("errors")).as("%s", hit).isNull();
            assertThat(hit.get("data").get("genres").isArray()).isTrue();
        }
    }

    private static Map<String, Object> persisted() {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", HASH));
    }

    private static JsonNode post(TestServer server, Map<String, Object> body) {
        HttpResponse<String> response = server.post(Json.MAPPER.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }
}

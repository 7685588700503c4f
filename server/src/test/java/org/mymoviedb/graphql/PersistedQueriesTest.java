package org.mymoviedb.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/** Apollo's Automatic Persisted Queries, and the production allow-list, over real HTTP. */
class PersistedQueriesTest {

    private static final String QUERY = "{ genres { name } }";
    private static final String HASH = PersistedQueries.sha256(QUERY);

    @Test
    void anUnknownHashIsNotFoundThenRegisteringItLetsTheHashAloneRun() {
        try (TestServer server = TestServer.start()) {
            JsonNode miss = post(server, Map.of("extensions", persisted(HASH)));
            assertThat(miss.get("errors").get(0).get("message").asString()).isEqualTo("PersistedQueryNotFound");
            assertThat(miss.get("errors").get(0).get("extensions").get("code").asString())
                    .isEqualTo("PERSISTED_QUERY_NOT_FOUND");

            JsonNode register = post(server, Map.of("query", QUERY, "extensions", persisted(HASH)));
            assertThat(register.get("data").get("genres").isArray()).isTrue();

            JsonNode hit = post(server, Map.of("extensions", persisted(HASH)));
            assertThat(hit.get("errors")).isNull();
            assertThat(hit.get("data").get("genres").isArray()).isTrue();

            // Apollo's GET form: the hash in the extensions parameter.
            HttpResponse<String> get = server.send(HttpRequest.newBuilder(server.uri("/graphql?extensions="
                    + URLEncoder.encode(Json.MAPPER.writeValueAsString(persisted(HASH)), StandardCharsets.UTF_8)))
                    .GET().build());
            assertThat(Json.MAPPER.readTree(get.body()).get("data").get("genres").isArray()).isTrue();
        }
    }

    @Test
    void aHashThatIsNotTheQuerysIsRefusedAndNotStored() {
        try (TestServer server = TestServer.start()) {
            String wrong = PersistedQueries.sha256("{ movies { totalCount } }");
            JsonNode mismatch = post(server, Map.of("query", QUERY, "extensions", persisted(wrong)));
            assertThat(mismatch.get("errors").get(0).get("extensions").get("code").asString())
                    .isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
            assertThat(post(server, Map.of("extensions", persisted(wrong))).get("errors").get(0).get("extensions")
                    .get("code").asString()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        }
    }

    @Test
    void theStoreIsBounded() {
        try (TestServer server = TestServer.start(Map.of("APQ_CACHE_MAX_MB", "1"))) {
            // 30,000 characters weigh 60,000 bytes: a megabyte holds 17 of them.
            for (int i = 0; i < 50; i++) {
                String query = padded(i);
                post(server, Map.of("query", query, "extensions", persisted(PersistedQueries.sha256(query))));
            }
            int stillKnown = 0;
            for (int i = 0; i < 50; i++) {
                String hash = PersistedQueries.sha256(padded(i));
                if (post(server, Map.of("extensions", persisted(hash))).get("errors") == null) {
                    stillKnown++;
                }
            }
            assertThat(stillKnown).isBetween(1, 17);
        }
    }

    @Test
    void inAllowListModeOnlyRegisteredDocumentsRun(@TempDir Path operations) throws Exception {
        Files.writeString(operations.resolve("Genres.graphql"), QUERY);
        try (TestServer server = TestServer.start(Map.of("PERSISTED_QUERIES", "allowlist",
                "PERSISTED_QUERIES_ALLOWLIST", operations.toString()))) {
            assertThat(post(server, Map.of("query", QUERY)).get("data").get("genres").isArray()).isTrue();
            assertThat(post(server, Map.of("extensions", persisted(HASH))).get("data").get("genres").isArray()).isTrue();

            String other = "{ movies { totalCount } }";
            long statements = server.app().database().statements().total();
            JsonNode refused = post(server, Map.of("query", other));
            assertThat(refused.get("errors").get(0).get("extensions").get("code").asString())
                    .isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
            JsonNode noRegistering = post(server, Map.of("query", other, "extensions",
                    persisted(PersistedQueries.sha256(other))));
            assertThat(noRegistering.get("errors").get(0).get("extensions").get("code").asString())
                    .isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
            assertThat(server.app().database().statements().total()).isEqualTo(statements);
        }
    }

    private static String padded(int i) {
        return "# " + "x".repeat(30_000) + "\n{ movies(first: " + i + ") { totalCount } }";
    }

    private static Map<String, Object> persisted(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    private static JsonNode post(TestServer server, Map<String, Object> body) {
        HttpResponse<String> response = server.post(Json.MAPPER.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }
}

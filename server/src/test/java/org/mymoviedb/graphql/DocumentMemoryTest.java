package org.mymoviedb.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * Many large distinct documents, as the hostile campaign sent them (issue 15): every one is answered, and the
 * caches that see them stay within their byte budgets, so the heap does not grow with what was sent.
 */
class DocumentMemoryTest {

    private static final int BUDGET_MB = 2;
    /** Just under the 1 MiB body limit once written as JSON. */
    private static final int HUGE_DOCUMENT_CHARS = 1_000_000;

    @Test
    void threeHundredDistinctOneMegabyteDocumentsLeaveTheHeapAsItWas() {
        try (TestServer server = TestServer.start(Map.of("DOCUMENT_CACHE_MAX_MB", String.valueOf(BUDGET_MB),
                "APQ_CACHE_MAX_MB", String.valueOf(BUDGET_MB), "LIMIT_CACHE_MAX_MB", String.valueOf(BUDGET_MB),
                "RESULT_CACHE_MAX_MB", String.valueOf(BUDGET_MB)))) {
            server.query("{ genres { name } }"); // everything a first request loads is loaded before measuring
            long before = usedHeapAfterGc();
            for (int i = 0; i < 300; i++) {
                // A comment is a few tokens, so no limit refuses the document: only a cache bound can help.
                String document = "# " + i + " " + "x".repeat(HUGE_DOCUMENT_CHARS) + "\n{ genres { name } }";
                Map<String, Object> body = i % 3 == 0
                        ? Map.of("query", document, "extensions", Map.of("persistedQuery",
                                Map.of("version", 1, "sha256Hash", PersistedQueries.sha256(document))))
                        : Map.of("query", document);
                assertAnswered(server.post(Json.MAPPER.writeValueAsString(body)));
            }
            long grown = usedHeapAfterGc() - before;
            // Without a byte bound the documents stay: 300 MB of text (measured: 316 MB before this change).
            assertThat(grown).as("heap grown by, bytes").isLessThan(64L << 20);
            assertThat(server.app().api().documents().weighedBytes()).isLessThanOrEqualTo((long) BUDGET_MB << 20);
        }
    }

    @Test
    void documentsThatAreKeptStayWithinTheBudget() {
        try (TestServer server = TestServer.start(Map.of("DOCUMENT_CACHE_MAX_MB", String.valueOf(BUDGET_MB)))) {
            for (int i = 0; i < 200; i++) {
                // About 20,000 characters: small enough to be kept, and weighed at about 0.5 MB each.
                String document = "# " + "x".repeat(19_000) + "\nquery Q" + i + " { genres { " + "name id ".repeat(75)
                        + "} }";
                JsonNode answer = server.query(document);
                assertThat(answer.get("errors")).as("document %d", i).isNull();
            }
            DocumentCache documents = server.app().api().documents();
            assertThat(documents.weighedBytes()).isLessThanOrEqualTo((long) BUDGET_MB << 20).isPositive();
        }
    }

    @Test
    void aRefusedDocumentIsNotKept() {
        try (TestServer server = TestServer.start()) {
            DocumentCache documents = server.app().api().documents();
            long before = documents.weighedBytes();
            for (int i = 0; i < 20; i++) {
                JsonNode refused = server.query("{ genres { name nosuchfield" + i + " } }");
                assertThat(refused.get("errors").get(0).get("extensions").get("code").asString())
                        .isEqualTo("GRAPHQL_VALIDATION_FAILED");
            }
            assertThat(documents.weighedBytes()).isEqualTo(before);
        }
    }

    private static void assertAnswered(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = Json.MAPPER.readTree(response.body());
        assertThat(answer.get("errors")).as(response.body()).isNull();
        assertThat(answer.get("data").get("genres").isArray()).isTrue();
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}

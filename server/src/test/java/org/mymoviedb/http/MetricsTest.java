package org.mymoviedb.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.graphql.PersistedQueries;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.PrometheusScrape;
import org.mymoviedb.testing.FreshServer;

/**
 * GET /metrics through Micrometer: the series the benchmark reads keep their names and meaning, and the pool,
 * caches, JVM, database executor and request latency are published beside them, all as valid Prometheus text.
 * Each test sends queries of its own text, so no other test's cached answer or parsed document counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().withAccount("cleo", Role.EDITOR);

    @BeforeAll
    void seedTheCatalogue() {
        Catalogue c = new Catalogue(server.database().dsl());
        long stalker = c.movie("Stalker", LocalDate.of(1979, 5, 25), 81, 162);
        c.tag(stalker, c.genre("Drama"));
        c.credit(stalker, c.person("Andrei Tarkovsky"), 0);
    }

    @Test
    void theWholeBodyIsPrometheusTextInTheClassicMediaType() {
        server.query("{ movies(first: 3) { totalCount } }");
        PrometheusScrape scrape = PrometheusScrape.of(server.get()); // parses every line strictly
        assertThat(scrape.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(scrape.samples()).hasSizeGreaterThan(100);
    }

    @Test
    void requestsAndStatementsCountAsTheBenchmarkReadsThem() {
        PrometheusScrape before = PrometheusScrape.of(server.get());
        server.query("{ movies(first: 4) { edges { node { title genres { name } } } } }");
        PrometheusScrape after = PrometheusScrape.of(server.get());
        assertThat(grew(before, after, "mymoviedb_graphql_requests_total")).isEqualTo(1);
        // The page with its genres in its rows (an execution plan): one statement.
        assertThat(grew(before, after, "mymoviedb_sql_statements_total")).isEqualTo(1);
    }

    @Test
    void aRepeatedQueryIsAResultCacheHitAndADocumentCacheHit() {
        String query = "{ movies(first: 5) { edges { node { title rating } } } }";
        PrometheusScrape before = PrometheusScrape.of(server.get());
        server.query(query);
        server.query(query);
        PrometheusScrape after = PrometheusScrape.of(server.get());
        assertThat(grew(before, after, "mymoviedb_result_cache_misses_total")).isEqualTo(1);
        assertThat(grew(before, after, "mymoviedb_result_cache_hits_total")).isEqualTo(1);
        assertThat(grew(before, after, "cache_gets_total", "cache", "results", "result", "hit")).isEqualTo(1);
        // Only the first was executed, so parsed once: a miss, then nothing more asked of the document cache.
        assertThat(grew(before, after, "cache_gets_total", "cache", "documents", "result", "miss")).isEqualTo(1);
        assertThat(after.value("cache_size", "cache", "results")).isGreaterThanOrEqualTo(1);
        assertThat(after.value("cache_size", "cache", "documents")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aSignedInRepeatedQueryIsOneDocumentMissThenOneHitAndNothingMore() {
        // Not result-cached (it carries a token), so both run; each asks the document cache exactly once.
        String query = "{ movies(first: 3) { edges { node { title } } } }";
        PrometheusScrape before = PrometheusScrape.of(server.get());
        server.queryAs(server.token("cleo"), query, Map.of());
        server.queryAs(server.token("cleo"), query, Map.of());
        PrometheusScrape after = PrometheusScrape.of(server.get());
        assertThat(grew(before, after, "cache_gets_total", "cache", "documents", "result", "miss")).isEqualTo(1);
        assertThat(grew(before, after, "cache_gets_total", "cache", "documents", "result", "hit")).isEqualTo(1);
    }

    @Test
    void connectionGaugesFollowThePool() throws Exception {
        assertThat(PrometheusScrape.of(server.get()).value("mymoviedb_db_connections_active")).isZero();
        try (Connection held = server.app().database().dataSource().getConnection()) {
            assertThat(held.isValid(1)).isTrue();
            PrometheusScrape scrape = PrometheusScrape.of(server.get());
            assertThat(scrape.value("mymoviedb_db_connections_active")).isEqualTo(1);
            assertThat(scrape.value("mymoviedb_db_connections_waiting")).isZero();
            assertThat(scrape.value("hikaricp_connections_max", "pool", "mymoviedb")).isEqualTo(4);
            assertThat(scrape.value("hikaricp_connections_acquire_seconds_count", "pool", "mymoviedb"))
                    .isGreaterThanOrEqualTo(1);
            // HikariCP refreshes the figures behind its own gauges at most once a second.
            assertThat(eventually(s -> s.value("hikaricp_connections_active", "pool", "mymoviedb") == 1)
                    .value("hikaricp_connections_active", "pool", "mymoviedb")).isEqualTo(1);
        }
    }

    @Test
    void requestLatencyIsAHistogramPerOperationKindAndStatusClass() {
        String duration = "mymoviedb_graphql_request_duration_seconds";
        server.query("{ genres { name } }");
        server.query("mutation { login(username: \"nobody\", password: \"not a password\") { token } }");
        assertThat(server.post("{}").statusCode()).isEqualTo(400);
        // Recorded when the exchange completes, which may be a moment after the client has read the answer.
        PrometheusScrape scrape = eventually(s -> s.series(duration + "_count", "operation", "none").size() == 1);
        assertThat(scrape.value(duration + "_count", "operation", "query", "status", "2xx")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.value(duration + "_count", "operation", "mutation", "status", "2xx"))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.value(duration + "_count", "operation", "none", "status", "4xx")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.value(duration + "_sum", "operation", "query", "status", "2xx")).isPositive();
        // Percentile-histogram buckets, from a millisecond to ten seconds, and the +Inf bucket holding every request.
        assertThat(scrape.series(duration + "_bucket", "operation", "query", "status", "2xx")).hasSizeGreaterThan(20);
        assertThat(scrape.value(duration + "_bucket", "operation", "query", "status", "2xx", "le", "+Inf"))
                .isEqualTo(scrape.value(duration + "_count", "operation", "query", "status", "2xx"));
    }

    @Test
    void theApqStoreIsPublishedAsACache() {
        String query = "{ people(first: 1) { totalCount } }";
        Map<String, Object> persisted = Map.of("persistedQuery",
                Map.of("version", 1, "sha256Hash", PersistedQueries.sha256(query)));
        PrometheusScrape before = PrometheusScrape.of(server.get());
        server.post(Json.MAPPER.writeValueAsString(Map.of("extensions", persisted))); // unknown hash: a miss
        server.post(Json.MAPPER.writeValueAsString(Map.of("query", query, "extensions", persisted)));
        server.post(Json.MAPPER.writeValueAsString(Map.of("extensions", persisted))); // now registered: a hit
        PrometheusScrape after = PrometheusScrape.of(server.get());
        assertThat(grew(before, after, "cache_gets_total", "cache", "persisted_queries", "result", "miss"))
                .isEqualTo(1);
        assertThat(grew(before, after, "cache_gets_total", "cache", "persisted_queries", "result", "hit"))
                .isEqualTo(1);
        assertThat(after.value("cache_size", "cache", "persisted_queries")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theJvmAndTheDatabaseExecutorArePublished() {
        server.query("{ movies(first: 6) { totalCount } }");
        PrometheusScrape scrape = PrometheusScrape.of(server.get());
        assertThat(scrape.series("jvm_memory_used_bytes", "area", "heap").stream()
                .mapToDouble(PrometheusScrape.Sample::value).sum()).isPositive();
        assertThat(scrape.series("jvm_gc_memory_allocated_bytes_total")).hasSize(1);
        assertThat(scrape.value("jvm_threads_live_threads")).isPositive();
        assertThat(scrape.value("jvm_classes_loaded_classes")).isPositive();
        assertThat(scrape.value("system_cpu_count")).isPositive();
        assertThat(scrape.value("process_uptime_seconds")).isPositive();
        assertThat(scrape.series("jvm_info")).hasSize(1);
        // Idle between requests: nothing queued, the whole bounded queue (DB_QUEUE_CAPACITY) free.
        assertThat(scrape.value("executor_queued_tasks", "name", "database")).isZero();
        assertThat(scrape.value("executor_queue_remaining_tasks", "name", "database")).isEqualTo(10_000);
        assertThat(scrape.value("executor_pool_max_threads", "name", "database")).isEqualTo(4);
        assertThat(scrape.value("executor_completed_tasks_total", "name", "database")).isPositive();
    }

    private static double grew(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.value(name, labels) - (before.series(name, labels).isEmpty() ? 0 : before.value(name, labels));
    }

    private PrometheusScrape eventually(Predicate<PrometheusScrape> ready) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        PrometheusScrape scrape = PrometheusScrape.of(server.get());
        while (!ready.test(scrape) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            scrape = PrometheusScrape.of(server.get());
        }
        return scrape;
    }
}

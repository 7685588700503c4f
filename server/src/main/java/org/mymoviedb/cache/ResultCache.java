package org.mymoviedb.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Finished responses to anonymous read queries, keyed by the document, operation, variables and media type;
 * bounded in bytes and by age. An entry is served only while nothing it depends on (the movies it shows by id, or
 * the catalogue's movies as a whole) changed since it was computed, so no answer is older than the last write
 * this instance committed (or heard of) that could change it.
 */
public final class ResultCache {

    /** What a cached answer is looked up by. */
    public record Key(String query, String operationName, Map<String, Object> variables, String mediaType) {
    }

    /**
     * A finished answer: HTTP status and JSON body, the moment of the catalogue it reflects, and what in the
     * catalogue it depends on.
     */
    public record Answer(long asOf, CatalogueVersion.Dependencies dependencies, int status, byte[] body) {
    }

    /** How long an answer may be served, at most, whatever the catalogue does. */
    private static final Duration MAXIMUM_AGE = Duration.ofMinutes(10);
    /** The entry, the key and answer records and the cache's own objects. */
    private static final int ENTRY_OVERHEAD_BYTES = 192;

    private final Cache<Key, Answer> answers;
    private final CatalogueVersion catalogue;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** Publishes its hits and misses, and Caffeine's view of the store (cache="results"), in {@code metrics}. */
    public ResultCache(long maxBytes, CatalogueVersion catalogue, MeterRegistry metrics) {
        this.catalogue = catalogue;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, Answer a) -> weight(k, a))
                // A backstop: an announcement lost with a process that died just after its commit ages out.
                .expireAfterWrite(MAXIMUM_AGE)
                .executor(Runnable::run)
                .recordStats()
                .build();
        // Caffeine counts an entry from before the last write as a hit; these count it as the miss it is.
        FunctionCounter.builder("mymoviedb.result.cache.hits", hits, LongAdder::sum)
                .description("Answers served from the result cache").register(metrics);
        FunctionCounter.builder("mymoviedb.result.cache.misses", misses, LongAdder::sum)
                .description("Cacheable requests the result cache could not answer").register(metrics);
        CaffeineCacheMetrics.monitor(metrics, answers, "results");
    }

    /** The body, and two bytes a character (UTF-16 at worst) of the key's text and variables. */
    private static int weight(Key key, Answer answer) {
        long chars = key.query().length() + (key.variables().isEmpty() ? 0 : key.variables().toString().length());
        return (int) Math.min(Integer.MAX_VALUE, ENTRY_OVERHEAD_BYTES + answer.body().length + 2 * chars);
    }

    /** The bytes the cached answers are estimated to hold; at most the budget, once eviction has run. */
    public long weighedBytes() {
        answers.cleanUp();
        return answers.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /** The cached answer if it is still current. */
    public Answer get(Key key) {
        Answer answer = answers.getIfPresent(key);
        if (answer != null && catalogue.unchangedSince(answer.asOf(), answer.dependencies())) {
            hits.increment();
            return answer;
        }
        misses.increment();
        return null;
    }

    /** The version to remember with an answer: read it before computing the answer. */
    public long versionNow() {
        return catalogue.current();
    }

    /** Keeps an answer; one that a write committed since its moment may have changed is dropped. */
    public void put(Key key, Answer answer) {
        if (catalogue.unchangedSince(answer.asOf(), answer.dependencies())) {
            answers.put(key, answer);
        }
    }
}

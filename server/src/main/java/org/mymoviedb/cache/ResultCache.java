package org.mymoviedb.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Finished responses to anonymous read queries, keyed by the document, operation, variables and media type;
 * bounded in bytes. An entry is served only while the catalogue is at the version it was computed under, so no
 * answer is older than the last write this instance committed (or heard of).
 */
public final class ResultCache {

    /** What a cached answer is looked up by. */
    public record Key(String query, String operationName, Map<String, Object> variables, String mediaType) {
    }

    /** A finished answer: HTTP status and JSON body, and the catalogue version it reflects. */
    public record Answer(long version, int status, byte[] body) {
    }

    private final Cache<Key, Answer> answers;
    private final CatalogueVersion catalogue;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** Publishes its hits and misses, and Caffeine's view of the store (cache="results"), in {@code metrics}. */
    public ResultCache(long maxBytes, CatalogueVersion catalogue, MeterRegistry metrics) {
        this.catalogue = catalogue;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, Answer a) -> a.body().length + k.query().length() * 2 + 128)
                .recordStats()
                .build();
        // Caffeine counts an entry from before the last write as a hit; these count it as the miss it is.
        FunctionCounter.builder("mymoviedb.result.cache.hits", hits, LongAdder::sum)
                .description("Answers served from the result cache").register(metrics);
        FunctionCounter.builder("mymoviedb.result.cache.misses", misses, LongAdder::sum)
                .description("Cacheable requests the result cache could not answer").register(metrics);
        CaffeineCacheMetrics.monitor(metrics, answers, "results");
    }

    /** The cached answer if it is still current. */
    public Answer get(Key key) {
        Answer answer = answers.getIfPresent(key);
        if (answer != null && answer.version() == catalogue.current()) {
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

    /** Keeps an answer computed under {@code version}; one computed before a later write is dropped. */
    public void put(Key key, Answer answer) {
        if (answer.version() == catalogue.current()) {
            answers.put(key, answer);
        }
    }
}

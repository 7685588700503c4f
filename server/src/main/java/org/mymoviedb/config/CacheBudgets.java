package org.mymoviedb.config;

import java.time.Duration;

/**
 * How much memory the server's caches of documents may hold, in estimated retained bytes, and for how long.
 *
 * @param documentBytes          parsed and validated documents (DOCUMENT_CACHE_MAX_MB, default 16)
 * @param maxCachedDocumentChars the longest document kept parsed; longer ones are parsed on every request
 *                               (DOCUMENT_CACHE_MAX_DOCUMENT_KB, default 32, in thousands of characters: 1 KB is
 *                               1,024 characters)
 * @param persistedQueryBytes    documents registered through automatic persisted queries (APQ_CACHE_MAX_MB,
 *                               default 8); a document longer than maxCachedDocumentChars is run but not registered
 * @param limitVerdictBytes      remembered verdicts of the depth, cost, alias and root-field checks, a key per
 *                               document, operation and variables (LIMIT_CACHE_MAX_MB, default 4)
 */
public record CacheBudgets(long documentBytes, int maxCachedDocumentChars, long persistedQueryBytes,
                           long limitVerdictBytes) {

    /** An entry nobody asked for in this long is dropped, whatever room is left. */
    public Duration idleExpiry() {
        return Duration.ofHours(1);
    }

    /** The defaults, for tests and tools that build the GraphQL layer without a configuration. */
    public static CacheBudgets defaults() {
        return new CacheBudgets(16L << 20, 32 * 1024, 8L << 20, 4L << 20);
    }
}

package org.mymoviedb.config;

import java.nio.file.Path;

/**
 * Persisted queries.
 *
 * @param mode      APQ (clients register documents by hash, Apollo's protocol), ALLOWLIST (only the documents in
 *                  {@code allowlist} run; for production), or OFF (PERSISTED_QUERIES, default APQ)
 * @param allowlist a directory of .graphql files, or an Apollo persisted-query manifest (PERSISTED_QUERIES_ALLOWLIST)
 */
public record PersistedQueriesConfig(Mode mode, Path allowlist) {

    /** The three ways to run. */
    public enum Mode { APQ, ALLOWLIST, OFF }
}

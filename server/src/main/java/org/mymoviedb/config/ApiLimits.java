package org.mymoviedb.config;

/**
 * How much one request may ask for. Generous for the admin and every documented example; a depth-50 query or a
 * megabyte of aliases is refused before it reaches the database.
 *
 * @param maxDepth              deepest field nesting (MAX_QUERY_DEPTH, default 15)
 * @param maxComplexity         estimated fields resolved, list sizes multiplied in (MAX_QUERY_COMPLEXITY, 25000)
 * @param maxAliases            aliased fields in one document (MAX_ALIASES, 30)
 * @param maxRootFields         top-level fields of the operation (MAX_ROOT_FIELDS, 20)
 * @param maxTokens             lexical tokens the parser reads before giving up (MAX_TOKENS, 15000)
 * @param maxSelectionFields    fields in one selection set, fragments spread in, checked before validation
 *                              (MAX_SELECTION_FIELDS, 200)
 * @param maxBodyBytes          request body size (MAX_BODY_BYTES, 1 MiB)
 * @param statementTimeoutMillis how long PostgreSQL may work on one statement (DB_STATEMENT_TIMEOUT_MS, 5000)
 * @param introspection         whether __schema and __type may be queried (INTROSPECTION_ENABLED, true)
 */
public record ApiLimits(
        int maxDepth,
        int maxComplexity,
        int maxAliases,
        int maxRootFields,
        int maxTokens,
        int maxSelectionFields,
        long maxBodyBytes,
        int statementTimeoutMillis,
        boolean introspection) {
}

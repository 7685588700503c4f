package org.mymoviedb.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.config.CacheBudgets;
import org.mymoviedb.config.PersistedQueriesConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persisted queries. APQ mode speaks Apollo's Automatic Persisted Queries protocol: a request may carry only
 * {@code extensions.persistedQuery.sha256Hash}; an unknown hash answers PersistedQueryNotFound, and the client
 * sends the text once with its hash to register it (kept in a store bounded by bytes and idle time; a document
 * longer than the document cache keeps is run but not registered). ALLOWLIST mode runs only the
 * documents loaded at startup, whether sent by hash or in full.
 */
public final class PersistedQueries {

    /** A registered document's hash, the entry and the cache's own objects. */
    private static final int ENTRY_OVERHEAD_BYTES = 64 + 128;

    private final PersistedQueriesConfig.Mode mode;
    private final Cache<String, String> registered;
    private final int maxRegisteredChars;
    private final Map<String, String> allowed;

    /** Publishes the APQ store's hits, misses, size and evictions (cache="persisted_queries") in {@code metrics}. */
    public PersistedQueries(PersistedQueriesConfig config, CacheBudgets budgets, MeterRegistry metrics) {
        this.mode = config.mode();
        this.maxRegisteredChars = budgets.maxCachedDocumentChars();
        // Evict on the caller's thread, so the bound holds at every moment, not eventually. Two bytes a character:
        // a text outside Latin-1 is stored as UTF-16.
        this.registered = Caffeine.newBuilder()
                .maximumWeight(budgets.persistedQueryBytes())
                .weigher((String hash, String query) -> ENTRY_OVERHEAD_BYTES + 2 * query.length())
                .expireAfterAccess(budgets.idleExpiry())
                .executor(Runnable::run)
                .recordStats().build();
        CaffeineCacheMetrics.monitor(metrics, registered, "persisted_queries");
        this.allowed = config.mode() == PersistedQueriesConfig.Mode.ALLOWLIST ? load(config.allowlist()) : Map.of();
    }

    /** The request with its document: looked up by hash, checked against its hash, and against the allow-list. */
    public GraphQLRequest resolve(GraphQLRequest request) {
        String hash = hashOf(request.extensions());
        String query = request.query();
        if (hash != null) {
            if (mode == PersistedQueriesConfig.Mode.OFF) {
                throw new Refused(ErrorCode.BAD_REQUEST, "Persisted queries are switched off on this server");
            }
            if (query == null) {
                query = mode == PersistedQueriesConfig.Mode.ALLOWLIST ? allowed.get(hash) : registered.getIfPresent(hash);
                if (query == null) {
                    // The message is the protocol's: Apollo clients look for exactly this text.
                    throw new Refused(ErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound");
                }
            } else if (!sha256(query).equals(hash)) {
                throw new Refused(ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
                        "extensions.persistedQuery.sha256Hash is not the SHA-256 of this query");
            } else if (mode == PersistedQueriesConfig.Mode.APQ && query.length() <= maxRegisteredChars) {
                registered.put(hash, query);
            }
        }
        if (query == null) {
            throw new Refused(ErrorCode.BAD_REQUEST, "A request needs a 'query' (or a persisted query's hash)");
        }
        if (mode == PersistedQueriesConfig.Mode.ALLOWLIST && !allowed.containsKey(sha256(query))) {
            throw new Refused(ErrorCode.PERSISTED_QUERY_NOT_ALLOWED,
                    "This server runs only its registered operations, and this is not one of them");
        }
        return request.withQuery(query);
    }

    @SuppressWarnings("unchecked")
    private static String hashOf(Map<String, Object> extensions) {
        Object persisted = extensions.get("persistedQuery");
        if (persisted == null) {
            return null;
        }
        if (!(persisted instanceof Map<?, ?> map) || !(map.get("sha256Hash") instanceof String hash)
                || !Integer.valueOf(1).equals(((Map<String, Object>) map).get("version"))) {
            throw new Refused(ErrorCode.BAD_REQUEST,
                    "extensions.persistedQuery needs version 1 and a sha256Hash string");
        }
        return hash.toLowerCase(java.util.Locale.ROOT);
    }

    /** The bytes the registered documents are estimated to hold; at most the budget, once eviction has run. */
    public long weighedBytes() {
        registered.cleanUp();
        return registered.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    public static String sha256(String document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A directory of .graphql files (one document each), or an Apollo persisted-query manifest. */
    private static Map<String, String> load(Path source) {
        Map<String, String> documents = new HashMap<>();
        try {
            if (Files.isDirectory(source)) {
                try (var files = Files.walk(source)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".graphql")).toList()) {
                        String document = Files.readString(file, StandardCharsets.UTF_8);
                        documents.put(sha256(document), document);
                    }
                }
            } else {
                JsonNode manifest = JsonMapper.builder().build().readTree(Files.readString(source));
                for (JsonNode operation : manifest.path("operations")) {
                    String body = operation.get("body").asString();
                    documents.put(sha256(body), body);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the persisted-query allow-list " + source, e);
        }
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("The persisted-query allow-list " + source + " holds no documents");
        }
        return Map.copyOf(documents);
    }

    /** A request the persisted-query rules refuse. */
    public static final class Refused extends RuntimeException {
        private final ErrorCode code;

        Refused(ErrorCode code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public ErrorCode code() {
            return code;
        }
    }
}

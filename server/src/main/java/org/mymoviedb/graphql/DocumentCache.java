package org.mymoviedb.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.config.CacheBudgets;

/**
 * Parsed and validated documents by query text (and operation name), so a repeated query skips parsing and
 * validation. Bounded by the bytes its entries are estimated to retain, and by time; refused documents and
 * documents longer than {@link CacheBudgets#maxCachedDocumentChars()} are parsed every time, never kept.
 */
public final class DocumentCache implements PreparsedDocumentProvider {

    /**
     * Heap a parsed document retains per character of its text, the key's copy of the text included. Measured with
     * graphql-java 26 (used heap after GC, 300 distinct documents): 17 to 28 bytes for documents of fields,
     * fragments and arguments (the AST and a source location per node), about 1 for a long string literal. The
     * higher figure, so the budget holds for the worst documents.
     */
    static final int RETAINED_BYTES_PER_CHARACTER = 28;
    /** The entry's and the cache's own objects, whatever the document. */
    private static final int ENTRY_OVERHEAD_BYTES = 256;

    /** What the cache keeps for one document, and the bytes it is estimated to hold on to. */
    record CachedDocument(PreparsedDocumentEntry entry, long weight) {
        static CachedDocument of(String key, PreparsedDocumentEntry entry) {
            return new CachedDocument(entry, ENTRY_OVERHEAD_BYTES + (long) key.length() * RETAINED_BYTES_PER_CHARACTER);
        }
    }

    private final Cache<String, CachedDocument> documents;
    private final int maxCachedChars;
    private final int maxSelectionFields;
    private final LongAdder parses = new LongAdder();
    private final LongAdder parsesOnIoThreads = new LongAdder();
    private final LongAdder validations = new LongAdder();

    /** Publishes the cache's hits, misses, size and evictions (cache="documents") in {@code metrics}. */
    public DocumentCache(CacheBudgets budgets, int maxSelectionFields, MeterRegistry metrics) {
        this.maxCachedChars = budgets.maxCachedDocumentChars();
        this.maxSelectionFields = maxSelectionFields;
        this.documents = Caffeine.newBuilder()
                .maximumWeight(budgets.documentBytes())
                .weigher((String key, CachedDocument document) -> (int) Math.min(Integer.MAX_VALUE, document.weight()))
                .expireAfterAccess(budgets.idleExpiry())
                // Evict on the caller's thread, so the bound holds at every moment, not eventually.
                .executor(Runnable::run)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(metrics, documents, "documents");
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String key = key(input.getQuery(), input.getOperationName());
        CachedDocument cached = documents.getIfPresent(key);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached.entry());
        }
        parses.increment();
        // Undertow's IO threads are XNIO's "I/O" threads; a costly document there stalls all their connections.
        if (Thread.currentThread().getName().contains(" I/O-")) {
            parsesOnIoThreads.increment();
        }
        PreparsedDocumentEntry entry = refusedBeforeValidation(input).orElseGet(() -> {
            validations.increment();
            return parseAndValidate.apply(input);
        });
        // A refusal is not kept: distinct bad documents would fill the cache for nothing, and parsing is bounded.
        if (!entry.hasErrors() && input.getQuery().length() <= maxCachedChars) {
            documents.put(key, CachedDocument.of(key, entry));
        }
        return CompletableFuture.completedFuture(entry);
    }

    /**
     * Parses once on our own (graphql-java parses again when it validates: a parse costs little next to a
     * validation) to refuse, with their own codes, a document past the token or nesting limit, rather than as a
     * syntax error, and one with a selection set too wide to validate cheaply. graphql-java keeps only the text of
     * why parsing failed, so its exception's type is read here. A plain syntax error is left to graphql-java.
     */
    private Optional<PreparsedDocumentEntry> refusedBeforeValidation(ExecutionInput input) {
        ParseAndValidateResult parsed = ParseAndValidate.parse(input);
        Exception why = parsed.getSyntaxException();
        if (why instanceof ParseCancelledTooDeepException tooDeep) {
            return Optional.of(new PreparsedDocumentEntry(
                    new LimitExceeded(ErrorCode.MAX_DEPTH_EXCEEDED, tooDeep.getMessage())));
        }
        if (why instanceof ParseCancelledException tooManyTokens) {
            return Optional.of(new PreparsedDocumentEntry(
                    new LimitExceeded(ErrorCode.MAX_TOKENS_EXCEEDED, tooManyTokens.getMessage())));
        }
        if (why != null) {
            return Optional.empty();
        }
        return SelectionWidth.check(parsed.getDocument(), maxSelectionFields).map(PreparsedDocumentEntry::new);
    }

    /** The bytes the cached documents are estimated to retain; at most the budget, once eviction has run. */
    public long weighedBytes() {
        documents.cleanUp();
        return documents.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /** Whether a document of this length may be kept (for caches whose entries are per document). */
    boolean keepsDocumentsOf(int characters) {
        return characters <= maxCachedChars;
    }

    /** The parsed document of a request, if it is cached and valid; read quietly, as {@link #operation} is. */
    java.util.Optional<graphql.language.Document> document(String query, String operationName) {
        CachedDocument cached = documents.policy().getIfPresentQuietly(key(query, operationName));
        return cached == null || cached.entry().hasErrors() ? java.util.Optional.empty()
                : java.util.Optional.of(cached.entry().getDocument());
    }

    /** The kind of the operation a request selects, if its document is cached and valid. */
    public java.util.Optional<graphql.language.OperationDefinition.Operation> operation(String query,
                                                                                         String operationName) {
        // Quietly: the request already counted its look-up in getDocumentAsync; this one only reads what it found.
        CachedDocument cached = documents.policy().getIfPresentQuietly(key(query, operationName));
        if (cached == null || cached.entry().hasErrors()) {
            return java.util.Optional.empty();
        }
        PreparsedDocumentEntry entry = cached.entry();
        var operations = entry.getDocument().getDefinitionsOfType(graphql.language.OperationDefinition.class);
        return operations.stream()
                .filter(op -> operationName == null ? operations.size() == 1 : operationName.equals(op.getName()))
                .map(graphql.language.OperationDefinition::getOperation)
                .findFirst();
    }

    private static String key(String query, String operationName) {
        // Validation may look at the chosen operation, so it is part of the key.
        return operationName == null ? query : operationName + '\u0000' + query;
    }

    /** How many times a document was parsed (and perhaps validated), rather than served from the cache. */
    public long parses() {
        return parses.sum();
    }

    /** How many of those ran on an HTTP IO thread: always zero, or new documents stall the server. */
    public long parsesOnIoThreads() {
        return parsesOnIoThreads.sum();
    }

    /** How many times a document reached graphql-java's validation. */
    public long validations() {
        return validations.sum();
    }
}

package org.mymoviedb.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.mymoviedb.base.ErrorCode;

/** Parsed and validated documents by query text (and operation name), so a repeated query skips parsing and validation. */
public final class DocumentCache implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;
    private final LongAdder parses = new LongAdder();
    private final LongAdder parsesOnIoThreads = new LongAdder();

    /** Publishes the cache's hits, misses, size and evictions (cache="documents") in {@code metrics}. */
    public DocumentCache(long maximumDocuments, MeterRegistry metrics) {
        this.documents = Caffeine.newBuilder().maximumSize(maximumDocuments).recordStats().build();
        CaffeineCacheMetrics.monitor(metrics, documents, "documents");
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry entry = documents.get(key(input.getQuery(), input.getOperationName()), k -> {
            parses.increment();
            // Undertow's IO threads are XNIO's "I/O" threads; a costly document there stalls all their connections.
            if (Thread.currentThread().getName().contains(" I/O-")) {
                parsesOnIoThreads.increment();
            }
            return withLimitCode(input, parseAndValidate.apply(input));
        });
        return CompletableFuture.completedFuture(entry);
    }

    /**
     * A document the parser gave up on past the token limit or the nesting limit, refused as MAX_TOKENS_EXCEEDED or
     * MAX_DEPTH_EXCEEDED rather than as a syntax error. graphql-java keeps only the text of why parsing failed, so
     * a syntax failure is parsed once more (up to the same limits) to learn the exception's type; the answer is
     * cached with the entry.
     */
    private static PreparsedDocumentEntry withLimitCode(ExecutionInput input, PreparsedDocumentEntry entry) {
        boolean syntaxError = entry.hasErrors()
                && entry.getErrors().stream().anyMatch(e -> e.getErrorType() == ErrorType.InvalidSyntax);
        if (!syntaxError) {
            return entry;
        }
        Exception why = ParseAndValidate.parse(input).getSyntaxException();
        if (why instanceof ParseCancelledTooDeepException tooDeep) {
            return new PreparsedDocumentEntry(new LimitExceeded(ErrorCode.MAX_DEPTH_EXCEEDED, tooDeep.getMessage()));
        }
        if (why instanceof ParseCancelledException tooManyTokens) {
            return new PreparsedDocumentEntry(
                    new LimitExceeded(ErrorCode.MAX_TOKENS_EXCEEDED, tooManyTokens.getMessage()));
        }
        return entry;
    }

    /** The kind of the operation a request selects, if its document is cached and valid. */
    public java.util.Optional<graphql.language.OperationDefinition.Operation> operation(String query,
                                                                                         String operationName) {
        // Quietly: the request already counted its look-up in getDocumentAsync; this one only reads what it found.
        PreparsedDocumentEntry entry = documents.policy().getIfPresentQuietly(key(query, operationName));
        if (entry == null || entry.hasErrors()) {
            return java.util.Optional.empty();
        }
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

    /** How many times a document was parsed and validated, rather than served from the cache. */
    public long parses() {
        return parses.sum();
    }

    /** How many of those ran on an HTTP IO thread: always zero, or new documents stall the server. */
    public long parsesOnIoThreads() {
        return parsesOnIoThreads.sum();
    }
}

package org.mymoviedb.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.mymoviedb.config.CacheBudgets;

/**
 * Runs the limit checks (depth, cost, aliases, root fields) once per document, operation and variables, and
 * remembers the verdict: a repeated request is neither analysed again nor wrapped in an instrumentation chain
 * on every field. The checks are graphql-java's own instrumentations; only their operation step is used, and a
 * refusal is remembered as a refusal.
 *
 * <p>The key is the document's text and operation name, as {@link DocumentCache}'s, not the parsed
 * {@link graphql.language.Document}: a verdict must not keep a document alive after that cache dropped it. The
 * coerced variables are compared by value (a cost depends on {@code first: $n}). Bounded by the bytes of its keys
 * and by idle time; a document longer than the document cache keeps is checked on every request.
 */
final class CheckedOnce extends SimplePerformantInstrumentation {

    /** The entry, the key record, the verdict and the cache's own objects. */
    private static final int ENTRY_OVERHEAD_BYTES = 160;

    private record Key(String query, String operationName, Map<String, Object> variables) {
        /** Two bytes a character of the text (UTF-16 at worst) and of the variables as written out. */
        int weight() {
            long variableChars = variables.isEmpty() ? 0 : variables.toString().length();
            return (int) Math.min(Integer.MAX_VALUE, ENTRY_OVERHEAD_BYTES + 2L * (query.length() + variableChars));
        }
    }

    private final List<Instrumentation> checks;
    private final Cache<Key, Optional<LimitExceeded>> verdicts;
    private final DocumentCache documents;
    private final LongAdder analyses = new LongAdder();

    CheckedOnce(List<Instrumentation> checks, DocumentCache documents, CacheBudgets budgets) {
        this.checks = List.copyOf(checks);
        this.documents = documents;
        this.verdicts = Caffeine.newBuilder()
                .maximumWeight(budgets.limitVerdictBytes())
                .weigher((Key key, Optional<LimitExceeded> verdict) -> key.weight())
                .expireAfterAccess(budgets.idleExpiry())
                .executor(Runnable::run)
                .build();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        String query = context.getExecutionInput().getQuery();
        Optional<LimitExceeded> refusal = documents.keepsDocumentsOf(query.length())
                ? verdicts.get(new Key(query, context.getExecutionInput().getOperationName(),
                        context.getCoercedVariables().toMap()), k -> check(parameters))
                : check(parameters);
        if (refusal.isPresent()) {
            // A fresh exception per request: the remembered one carries only the code and the message.
            throw refusal.get().copy();
        }
        return SimpleInstrumentationContext.noOp();
    }

    private Optional<LimitExceeded> check(InstrumentationExecuteOperationParameters parameters) {
        analyses.increment();
        ExecutionContext context = parameters.getExecutionContext();
        InstrumentationCreateStateParameters stateParameters =
                new InstrumentationCreateStateParameters(context.getGraphQLSchema(), context.getExecutionInput());
        try {
            for (Instrumentation check : checks) {
                CompletableFuture<InstrumentationState> state = check.createStateAsync(stateParameters);
                check.beginExecuteOperation(parameters, state == null ? null : state.join());
            }
            return Optional.empty();
        } catch (LimitExceeded refused) {
            return Optional.of(refused);
        }
    }

    /** How many times the checks actually ran, rather than answering from memory. */
    long analyses() {
        return analyses.sum();
    }
}

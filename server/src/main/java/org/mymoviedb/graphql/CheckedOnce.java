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
import graphql.language.Document;
import graphql.language.OperationDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs the limit checks (depth, cost, aliases, root fields) once per document, operation and variables, and
 * remembers the verdict: a repeated request is neither analysed again nor wrapped in an instrumentation chain
 * on every field. The checks are graphql-java's own instrumentations; only their operation step is used, and a
 * refusal is remembered as a refusal.
 *
 * <p>Documents come from {@link DocumentCache}, so a repeated query is the same {@link Document} object; the key
 * compares it by identity, and the coerced variables by value (a cost depends on {@code first: $n}).
 */
final class CheckedOnce extends SimplePerformantInstrumentation {

    /** Variables are part of a key; a key weighs one unit plus one per 64 characters of them. */
    private static final long MAXIMUM_WEIGHT = 50_000;

    private record Key(Document document, OperationDefinition operation, Map<String, Object> variables) {
    }

    private final List<Instrumentation> checks;
    private final Cache<Key, Optional<LimitExceeded>> verdicts = Caffeine.newBuilder()
            .maximumWeight(MAXIMUM_WEIGHT)
            .weigher((Key key, Optional<LimitExceeded> verdict) ->
                    key.variables().isEmpty() ? 1 : 1 + key.variables().toString().length() / 64)
            .build();
    private final LongAdder analyses = new LongAdder();

    CheckedOnce(List<Instrumentation> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        Key key = new Key(context.getDocument(), context.getOperationDefinition(),
                context.getCoercedVariables().toMap());
        Optional<LimitExceeded> refusal = verdicts.get(key, k -> check(parameters));
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

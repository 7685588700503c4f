package org.mymoviedb.graphql;

import org.mymoviedb.graphql.fetching.Connection;
import org.mymoviedb.graphql.fetching.PageArguments;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.QueryComplexityLimits;
import java.util.List;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.config.ApiLimits;
import org.mymoviedb.config.CacheBudgets;

/**
 * The per-request limits graphql-java enforces before execution: the parser's token and nesting limits, the
 * validator's depth and field-count limits, then cost, aliases and root fields. Each refusal carries its own
 * error code (see {@link ResponseErrors} for the parser's and validator's), at any size of document.
 */
public final class RequestLimits {

    /** What a list field of unknown size counts as, in the cost estimate (a movie's genres, say). */
    private static final int UNSIZED_LIST = 5;

    /** Generous: a field level enters about three grammar rules (selection set, selection, field), arguments more. */
    private static final int GRAMMAR_RULES_PER_LEVEL = 8;

    private final ApiLimits limits;

    public RequestLimits(ApiLimits limits) {
        this.limits = limits;
    }

    /**
     * Parser options for each request: stop reading a document after maxTokens tokens, or once it nests deeper
     * than any document within maxDepth could (input values nest too, so the margin is wide).
     * The rule limit keeps the parser's recursion bounded; its refusal answers MAX_DEPTH_EXCEEDED.
     */
    public ParserOptions parserOptions() {
        int ruleDepth = Math.max(ParserOptions.MAX_RULE_DEPTH, GRAMMAR_RULES_PER_LEVEL * limits.maxDepth());
        return ParserOptions.getDefaultOperationParserOptions()
                .transform(b -> b.maxTokens(limits.maxTokens()).maxRuleDepth(ruleDepth));
    }

    /**
     * The validator's own limits, set to ours: it walks fragments as it validates, so it is the first to see a
     * document too deep (MAX_DEPTH_EXCEEDED) or one whose fragments multiply into too many fields
     * (MAX_COMPLEXITY_EXCEEDED: each field costs at least one in the cost estimate, so nothing under the cost
     * limit is refused here). Left at graphql-java's defaults, it refused past 100 levels with its own code.
     */
    QueryComplexityLimits validationLimits() {
        return QueryComplexityLimits.newLimits()
                .maxDepth(limits.maxDepth())
                .maxFieldsCount(limits.maxComplexity())
                .build();
    }

    /** The checks, run once per document, operation and variables (see {@link CheckedOnce}). */
    CheckedOnce instrumentation(DocumentCache documents, CacheBudgets budgets) {
        return new CheckedOnce(List.of(new DocumentShape(), complexity()), documents, budgets);
    }

    private Instrumentation complexity() {
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), costOfField()) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return new LimitExceeded(ErrorCode.MAX_COMPLEXITY_EXCEEDED, "This query would resolve about "
                        + complexity + " fields; at most " + maxComplexity + " are allowed. Ask for smaller pages.");
            }
        };
    }

    /**
     * One per field; a connection multiplies what it selects by its page size, other lists by a guess.
     * Introspection reads the schema in memory and is not multiplied. Saturates instead of overflowing.
     */
    private static FieldComplexityCalculator costOfField() {
        return (env, childComplexity) -> {
            boolean introspection = env.getParentType().getName().startsWith("__")
                    || env.getField().getName().startsWith("__");
            long factor = 1;
            if (!introspection && env.getFieldDefinition().getArgument("first") != null) {
                Object first = env.getArguments().get("first");
                Object last = env.getArguments().get("last");
                factor = Math.max(1, first instanceof Integer f ? f : last instanceof Integer l ? l
                        : PageArguments.DEFAULT_SIZE);
            } else if (!introspection && !isConnectionEdges(env)
                    && GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType()))) {
                factor = UNSIZED_LIST;
            }
            return (int) Math.min(Integer.MAX_VALUE, 1 + factor * childComplexity);
        };
    }

    /** A connection's edges: already counted by the connection's page size. */
    private static boolean isConnectionEdges(graphql.analysis.FieldComplexityEnvironment env) {
        return env.getField().getName().equals("edges") && env.getParentType().getName().endsWith("Connection");
    }

    /**
     * Counts what executes, not what is written: the operation's top-level fields and its aliased fields once
     * fragments are spread, {@code @skip}/{@code @include} applied and same-named fields merged (graphql-java's
     * executable normalized operation, which execution itself would build from the same document).
     */
    private final class DocumentShape extends SimplePerformantInstrumentation {
        @Override
        public InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            ExecutableNormalizedOperation operation = parameters.getExecutionContext().getNormalizedQueryTree().get();
            int rootFields = operation.getTopLevelFields().size();
            if (rootFields > limits.maxRootFields()) {
                throw new LimitExceeded(ErrorCode.MAX_ROOT_FIELDS_EXCEEDED, "This operation asks for " + rootFields
                        + " top-level fields; at most " + limits.maxRootFields() + " are allowed");
            }
            long aliases = operation.getNormalizedFieldToMergedField().keySet().stream()
                    .filter(field -> field.getAlias() != null).count();
            if (aliases > limits.maxAliases()) {
                throw new LimitExceeded(ErrorCode.MAX_ALIASES_EXCEEDED, "This operation uses " + aliases
                        + " aliases; at most " + limits.maxAliases() + " are allowed");
            }
            return SimpleInstrumentationContext.noOp();
        }
    }
}

package org.mymoviedb.graphql.plan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.language.OperationDefinition;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.mymoviedb.graphql.fetching.Loaders;
import org.mymoviedb.graphql.movie.MovieFetchers;

/**
 * The query strategy: a validated, limit-checked query that only reads movies (lists, one movie, their scalars,
 * runtime, cursors, pageInfo, totalCount, genres, directors) runs as a plan compiled once per document, with the
 * fetchers' SQL, its JSON written straight from the rows. Everything else, and every request whose answer would
 * hold an error or a null graphql-java would propagate, is executed by graphql-java as before, from the start,
 * so answers are the same either way.
 */
public final class PlannedExecution extends AsyncExecutionStrategy {

    /** Plans of one operation, by the values of the variables its {@code @skip}/{@code @include} read. */
    private record OperationPlans(List<String> conditionVariables, Map<List<Object>, Optional<PlanNode>> plans) {
    }

    /** Distinct sets of condition values remembered per operation; more are compiled per request. */
    private static final int MAX_VARIANTS = 16;
    /** The cache's bound, in units of 64 characters of an operation's selection (a plan is never larger). */
    private static final long MAX_WEIGHT = 2_000_000;

    private final boolean enabled;
    private final PlannedReads reads;
    // Identity keys: DocumentCache hands out the same parsed document for a repeated query; an operation evicted
    // from it is collected and its plans with it.
    private final Cache<OperationDefinition, OperationPlans> operations = Caffeine.newBuilder()
            .weakKeys()
            .maximumWeight(MAX_WEIGHT)
            .weigher((OperationDefinition op, OperationPlans plans) ->
                    selections(op) * (plans.conditionVariables().isEmpty() ? 1 : MAX_VARIANTS))
            .build();
    private final LongAdder planned = new LongAdder();

    /**
     * With {@code enabled} false, every query is executed by graphql-java (EXECUTION_PLANS=false). A plan reads
     * genres and directors in its page's own statement, so {@code loaders} serve only graphql-java's execution.
     */
    public PlannedExecution(DataFetcherExceptionHandler errors, MovieFetchers movies, Loaders loaders,
                            boolean enabled) {
        super(errors);
        this.enabled = enabled;
        this.reads = new PlannedReads(movies);
    }

    @Override
    public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters params) {
        PlanNode plan = enabled ? planOf(context) : null;
        if (plan == null) {
            return super.execute(context, params);
        }
        CompletableFuture<PlannedResponse> response;
        try {
            response = reads.start(plan, context);
        } catch (RuntimeException refused) {
            // A refused argument (page size, cursor, id, filter): graphql-java words the error and its path.
            return super.execute(context, params);
        }
        return response.handle((data, failure) -> data).thenCompose(data -> {
            if (data == null) {
                return super.execute(context, params);
            }
            planned.increment();
            return CompletableFuture.completedFuture(new ExecutionResultImpl(data, List.of()));
        });
    }

    private PlanNode planOf(ExecutionContext context) {
        OperationDefinition operation = context.getOperationDefinition();
        OperationPlans plans = operations.get(operation, op -> new OperationPlans(
                PlanCompiler.conditionVariables(op, context.getFragmentsByName()), new ConcurrentHashMap<>()));
        Map<String, Object> variables = context.getCoercedVariables().toMap();
        List<Object> conditions = Arrays.asList(plans.conditionVariables().stream().map(variables::get).toArray());
        Optional<PlanNode> plan = plans.plans().get(conditions);
        if (plan == null) {
            plan = Optional.ofNullable(PlanCompiler.compile(operation, context.getFragmentsByName(), variables));
            if (plans.plans().size() < MAX_VARIANTS) {
                plans.plans().put(conditions, plan);
            }
        }
        return plan.orElse(null);
    }

    private static int selections(OperationDefinition operation) {
        return 1 + operation.getSelectionSet().toString().length() / 64;
    }

    /** How many queries a plan answered (rather than graphql-java's execution). */
    public long plannedExecutions() {
        return planned.sum();
    }
}

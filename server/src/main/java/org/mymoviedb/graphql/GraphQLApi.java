package org.mymoviedb.graphql;

import org.mymoviedb.base.NodeType;
import org.mymoviedb.graphql.fetching.GlobalIds;
import org.mymoviedb.graphql.fetching.Loaders;
import org.mymoviedb.graphql.plan.PlannedExecution;
import org.mymoviedb.graphql.fetching.RetryAfter;

import graphql.ExecutionInput;
import graphql.ExperimentalApi;
import graphql.GraphQL;
import graphql.incremental.DelayedIncrementalPartialResult;
import graphql.incremental.IncrementalExecutionResult;
import graphql.introspection.Introspection;
import graphql.language.OperationDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import graphql.validation.QueryComplexityLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.mymoviedb.auth.Viewer;
import org.mymoviedb.cache.CatalogueVersion;
import org.mymoviedb.config.ApiLimits;
import org.mymoviedb.config.CacheBudgets;
import org.mymoviedb.data.ReadRoute;
import org.mymoviedb.graphql.auth.AuthDirective;
import org.mymoviedb.graphql.auth.AuthFetchers;
import org.mymoviedb.live.LiveAnswer;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The GraphQL API: schema.graphqls wired to its fetchers, in this one place, and the entry point that runs a
 * request with its own DataLoaders.
 */
public final class GraphQLApi {

    /** The contract, bundled byte for byte from the repository root. */
    public static final String SCHEMA_RESOURCE = "/schema.graphqls";

    private final GraphQL graphQL;
    private final GraphQLSchema schema;
    private final Loaders loaders;
    private final DocumentCache documents;
    private final AuthFetchers auth;
    private final ApiLimits limits;
    private final ParserOptions parserOptions;
    private final CheckedOnce limitChecks;
    private final QueryComplexityLimits validationLimits;

    private final PlannedExecution queries;
    private final Subscriptions subscriptions;

    /** {@code executionPlans}: whether read-only movie queries run as compiled plans (see {@link PlannedExecution}). */
    public GraphQLApi(Fetchers f, Loaders loaders, DocumentCache documents, ApiLimits limits, CacheBudgets budgets,
                      boolean executionPlans) {
        this.loaders = loaders;
        this.limits = limits;
        RequestLimits requestLimits = new RequestLimits(limits);
        this.parserOptions = requestLimits.parserOptions();
        this.limitChecks = requestLimits.instrumentation(documents, budgets);
        this.validationLimits = requestLimits.validationLimits();
        this.documents = documents;
        this.auth = f.auth();
        TypeDefinitionRegistry contract = new SchemaParser().parse(schemaText());
        this.subscriptions = new Subscriptions(f.live().feed(), f.live().executor());
        RuntimeWiring wiring = f.live().wire(RuntimeWiring.newRuntimeWiring())
                .scalar(describedByContract(DateScalars.date(), contract))
                .scalar(describedByContract(DateScalars.dateTime(), contract))
                .scalar(describedByContract(JsonScalar.json(), contract))
                // History stores entity types in lower case ("movie"); the contract's enum names them in upper.
                .type("EntityType", type -> type.enumValues(name -> name.toLowerCase(Locale.ROOT)))
                .directive(AuthDirective.NAME, new AuthDirective())
                .type("Query", type -> type
                        .dataFetcher("movies", f.movies()::movies)
                        .dataFetcher("movie", f.movies()::movie)
                        .dataFetcher("node", f.nodes()::node)
                        .dataFetcher("nodes", f.nodes()::nodes)
                        .dataFetcher("genres", f.genres()::genres)
                        .dataFetcher("genre", f.genres()::genre)
                        .dataFetcher("person", f.people()::person)
                        .dataFetcher("people", f.people()::people)
                        .dataFetcher("me", f.auth()::me)
                        .dataFetcher("users", f.auth()::users)
                        .dataFetcher("auditLog", f.history()::auditLog))
                .type("Mutation", type -> type
                        .dataFetcher("login", f.auth()::login)
                        .dataFetcher("logout", f.auth()::logout)
                        .dataFetcher("changePassword", f.auth()::changePassword)
                        .dataFetcher("createMovie", f.movieMutations()::create)
                        .dataFetcher("updateMovie", f.movieMutations()::update)
                        .dataFetcher("deleteMovie", f.movieMutations()::delete)
                        .dataFetcher("deleteMovies", f.movieMutations()::deleteAll)
                        .dataFetcher("importMovies", f.movieMutations()::importCsv)
                        .dataFetcher("createGenre", f.genreMutations()::create)
                        .dataFetcher("renameGenre", f.genreMutations()::rename)
                        .dataFetcher("deleteGenre", f.genreMutations()::delete)
                        .dataFetcher("createPerson", f.personMutations()::create)
                        .dataFetcher("renamePerson", f.personMutations()::rename)
                        .dataFetcher("deletePerson", f.personMutations()::delete)
                        .dataFetcher("createUser", f.auth()::createUser)
                        .dataFetcher("updateUser", f.auth()::updateUser)
                        .dataFetcher("deleteUser", f.auth()::deleteUser))
                .type("Node", type -> type.typeResolver(env ->
                        env.getSchema().getObjectType(GlobalIds.typeOf(env.getObject()).typeName())))
                .type("CatalogueEntity", type -> type.typeResolver(env ->
                        env.getSchema().getObjectType(GlobalIds.typeOf(env.getObject()).typeName())))
                .type(node("Movie", NodeType.MOVIE)
                        .dataFetcher("genres", f.movies()::genres)
                        .dataFetcher("directors", f.movies()::directors)
                        .dataFetcher("history", f.history()::movieHistory))
                .type(node("Genre", NodeType.GENRE).dataFetcher("movies", f.genres()::movies))
                .type(node("Person", NodeType.PERSON).dataFetcher("directed", f.people()::directed))
                .type(node("User", NodeType.USER))
                .type(node("AuditEntry", NodeType.AUDIT_ENTRY).dataFetcher("entityId", GlobalIds.entityId()))
                .build();
        this.schema = new SchemaGenerator().makeExecutableSchema(contract, wiring);
        ApiErrorHandler errors = new ApiErrorHandler();
        this.queries = new PlannedExecution(errors, f.movies(), loaders, executionPlans);
        this.graphQL = GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(errors)
                .queryExecutionStrategy(queries)
                .preparsedDocumentProvider(documents)
                .instrumentation(limitChecks)
                .build();
    }

    /** A Node type's wiring, begun with its global {@code id} and its {@code databaseId}. */
    private static TypeRuntimeWiring.Builder node(String typeName, NodeType type) {
        return TypeRuntimeWiring.newTypeWiring(typeName)
                .dataFetcher("id", GlobalIds.id(type))
                .dataFetcher("databaseId", GlobalIds.databaseId());
    }

    /** The text of schema.graphqls as bundled in the jar. */
    public static String schemaText() {
        try (InputStream in = GraphQLApi.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scalar, described as schema.graphqls describes it, so the served schema is the contract. */
    private static GraphQLScalarType describedByContract(GraphQLScalarType scalar, TypeDefinitionRegistry contract) {
        ScalarTypeDefinition definition = contract.scalars().get(scalar.getName());
        String description = definition == null || definition.getDescription() == null ? scalar.getDescription()
                : definition.getDescription().getContent();
        return scalar.transform(builder -> builder.description(description));
    }

    /** Runs one request; the result is the spec's response map, every error with an {@code extensions.code}. */
    public CompletableFuture<Map<String, Object>> execute(GraphQLRequest request) {
        Map<String, Object> unstorable = StorableInput.refusal(request.query(), request.variables());
        if (unstorable != null) {
            return CompletableFuture.completedFuture(unstorable);
        }
        Viewer viewer = new Viewer(request.bearerToken(), request.clientAddress(), auth::lookup);
        return refusingStaleToken(request, viewer, StaleToken.refusal(), () -> {
            ExecutionInput input = input(request, viewer, false);
            // Anonymous queries may read from a replica; a signed-in viewer's requests read the primary, and so see
            // their own writes at once. A document not parsed yet counts as a write: the primary answers it.
            boolean replicaAllowed = request.bearerToken() == null && documents.operation(request.query(),
                    request.operationName()).map(operation -> operation == OperationDefinition.Operation.QUERY)
                    .orElse(false);
            return ReadRoute.with(replicaAllowed, () -> graphQL.executeAsync(input)).thenApply(result ->
                    RetryAfter.addTo(ResponseErrors.toSpecification(result), input.getGraphQLContext()));
        });
    }

    /**
     * A token is looked up before anything runs: a stale one is refused with {@code refusal} (unless the request
     * only signs in); a failed look-up (the database away) runs the request, whose fields then report their own
     * errors.
     */
    private <T> CompletableFuture<T> refusingStaleToken(GraphQLRequest request, Viewer viewer, T refusal,
                                                       java.util.function.Supplier<CompletableFuture<T>> run) {
        if (viewer.token() == null) {
            return run.get();
        }
        return viewer.user().handle((user, failure) -> failure != null || user.isPresent()
                        || StaleToken.onlySignsIn(schema, request.query(), request.operationName(),
                                documents.document(request.query(), request.operationName()), parserOptions))
                .thenCompose(runs -> runs ? run.get() : CompletableFuture.completedFuture(refusal));
    }

    /**
     * Runs one request for a client that takes incremental delivery: a document with {@code @defer} is answered in
     * parts (graphql-java's experimental incremental support), any other as {@link #execute} answers it, with a
     * null {@link IncrementalAnswer#later()}.
     */
    public CompletableFuture<IncrementalAnswer> executeIncrementally(GraphQLRequest request) {
        Map<String, Object> unstorable = StorableInput.refusal(request.query(), request.variables());
        if (unstorable != null) {
            return CompletableFuture.completedFuture(new IncrementalAnswer(unstorable, null));
        }
        Viewer viewer = new Viewer(request.bearerToken(), request.clientAddress(), auth::lookup);
        return refusingStaleToken(request, viewer, new IncrementalAnswer(StaleToken.refusal(), null),
                () -> executeIncrementally(request, viewer));
    }

    private CompletableFuture<IncrementalAnswer> executeIncrementally(GraphQLRequest request, Viewer viewer) {
        ExecutionInput input = input(request, viewer, true);
        return graphQL.executeAsync(input).thenApply(result -> {
            Map<String, Object> initial = RetryAfter.addTo(ResponseErrors.toSpecification(result),
                    input.getGraphQLContext());
            if (!(result instanceof IncrementalExecutionResult incremental)) {
                return new IncrementalAnswer(initial, null);
            }
            Publisher<DelayedIncrementalPartialResult> parts = incremental.getIncrementalItemPublisher();
            Publisher<Map<String, Object>> later = subscriber -> parts.subscribe(new Subscriber<>() {
                @Override
                public void onSubscribe(Subscription subscription) {
                    subscriber.onSubscribe(subscription);
                }

                @Override
                public void onNext(DelayedIncrementalPartialResult part) {
                    subscriber.onNext(ResponseErrors.toSpecification(part));
                }

                @Override
                public void onError(Throwable failure) {
                    subscriber.onError(failure);
                }

                @Override
                public void onComplete() {
                    subscriber.onComplete();
                }
            });
            return new IncrementalAnswer(initial, later);
        });
    }

    private ExecutionInput input(GraphQLRequest request, Viewer viewer, boolean incremental) {
        return ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(request.operationName())
                .variables(request.variables())
                .dataLoaderRegistry(loaders.newRegistry())
                .extensions(request.extensions())
                .graphQLContext(Map.of(
                        Viewer.KEY, viewer,
                        ParserOptions.class, parserOptions,
                        QueryComplexityLimits.KEY, validationLimits,
                        Introspection.INTROSPECTION_DISABLED, !limits.introspection(),
                        ExperimentalApi.ENABLE_INCREMENTAL_SUPPORT, incremental))
                .build();
    }

    /**
     * Subscribes to a subscription operation: validated off the IO thread as {@link #execute} does, answered with a
     * refusal (a spec result with coded errors) or a stream of events, each run through the operation's selection
     * with the subscriber's viewer. {@code lastEventId} (an event id, or null) resumes after that event.
     */
    public CompletableFuture<LiveAnswer> subscribe(GraphQLRequest request, String lastEventId) {
        Map<String, Object> unstorable = StorableInput.refusal(request.query(), request.variables());
        if (unstorable != null) {
            return CompletableFuture.completedFuture(LiveAnswer.refused(unstorable));
        }
        Viewer viewer = new Viewer(request.bearerToken(), request.clientAddress(), auth::lookup);
        return refusingStaleToken(request, viewer, LiveAnswer.refused(StaleToken.refusal()), () -> subscriptions
                .subscribe(lastEventId, () -> input(request, viewer, false), graphQL::executeAsync));
    }

    /**
     * What the answer to {@code request} depends on in the catalogue (see {@link AnswerDependencies}); the whole
     * catalogue when its document is not cached.
     */
    public CatalogueVersion.Dependencies dependencies(GraphQLRequest request) {
        return documents.document(request.query(), request.operationName())
                .map(document -> AnswerDependencies.of(schema, document, request.operationName(), request.variables()))
                .orElse(CatalogueVersion.Dependencies.WHOLE_CATALOGUE);
    }

    /** The parser options requests are read with (the token limit). */
    public ParserOptions parserOptions() {
        return parserOptions;
    }

    public GraphQLSchema schema() {
        return schema;
    }

    /** How many times the depth, cost, alias and root-field checks ran rather than answered from memory. */
    public long limitAnalyses() {
        return limitChecks.analyses();
    }

    /** How many subscription events' results were executed: once per event and group of alike subscriptions. */
    public long liveEventExecutions() {
        return subscriptions.eventExecutions();
    }

    /** How many queries ran as execution plans rather than through graphql-java's field-by-field execution. */
    public long plannedExecutions() {
        return queries.plannedExecutions();
    }

    public DocumentCache documents() {
        return documents;
    }
}

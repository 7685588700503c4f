package org.mymoviedb.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GraphQL yardstick: what graphql-java itself costs. POST /graphql runs {@code movies(first: Int)} over a flat
 * {@code Movie} type (movies.graphqls) with plain fetchers: one JDBC statement for the list, graphql-java's
 * property fetchers for the fields. No jOOQ, no instrumentation, no DataLoader; parsed and validated documents are
 * cached (as the server caches them, and as graphql-java advises). Same set-up as the raw baseline
 * ({@link Yardstick}): the whole execution runs on the database thread that ran the statement.
 */
public final class MinimalGraphQLServer {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int MAX_FIRST = 100;

    private MinimalGraphQLServer() {
    }

    public static void main(String[] args) {
        Yardstick yardstick = Yardstick.fromEnvironment("minimal-graphql");
        GraphQL graphql = GraphQL.newGraphQL(schema(yardstick)).preparsedDocumentProvider(documentCache()).build();
        yardstick.serve(8091, "/graphql", body -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> request = JSON.readValue(body, Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> variables = (Map<String, Object>) request.get("variables");
            ExecutionInput input = ExecutionInput.newExecutionInput()
                    .query((String) request.get("query"))
                    .operationName((String) request.get("operationName"))
                    .variables(variables == null ? Map.of() : variables)
                    .build();
            return JSON.writeValueAsBytes(graphql.execute(input).toSpecification());
        });
    }

    private static GraphQLSchema schema(Yardstick yardstick) {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type.dataFetcher("movies", env -> FirstMovies.read(yardstick,
                        Math.max(0, Math.min(MAX_FIRST, env.<Integer>getArgumentOrDefault("first", 10))))))
                .build();
        try (InputStream sdl = MinimalGraphQLServer.class.getResourceAsStream("/movies.graphqls")) {
            return new SchemaGenerator().makeExecutableSchema(
                    new SchemaParser().parse(new InputStreamReader(sdl, StandardCharsets.UTF_8)), wiring);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parsed and validated documents by query text, at most 100. */
    private static PreparsedDocumentProvider documentCache() {
        Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder().maximumSize(100).build();
        return new PreparsedDocumentProvider() {
            @Override
            public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
                    ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
                String key = input.getOperationName() + "\n" + input.getQuery();
                return CompletableFuture.completedFuture(documents.get(key, k -> parseAndValidate.apply(input)));
            }
        };
    }
}

package org.mymoviedb.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.AUDIT_ENTRY;
import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/**
 * Walks every Mutation field, and every field marked @auth, of the schema the server runs: each one refuses an
 * anonymous caller and a caller whose role is too low, and writes nothing when it does. A mutation added without
 * @auth or @public fails the build here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FieldAuthorizationTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().withAccount("editor-ed", Role.EDITOR);

    private long movieId;

    @BeforeAll
    void start() {
        Catalogue c = new Catalogue(server.database().dsl());
        movieId = c.movie("Cléo from 5 to 7", LocalDate.of(1962, 4, 11), 80, 90);
        c.genre("Drama");
    }

    /** A field and the role it requires. */
    record Guarded(String parent, GraphQLFieldDefinition field, Role required) {
        @Override
        public String toString() {
            return parent + "." + field.getName() + " @auth(" + required + ")";
        }
    }

    @Test
    void everyMutationSaysWhoMayCallIt() {
        GraphQLObjectType mutation = server.app().api().schema().getMutationType();
        assertThat(mutation.getFieldDefinitions()).isNotEmpty();
        for (GraphQLFieldDefinition field : mutation.getFieldDefinitions()) {
            boolean guarded = field.getAppliedDirective("auth") != null;
            boolean open = field.getAppliedDirective("public") != null;
            assertThat(guarded ^ open).as("Mutation.%s needs exactly one of @auth(requires: ...) or @public",
                    field.getName()).isTrue();
        }
    }

    Stream<Guarded> guardedFields() {
        List<Guarded> fields = new ArrayList<>();
        for (GraphQLType type : server.app().api().schema().getAllTypesAsList()) {
            // Subscription events are reached only over a stream: SubscriptionsOverSseTest checks their guards.
            if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")
                    && !object.getName().equals("MovieEvent") && !object.getName().equals("CatalogueEvent")) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    GraphQLAppliedDirective auth = field.getAppliedDirective("auth");
                    if (auth != null) {
                        fields.add(new Guarded(object.getName(), field,
                                Role.valueOf(auth.getArgument("requires").getValue().toString())));
                    }
                }
            }
        }
        return fields.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guardedFields")
    void refusesAnonymousCallersAndLowerRolesWithoutWriting(Guarded guarded) {
        String document = documentFor(guarded);
        int auditBefore = server.database().dsl().fetchCount(AUDIT_ENTRY);
        int moviesBefore = server.database().dsl().fetchCount(MOVIE);
        int genresBefore = server.database().dsl().fetchCount(GENRE);

        assertThat(codeOf(server.queryAs(null, document, java.util.Map.of())))
                .as("anonymous %s", document).isEqualTo("UNAUTHENTICATED");
        for (Role lower : Role.values()) {
            if (!lower.includes(guarded.required())) {
                assertThat(codeOf(server.queryAs(server.token("editor-ed"), document, java.util.Map.of())))
                        .as("%s calling %s", lower, document).isEqualTo("FORBIDDEN");
            }
        }
        assertThat(server.database().dsl().fetchCount(AUDIT_ENTRY)).isEqualTo(auditBefore);
        assertThat(server.database().dsl().fetchCount(MOVIE)).isEqualTo(moviesBefore);
        assertThat(server.database().dsl().fetchCount(GENRE)).isEqualTo(genresBefore);
    }

    private static String codeOf(JsonNode response) {
        JsonNode errors = response.get("errors");
        assertThat(errors).as("no error in %s", response).isNotNull();
        return errors.get(0).get("extensions").get("code").asString();
    }

    /** A valid document that reaches the field: required arguments filled, a selection if it needs one. */
    private String documentFor(Guarded guarded) {
        String call = guarded.field().getName() + arguments(guarded.field().getArguments())
                + selection(guarded.field().getType());
        return switch (guarded.parent()) {
            case "Mutation" -> "mutation { " + call + " }";
            case "Query" -> "{ " + call + " }";
            case "Movie" -> "{ movie(id: \"" + movieId + "\") { " + call + " } }";
            default -> throw new AssertionError("add a way to reach " + guarded + " to this test");
        };
    }

    private static String arguments(List<GraphQLArgument> arguments) {
        String required = arguments.stream()
                .filter(a -> GraphQLTypeUtil.isNonNull(a.getType()))
                .map(a -> a.getName() + ": " + literal(a.getType()))
                .collect(Collectors.joining(", "));
        return required.isEmpty() ? "" : "(" + required + ")";
    }

    private static String literal(GraphQLInputType type) {
        GraphQLType t = GraphQLTypeUtil.unwrapNonNull(type);
        if (t instanceof GraphQLList list) {
            return "[" + literal((GraphQLInputType) list.getWrappedType()) + "]";
        }
        if (t instanceof GraphQLEnumType e) {
            return e.getValues().get(e.getValues().size() - 1).getName();
        }
        if (t instanceof GraphQLInputObjectType object) {
            return "{" + object.getFieldDefinitions().stream()
                    .filter(f -> GraphQLTypeUtil.isNonNull(f.getType()))
                    .map(f -> f.getName() + ": " + literal(f.getType()))
                    .collect(Collectors.joining(", ")) + "}";
        }
        return switch (((GraphQLScalarType) t).getName()) {
            case "ID" -> "\"1\"";
            case "Int" -> "1";
            case "Boolean" -> "true";
            case "Date" -> "\"2001-01-01\"";
            default -> "\"a sufficiently long value\"";
        };
    }

    private static String selection(graphql.schema.GraphQLOutputType type) {
        return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLObjectType ? " { __typename }" : "";
    }
}

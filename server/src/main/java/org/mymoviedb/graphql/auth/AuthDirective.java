package org.mymoviedb.graphql.auth;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.idl.SchemaDirectiveWiring;
import graphql.schema.idl.SchemaDirectiveWiringEnvironment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.Viewer;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;

/**
 * Enforces {@code @auth(requires: ROLE)} for every field that carries it: the field's fetcher runs only for a
 * signed-in user with that role, else the field fails with UNAUTHENTICATED or FORBIDDEN before anything is read
 * or written.
 */
public final class AuthDirective implements SchemaDirectiveWiring {

    public static final String NAME = "auth";

    /**
     * Completes when {@code viewer} is signed in with {@code required}, else fails with UNAUTHENTICATED or
     * FORBIDDEN: the one rule every guarded field, and node(id) for a guarded type, applies.
     */
    public static CompletableFuture<Void> require(Viewer viewer, Role required) {
        return viewer.user().thenAccept(user -> {
            if (user.isEmpty()) {
                throw new ApiException(ErrorCode.UNAUTHENTICATED,
                        "Sign in first: send Authorization: Bearer <token> from the login mutation"
                                + (viewer.token() == null ? "" : " (this token is expired, revoked or unknown)"));
            }
            if (!user.get().role().includes(required)) {
                throw new ApiException(ErrorCode.FORBIDDEN,
                        "Your role (" + user.get().role() + ") may not do this; it needs " + required);
            }
        });
    }

    @Override
    public GraphQLFieldDefinition onField(SchemaDirectiveWiringEnvironment<GraphQLFieldDefinition> env) {
        GraphQLFieldDefinition field = env.getElement();
        GraphQLFieldsContainer parent = env.getFieldsContainer();
        Role required = Role.valueOf(env.getAppliedDirective(NAME).getArgument("requires").getValue().toString());
        FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
        DataFetcher<?> original = env.getCodeRegistry().getDataFetcher(coordinates, field);
        DataFetcher<CompletableFuture<Object>> guarded = dfe -> {
            Viewer viewer = dfe.getGraphQlContext().get(Viewer.KEY);
            return require(viewer, required).thenCompose(allowed -> {
                try {
                    Object result = original.get(dfe);
                    return result instanceof CompletionStage<?> stage
                            ? stage.thenApply(v -> (Object) v) : CompletableFuture.completedFuture(result);
                } catch (Exception e) {
                    return CompletableFuture.failedFuture(e);
                }
            });
        };
        env.getCodeRegistry().dataFetcher(coordinates, guarded);
        return field;
    }
}

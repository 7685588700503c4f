package org.mymoviedb.graphql;

import graphql.execution.RawVariables;
import graphql.language.Document;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.GraphQLSchema;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.cache.CatalogueVersion.Dependencies;

/**
 * What in the catalogue a read's answer depends on, for the result cache: an operation that only asks for movies
 * by id, with their own fields, genres' and directors' names, depends on those movies alone (a write to another
 * movie cannot change it); anything else (lists, searches, counts, a genre's or person's movies) on the
 * catalogue's movies as a whole. Read from graphql-java's executable normalized operation, so fragments, aliases
 * and {@code @skip}/{@code @include} count as they run. Any doubt answers the whole catalogue.
 */
final class AnswerDependencies {

    /** The fields a by-id answer may hold, by type: none of them reaches another movie. */
    private static final Map<String, Set<String>> OWN_FIELDS = Map.of(
            "Movie", Set.of("id", "databaseId", "title", "releaseDate", "rating", "runtime", "genres", "directors", "createdAt",
                    "updatedAt", "version", "__typename"),
            "Runtime", Set.of("minutes", "iso8601", "__typename"),
            "Genre", Set.of("id", "databaseId", "name", "__typename"),
            "Person", Set.of("id", "databaseId", "name", "__typename"));

    private AnswerDependencies() {
    }

    static Dependencies of(GraphQLSchema schema, Document document, String operationName,
                           Map<String, Object> variables) {
        ExecutableNormalizedOperation operation;
        try {
            operation = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(
                    schema, document, operationName, RawVariables.of(variables));
        } catch (RuntimeException unreadable) {
            return Dependencies.WHOLE_CATALOGUE;
        }
        Set<Long> movies = new HashSet<>();
        for (ExecutableNormalizedField root : operation.getTopLevelFields()) {
            if (root.getName().equals("__typename")) {
                continue;
            }
            if (!root.getName().equals("movie") || !(root.getResolvedArguments().get("id") instanceof String id)) {
                return Dependencies.WHOLE_CATALOGUE;
            }
            try {
                // The global id and the legacy number of a movie depend on the same row.
                movies.add(Ids.parse(id, NodeType.MOVIE));
            } catch (ApiException notAMovieId) {
                return Dependencies.WHOLE_CATALOGUE;
            }
            if (!onlyOwnFields(root)) {
                return Dependencies.WHOLE_CATALOGUE;
            }
        }
        return new Dependencies(Set.copyOf(movies));
    }

    private static boolean onlyOwnFields(ExecutableNormalizedField field) {
        for (ExecutableNormalizedField child : field.getChildren()) {
            for (String type : child.getObjectTypeNames()) {
                Set<String> own = OWN_FIELDS.get(type);
                if (own == null || !own.contains(child.getName())) {
                    return false;
                }
            }
            if (!onlyOwnFields(child)) {
                return false;
            }
        }
        return true;
    }
}

package org.mymoviedb.graphql;

import org.mymoviedb.graphql.fetching.Connection;
import org.mymoviedb.graphql.fetching.DeletePayload;

import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mymoviedb.auth.User;
import org.mymoviedb.base.UserError;
import org.mymoviedb.graphql.auth.AuthFetchers;
import org.mymoviedb.graphql.movie.MovieCsvImport;
import org.mymoviedb.graphql.movie.MovieMutations;
import org.mymoviedb.graphql.names.GenrePayload;
import org.mymoviedb.graphql.names.PersonPayload;
import org.mymoviedb.history.AuditEntry;
import org.mymoviedb.movie.Movie;
import org.mymoviedb.movie.Runtime;
import org.mymoviedb.names.Genre;
import org.mymoviedb.names.Person;
import org.mymoviedb.testing.TestServer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of the served schema has something behind it: a wired data fetcher, or an accessor of the Java type
 * that backs its GraphQL type. A field added to schema.graphqls and forgotten in the code fails here.
 */
class FetcherCoverageTest {

    /** The Java type each GraphQL object type is read from when a field has no fetcher of its own. */
    private static final Map<String, Class<?>> BACKING = Map.ofEntries(
            Map.entry("Query", Void.class), Map.entry("Mutation", Void.class),
            Map.entry("Movie", Movie.class), Map.entry("Runtime", Runtime.class),
            Map.entry("Genre", Genre.class), Map.entry("Person", Person.class),
            Map.entry("User", User.class), Map.entry("UserError", UserError.class),
            Map.entry("AuditEntry", AuditEntry.class), Map.entry("FieldChange", AuditEntry.FieldChange.class),
            Map.entry("MovieConnection", Connection.class), Map.entry("PersonConnection", Connection.class),
            Map.entry("AuditEntryConnection", Connection.class),
            Map.entry("MovieEdge", Connection.Edge.class), Map.entry("PersonEdge", Connection.Edge.class),
            Map.entry("AuditEntryEdge", Connection.Edge.class), Map.entry("PageInfo", Connection.PageInfo.class),
            Map.entry("LoginPayload", AuthFetchers.LoginPayload.class),
            Map.entry("LogoutPayload", AuthFetchers.LogoutPayload.class),
            Map.entry("ChangePasswordPayload", AuthFetchers.ChangePasswordPayload.class),
            Map.entry("UserPayload", AuthFetchers.UserPayload.class),
            Map.entry("MoviePayload", MovieMutations.MoviePayload.class),
            Map.entry("DeletePayload", DeletePayload.class),
            Map.entry("DeleteMoviesPayload", MovieMutations.DeleteMoviesPayload.class),
            Map.entry("ImportMoviesPayload", MovieCsvImport.ImportMoviesPayload.class),
            Map.entry("ImportRejection", org.mymoviedb.importer.Rejection.class),
            Map.entry("GenrePayload", GenrePayload.class),
            Map.entry("PersonPayload", PersonPayload.class),
            Map.entry("Subscription", Void.class),
            Map.entry("MovieEvent", org.mymoviedb.feed.LiveEvent.class),
            Map.entry("CatalogueEvent", org.mymoviedb.feed.LiveEvent.class));

    @Test
    void everyFieldHasAFetcherOrAnAccessor() {
        try (TestServer server = TestServer.start()) {
            GraphQLSchema schema = server.app().api().schema();
            GraphQLCodeRegistry code = schema.getCodeRegistry();
            List<String> missing = new ArrayList<>();
            for (GraphQLType type : schema.getAllTypesAsList()) {
                if (!(type instanceof GraphQLObjectType object) || object.getName().startsWith("__")) {
                    continue;
                }
                Class<?> backing = BACKING.get(object.getName());
                if (backing == null) {
                    missing.add(object.getName() + " (no Java type known for it)");
                    continue;
                }
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    boolean wired = code.hasDataFetcher(FieldCoordinates.coordinates(object, field));
                    if (!wired && !hasAccessor(backing, field.getName())) {
                        missing.add(object.getName() + "." + field.getName());
                    }
                }
            }
            assertThat(missing).as("schema fields with nothing behind them").isEmpty();
        }
    }

    @Test
    void theCheckNoticesAFieldWithNothingBehindIt() {
        assertThat(hasAccessor(Movie.class, "title")).isTrue();
        assertThat(hasAccessor(Movie.class, "budget")).isFalse();
    }

    private static boolean hasAccessor(Class<?> type, String name) {
        String bean = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (var method : type.getMethods()) {
            if (method.getParameterCount() == 0 && (method.getName().equals(name) || method.getName().equals(bean))) {
                return true;
            }
        }
        return false;
    }
}

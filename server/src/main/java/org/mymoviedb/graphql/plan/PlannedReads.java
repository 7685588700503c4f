package org.mymoviedb.graphql.plan;

import graphql.execution.ExecutionContext;
import graphql.execution.ValuesResolver;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.graphql.fetching.Connection;
import org.mymoviedb.graphql.movie.MovieFetchers;
import org.mymoviedb.graphql.movie.MoviePage;
import org.mymoviedb.movie.Movie;
import org.mymoviedb.names.Genre;
import org.mymoviedb.names.Person;

/**
 * Reads what a plan answers with the fetchers' own SQL: each root field's page or movie in one statement, its
 * genres and directors (when selected) in the same rows ({@link NamesAlongside}), in the order the DataLoaders
 * would give them. Arguments are
 * coerced and checked as graphql-java hands them to fetchers; anything that would be an error, or a null where the
 * schema promises a value, fails the future, and graphql-java answers instead.
 */
final class PlannedReads {

    /** A read that graphql-java must answer instead (it gives the error, path and null propagation). */
    static final class NotPlanned extends RuntimeException {
        NotPlanned() {
            super(null, null, false, false);
        }
    }

    /** How long a catalogue found to have too many genres to list gets per-row genre subqueries. */
    private static final long PER_ROW_GENRES_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);

    private final MovieFetchers movies;
    /** System.nanoTime() when a page last found more than NamesAlongside.LISTED_GENRES genres; 0 when none did. */
    private volatile long tooManyGenresAt;

    PlannedReads(MovieFetchers movies) {
        this.movies = movies;
    }

    /** Checks the arguments now (a refusal throws), then reads on the database executor. */
    CompletableFuture<PlannedResponse> start(PlanNode query, ExecutionContext context) {
        List<PlanNode.Selected> roots = query.fields();
        Object[] requests = new Object[roots.size()];
        for (int i = 0; i < requests.length; i++) {
            PlanNode.Selected root = roots.get(i);
            if (root.field() == PlannedField.MOVIES) {
                requests[i] = MoviePage.ofMovies(arguments(root, context));
            } else if (root.field() == PlannedField.MOVIE) {
                requests[i] = Ids.parse(arguments(root, context).get("id"), NodeType.MOVIE);
            }
        }
        return movies.onDatabase(() -> read(query, requests, context));
    }

    private PlannedResponse read(PlanNode query, Object[] requests, ExecutionContext context) {
        List<PlanNode.Selected> roots = query.fields();
        Object[] values = new Object[requests.length];
        Map<Long, List<Genre>> genres = new HashMap<>();
        Map<Long, List<Person>> directors = new HashMap<>();
        for (int i = 0; i < requests.length; i++) {
            PlanNode.Selected root = roots.get(i);
            if (root.field() != PlannedField.MOVIES && root.field() != PlannedField.MOVIE) {
                continue; // __typename
            }
            // Each root's names come in its own rows: one statement per root field (plus its count, if asked).
            NamesAlongside names = new NamesAlongside(root.selection().reaches(PlannedField.GENRES),
                    perRowGenres(), root.selection().reaches(PlannedField.DIRECTORS));
            List<Movie> read;
            if (root.field() == PlannedField.MOVIES) {
                Connection<Movie> page = movies.read((MoviePage) requests[i],
                        root.selection().selects(PlannedField.TOTAL_COUNT), names.columns(), names::read);
                values[i] = page;
                read = page.edges().stream().map(Connection.Edge::node).toList();
            } else {
                Movie movie = movies.movie((Long) requests[i], names.columns(), names::read);
                values[i] = movie;
                read = List.of(movie);
            }
            for (Movie movie : read) {
                if (movie.title() == null || movie.releaseDate() == null || movie.createdAt() == null
                        || movie.updatedAt() == null || movie.id() > Integer.MAX_VALUE) {
                    throw new NotPlanned();
                }
            }
            if (names.tooManyToList()) {
                tooManyGenresAt = Math.max(1, System.nanoTime());
                throw new NotPlanned();
            }
            genres.putAll(names.genres());
            directors.putAll(names.directors());
        }
        genres.values().forEach(list -> list.forEach(genre -> requireValue(genre.name(), genre.id())));
        directors.values().forEach(list -> list.forEach(person -> requireValue(person.name(), person.id())));
        return new PlannedResponse(query, values, genres, directors, context.getGraphQLSchema(),
                context.getGraphQLContext(), context.getLocale());
    }

    private boolean perRowGenres() {
        long at = tooManyGenresAt;
        return at != 0 && System.nanoTime() - at < PER_ROW_GENRES_NANOS;
    }

    /** A name, and an id that fits databaseId's Int (graphql-java answers the error for one that does not). */
    private static void requireValue(Object value, long id) {
        if (value == null || id > Integer.MAX_VALUE) {
            throw new NotPlanned();
        }
    }

    /** The field's arguments exactly as graphql-java gives them to a fetcher (variables, defaults, coercion). */
    private static Map<String, Object> arguments(PlanNode.Selected root, ExecutionContext context) {
        GraphQLSchema schema = context.getGraphQLSchema();
        GraphQLFieldDefinition definition = schema.getQueryType().getFieldDefinition(root.ast().getName());
        return ValuesResolver.getArgumentValues(schema.getCodeRegistry(), definition.getArguments(),
                root.ast().getArguments(), context.getCoercedVariables(), context.getGraphQLContext(),
                context.getLocale());
    }
}

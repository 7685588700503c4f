package org.mymoviedb.person;

import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.graphql.ApiException;
import org.mymoviedb.graphql.Connection;
import org.mymoviedb.graphql.ErrorCode;
import org.mymoviedb.graphql.Ids;
import org.mymoviedb.graphql.PageRequest;
import org.mymoviedb.graphql.Selections;
import org.mymoviedb.movie.Movie;
import org.mymoviedb.movie.MovieFetchers;
import org.mymoviedb.movie.MovieFilter;

/** The person fields of the schema. */
public final class PersonFetchers {

    private final PersonRepository people;
    private final MovieFetchers movies;
    private final DatabaseExecutor executor;

    public PersonFetchers(PersonRepository people, MovieFetchers movies, DatabaseExecutor executor) {
        this.people = people;
        this.movies = movies;
        this.executor = executor;
    }

    /** Query.person */
    public CompletableFuture<Person> person(DataFetchingEnvironment env) {
        long id = Ids.parse(env.getArgument("id"));
        return executor.supply(() -> people.findById(id)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "There is no person with ID " + id)));
    }

    /** Query.people */
    public CompletableFuture<Connection<Person>> people(DataFetchingEnvironment env) {
        String search = env.getArgument("search");
        if (search != null && search.length() > 300) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT, "search may be at most 300 characters");
        }
        PageRequest request = PageRequest.of(env.getArgument("first"), env.getArgument("after"), null, null);
        boolean count = Selections.selects(env, "totalCount");
        return executor.supply(() -> people.page(search, request, count));
    }

    /** Person.directed */
    public CompletableFuture<Connection<Movie>> directed(DataFetchingEnvironment env) {
        Person person = env.getSource();
        return movies.page(env, MovieFilter.NONE.directedBy(person.id()));
    }
}

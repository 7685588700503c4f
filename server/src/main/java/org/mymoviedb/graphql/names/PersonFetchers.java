package org.mymoviedb.graphql.names;

import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.base.PageRequest;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.graphql.fetching.Connection;
import org.mymoviedb.graphql.fetching.Cursors;
import org.mymoviedb.graphql.fetching.PageArguments;
import org.mymoviedb.graphql.fetching.Selections;
import org.mymoviedb.graphql.movie.MovieFetchers;
import org.mymoviedb.movie.Movie;
import org.mymoviedb.movie.MovieFilter;
import org.mymoviedb.names.Person;
import org.mymoviedb.names.PersonRepository;

/** The person fields of the schema. */
public final class PersonFetchers {

    /** The people list's only ordering, as its cursors name it. */
    private static final String ORDERING = "name+";

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
        long id = Ids.parse(env.getArgument("id"), NodeType.PERSON);
        return executor.supply(() -> people.findById(id)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "There is no person with ID " + id)));
    }

    /** Query.people */
    public CompletableFuture<Connection<Person>> people(DataFetchingEnvironment env) {
        String search = env.getArgument("search");
        if (search != null && search.length() > 300) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT, "search may be at most 300 characters");
        }
        PageArguments arguments = PageArguments.from(env);
        PageRequest request = arguments.toRequest(cursor -> Cursors.decode(cursor, ORDERING,
                PersonRepository.POSITION_TYPES));
        boolean count = Selections.selects(env, "totalCount");
        return executor.supply(() -> Connection.of(people.page(search, request, count), arguments,
                person -> Cursors.encode(ORDERING, PersonRepository.positionOf(person))));
    }

    /** Person.directed */
    public CompletableFuture<Connection<Movie>> directed(DataFetchingEnvironment env) {
        Person person = env.getSource();
        return movies.page(env, MovieFilter.NONE.directedBy(person.id()));
    }
}

package org.mymoviedb.person;

import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.mymoviedb.auth.Actor;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.graphql.Ids;

/** createPerson, renamePerson, deletePerson. */
public final class PersonMutations {

    private final PersonWrites writes;
    private final DatabaseExecutor executor;

    public PersonMutations(PersonWrites writes, DatabaseExecutor executor) {
        this.writes = writes;
        this.executor = executor;
    }

    public CompletableFuture<PersonWrites.PersonPayload> create(DataFetchingEnvironment env) {
        String name = env.getArgument("name");
        return Actor.write(env, executor, user -> writes.create(user, name));
    }

    public CompletableFuture<org.mymoviedb.movie.MovieWrites.DeletePayload> delete(DataFetchingEnvironment env) {
        long id = Ids.parse(env.getArgument("id"));
        boolean cascade = Boolean.TRUE.equals(env.getArgument("cascade"));
        return Actor.write(env, executor, user -> writes.delete(user, id, cascade));
    }

    public CompletableFuture<PersonWrites.PersonPayload> rename(DataFetchingEnvironment env) {
        long id = Ids.parse(env.getArgument("id"));
        String name = env.getArgument("name");
        return Actor.write(env, executor, user -> writes.rename(user, id, name));
    }
}

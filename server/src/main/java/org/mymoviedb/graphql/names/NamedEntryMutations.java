package org.mymoviedb.graphql.names;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.UserError;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.graphql.fetching.DeletePayload;
import org.mymoviedb.graphql.auth.Actor;
import org.mymoviedb.names.Genre;
import org.mymoviedb.names.NamedEntries;
import org.mymoviedb.names.NamedEntry;
import org.mymoviedb.names.NamedEntryWrites;
import org.mymoviedb.names.Person;

/**
 * createGenre, renameGenre, deleteGenre and createPerson, renamePerson, deletePerson: the same three mutations
 * over one kind of named entry each, answering with that kind's payload type {@code P}.
 */
public final class NamedEntryMutations<P> {

    private final NamedEntryWrites writes;
    private final DatabaseExecutor executor;
    private final Function<NamedEntry, P> written;
    private final Function<List<UserError>, P> refused;

    private NamedEntryMutations(NamedEntryWrites writes, DatabaseExecutor executor, Function<NamedEntry, P> written,
                                Function<List<UserError>, P> refused) {
        this.writes = writes;
        this.executor = executor;
        this.written = written;
        this.refused = refused;
    }

    /** The genre mutations, over {@code writes} of {@link NamedEntries#GENRES}. */
    public static NamedEntryMutations<GenrePayload> genres(NamedEntryWrites writes, DatabaseExecutor executor) {
        return new NamedEntryMutations<>(writes, executor,
                e -> new GenrePayload(new Genre(e.id(), e.name()), List.of()), errors -> new GenrePayload(null, errors));
    }

    /** The person mutations, over {@code writes} of {@link NamedEntries#PEOPLE}. */
    public static NamedEntryMutations<PersonPayload> people(NamedEntryWrites writes, DatabaseExecutor executor) {
        return new NamedEntryMutations<>(writes, executor,
                e -> new PersonPayload(new Person(e.id(), e.name()), List.of()),
                errors -> new PersonPayload(null, errors));
    }

    public CompletableFuture<P> create(DataFetchingEnvironment env) {
        String name = env.getArgument("name");
        return Actor.write(env, executor, user -> written.apply(writes.create(user.author(), name)),
                (errors, current) -> refused.apply(errors));
    }

    public CompletableFuture<P> rename(DataFetchingEnvironment env) {
        long id = Ids.parse(env.getArgument("id"), writes.kind().nodeType());
        String name = env.getArgument("name");
        return Actor.write(env, executor, user -> written.apply(writes.rename(user.author(), id, name)),
                (errors, current) -> refused.apply(errors));
    }

    /** Deletes the entry; with {@code cascade}, takes it off its movies first. */
    public CompletableFuture<DeletePayload> delete(DataFetchingEnvironment env) {
        long id = Ids.parse(env.getArgument("id"), writes.kind().nodeType());
        boolean cascade = Boolean.TRUE.equals(env.getArgument("cascade"));
        return Actor.write(env, executor, user -> {
            writes.delete(user.author(), id, cascade);
            return DeletePayload.deleted(writes.kind().nodeType(), id);
        }, DeletePayload::refused);
    }
}

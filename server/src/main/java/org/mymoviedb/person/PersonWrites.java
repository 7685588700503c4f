package org.mymoviedb.person;

import java.util.List;
import org.jooq.DSLContext;
import org.mymoviedb.auth.User;
import org.mymoviedb.data.NameRules;
import org.mymoviedb.data.NamedRefs;
import org.mymoviedb.data.Transactions;
import org.mymoviedb.graphql.UserError;
import org.mymoviedb.graphql.UserErrorsException;
import org.mymoviedb.history.AuditAction;
import org.mymoviedb.history.AuditLog;
import org.mymoviedb.history.Changes;
import org.mymoviedb.movie.MovieWrites;

import static org.mymoviedb.jooq.Tables.MOVIE_DIRECTOR;
import static org.mymoviedb.jooq.Tables.PERSON;

/** Creates and renames people, each with its history, in one transaction. Two people may share a name. */
public final class PersonWrites {

    /** PersonPayload */
    public record PersonPayload(Person person, List<UserError> userErrors) {
    }

    private final DSLContext dsl;

    public PersonWrites(DSLContext dsl) {
        this.dsl = dsl;
    }

    public PersonPayload create(User actor, String rawName) {
        String name = NameRules.normalise(rawName);
        return Transactions.write(dsl, cfg -> {
            NameRules.check(name, NamedRefs.PEOPLE.maxNameLength(), "name");
            long id = NamedRefs.PEOPLE.create(cfg.dsl(), actor, name); // homonyms allowed: no look-up first
            return new PersonPayload(new Person(id, name), List.of());
        }, (errors, prepared) -> new PersonPayload(null, errors));
    }

    /**
     * Deletes a person no movie credits; with {@code cascade}, first takes their credits off those movies, each of
     * which gets a new version and a history entry.
     */
    public MovieWrites.DeletePayload delete(User actor, long id, boolean cascade) {
        return Transactions.write(dsl, cfg -> {
            DSLContext tx = cfg.dsl();
            String name = tx.select(PERSON.NAME).from(PERSON).where(PERSON.ID.eq(id)).forUpdate().fetchOne(PERSON.NAME);
            if (name == null) {
                throw UserErrorsException.of("NOT_FOUND", "There is no person with ID " + id, "id");
            }
            List<Long> movieIds = tx.select(MOVIE_DIRECTOR.MOVIE_ID).from(MOVIE_DIRECTOR)
                    .where(MOVIE_DIRECTOR.PERSON_ID.eq(id)).orderBy(MOVIE_DIRECTOR.MOVIE_ID)
                    .fetch(MOVIE_DIRECTOR.MOVIE_ID);
            if (!movieIds.isEmpty() && !cascade) {
                throw UserErrorsException.of("IN_USE", name + " is credited on " + movieIds.size()
                        + " movie(s); pass cascade: true to remove those credits and delete", "id");
            }
            for (Long movieId : movieIds) {
                List<String> before = new PersonRepository(tx).directorsByMovie(List.of(movieId)).get(movieId)
                        .stream().map(Person::name).toList();
                tx.deleteFrom(MOVIE_DIRECTOR).where(MOVIE_DIRECTOR.MOVIE_ID.eq(movieId))
                        .and(MOVIE_DIRECTOR.PERSON_ID.eq(id)).execute();
                List<String> after = new PersonRepository(tx).directorsByMovie(List.of(movieId)).get(movieId)
                        .stream().map(Person::name).toList();
                MovieWrites.linkChanged(tx, actor, movieId, "directors", before, after);
            }
            tx.deleteFrom(PERSON).where(PERSON.ID.eq(id)).execute();
            AuditLog.record(tx, actor, AuditAction.DELETE, "person", id, name, new Changes().compare("name", name, null));
            return new MovieWrites.DeletePayload(List.of(id), null, List.of());
        }, (errors, prepared) -> new MovieWrites.DeletePayload(List.of(), null, errors));
    }

    public PersonPayload rename(User actor, long id, String rawName) {
        String name = NameRules.normalise(rawName);
        return Transactions.write(dsl, cfg -> {
            NameRules.check(name, NamedRefs.PEOPLE.maxNameLength(), "name");
            DSLContext tx = cfg.dsl();
            String before = tx.select(PERSON.NAME).from(PERSON).where(PERSON.ID.eq(id)).forUpdate()
                    .fetchOne(PERSON.NAME);
            if (before == null) {
                throw UserErrorsException.of("NOT_FOUND", "There is no person with ID " + id, "id");
            }
            if (!before.equals(name)) {
                tx.update(PERSON).set(PERSON.NAME, name).where(PERSON.ID.eq(id)).execute();
                AuditLog.record(tx, actor, AuditAction.UPDATE, "person", id, name,
                        new Changes().compare("name", before, name));
            }
            return new PersonPayload(new Person(id, name), List.of());
        }, (errors, prepared) -> new PersonPayload(null, errors));
    }
}

package org.mymoviedb.genre;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.mymoviedb.auth.User;
import org.mymoviedb.data.NameRules;
import org.mymoviedb.data.NamedRefs;
import org.mymoviedb.data.Transactions;
import org.mymoviedb.graphql.UserError;
import org.mymoviedb.graphql.UserErrorsException;
import org.mymoviedb.history.AuditAction;
import org.mymoviedb.history.AuditLog;
import org.mymoviedb.history.Changes;
import org.mymoviedb.jooq.tables.records.GenreRecord;
import org.mymoviedb.movie.MovieWrites;

import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE_GENRE;

/** Creates, renames and deletes genres, each with its history, in one transaction. */
public final class GenreWrites {

    /** GenrePayload */
    public record GenrePayload(Genre genre, List<UserError> userErrors) {
    }

    private final DSLContext dsl;

    public GenreWrites(DSLContext dsl) {
        this.dsl = dsl;
    }

    public GenrePayload create(User actor, String rawName) {
        String name = NameRules.normalise(rawName);
        return Transactions.write(dsl, cfg -> {
            NameRules.check(name, NamedRefs.GENRES.maxNameLength(), "name");
            if (cfg.dsl().fetchExists(GENRE, DSL.lower(GENRE.NAME).eq(name.toLowerCase()))) {
                throw UserErrorsException.of("DUPLICATE", "There is already a genre called " + name, "name");
            }
            long id = NamedRefs.GENRES.create(cfg.dsl(), actor, name);
            return new GenrePayload(new Genre(id, name), List.of());
        }, (errors, prepared) -> new GenrePayload(null, errors));
    }

    public GenrePayload rename(User actor, long id, String rawName) {
        String name = NameRules.normalise(rawName);
        return Transactions.write(dsl, cfg -> {
            NameRules.check(name, NamedRefs.GENRES.maxNameLength(), "name");
            DSLContext tx = cfg.dsl();
            GenreRecord row = lock(tx, id);
            if (!row.getName().equals(name)) {
                String before = row.getName();
                tx.update(GENRE).set(GENRE.NAME, name).where(GENRE.ID.eq(id)).execute();
                AuditLog.record(tx, actor, AuditAction.UPDATE, "genre", id, name,
                        new Changes().compare("name", before, name));
            }
            return new GenrePayload(new Genre(id, name), List.of());
        }, (errors, prepared) -> new GenrePayload(null, errors));
    }

    /**
     * Deletes a genre no movie uses; with {@code cascade}, first takes it off its movies, each of which gets a new
     * version and a history entry (so an editor holding the old version sees the change as a conflict).
     */
    public MovieWrites.DeletePayload delete(User actor, long id, boolean cascade) {
        return Transactions.write(dsl, cfg -> {
            DSLContext tx = cfg.dsl();
            GenreRecord row = lock(tx, id);
            List<Long> movieIds = tx.select(MOVIE_GENRE.MOVIE_ID).from(MOVIE_GENRE)
                    .where(MOVIE_GENRE.GENRE_ID.eq(id)).orderBy(MOVIE_GENRE.MOVIE_ID).fetch(MOVIE_GENRE.MOVIE_ID);
            if (!movieIds.isEmpty() && !cascade) {
                throw UserErrorsException.of("IN_USE", movieIds.size() + " movie(s) have the genre " + row.getName()
                        + "; pass cascade: true to take it off them and delete it", "id");
            }
            for (Long movieId : movieIds) {
                List<String> before = new GenreRepository(tx).byMovie(List.of(movieId)).get(movieId)
                        .stream().map(Genre::name).toList();
                tx.deleteFrom(MOVIE_GENRE).where(MOVIE_GENRE.MOVIE_ID.eq(movieId))
                        .and(MOVIE_GENRE.GENRE_ID.eq(id)).execute();
                List<String> after = before.stream().filter(g -> !g.equals(row.getName())).toList();
                MovieWrites.linkChanged(tx, actor, movieId, "genres", before, after);
            }
            tx.deleteFrom(GENRE).where(GENRE.ID.eq(id)).execute();
            AuditLog.record(tx, actor, AuditAction.DELETE, "genre", id, row.getName(),
                    new Changes().compare("name", row.getName(), null));
            return new MovieWrites.DeletePayload(List.of(id), null, List.of());
        }, (errors, prepared) -> new MovieWrites.DeletePayload(List.of(), null, errors));
    }

    private static GenreRecord lock(DSLContext tx, long id) {
        GenreRecord row = tx.selectFrom(GENRE).where(GENRE.ID.eq(id)).forUpdate().fetchOne();
        if (row == null) {
            throw UserErrorsException.of("NOT_FOUND", "There is no genre with ID " + id, "id");
        }
        return row;
    }
}

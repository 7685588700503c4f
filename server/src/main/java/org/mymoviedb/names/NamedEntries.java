package org.mymoviedb.names;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.jooq.DSLContext;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.UserError;
import org.mymoviedb.base.UserErrorsException;
import org.mymoviedb.history.AuditAction;
import org.mymoviedb.history.AuditLog;
import org.mymoviedb.history.Author;
import org.mymoviedb.history.Changes;
import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE;
import static org.mymoviedb.jooq.Tables.MOVIE_DIRECTOR;
import static org.mymoviedb.jooq.Tables.MOVIE_GENRE;
import static org.mymoviedb.jooq.Tables.PERSON;

/**
 * Named catalogue entries, genres and people: one implementation, with what differs between them as parameters
 * (the tables, the name length, whether names are unique, how a movie's list of them is ordered). Every method
 * runs inside the caller's transaction.
 */
public final class NamedEntries<R extends Record, L extends Record> {

    /** Genres: unique by name in any case; a movie lists them by name. */
    public static final NamedEntries<?, ?> GENRES = new NamedEntries<>(GENRE, GENRE.ID, GENRE.NAME,
            MOVIE_GENRE, MOVIE_GENRE.MOVIE_ID, MOVIE_GENRE.GENRE_ID, List.of(DSL.lower(GENRE.NAME), GENRE.ID),
            "genre", "genres", 100, true,
            (name, movies) -> movies + " movie(s) have the genre " + name
                    + "; pass cascade: true to take it off them and delete it");

    /** People: two may share a name; a movie lists its directors in billing order. */
    public static final NamedEntries<?, ?> PEOPLE = new NamedEntries<>(PERSON, PERSON.ID, PERSON.NAME,
            MOVIE_DIRECTOR, MOVIE_DIRECTOR.MOVIE_ID, MOVIE_DIRECTOR.PERSON_ID, List.of(MOVIE_DIRECTOR.POSITION),
            "person", "directors", 300, false,
            (name, movies) -> name + " is credited on " + movies
                    + " movie(s); pass cascade: true to remove those credits and delete");

    private final Table<R> table;
    private final TableField<R, Long> id;
    private final TableField<R, String> name;
    private final Table<L> links;
    private final TableField<L, Long> linkMovie;
    private final TableField<L, Long> linkEntry;
    private final List<OrderField<?>> listOrder;
    private final String entityType;
    private final String movieField;
    private final int maxNameLength;
    private final boolean uniqueNames;
    private final BiFunction<String, Integer, String> inUse;

    private NamedEntries(Table<R> table, TableField<R, Long> id, TableField<R, String> name, Table<L> links,
                         TableField<L, Long> linkMovie, TableField<L, Long> linkEntry, List<OrderField<?>> listOrder,
                         String entityType, String movieField, int maxNameLength, boolean uniqueNames,
                         BiFunction<String, Integer, String> inUse) {
        this.table = table;
        this.id = id;
        this.name = name;
        this.links = links;
        this.linkMovie = linkMovie;
        this.linkEntry = linkEntry;
        this.listOrder = listOrder;
        this.entityType = entityType;
        this.movieField = movieField;
        this.maxNameLength = maxNameLength;
        this.uniqueNames = uniqueNames;
        this.inUse = inUse;
    }

    public int maxNameLength() {
        return maxNameLength;
    }

    /**
     * Checks the references a write gives at {@code field}; each bad one becomes a userError at its index. Names
     * are trimmed with inner runs of white space made single.
     */
    public List<NameRef.Checked> check(List<NameRef> refs, String field, List<UserError> errors) {
        List<NameRef.Checked> checked = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            NameRef ref = refs.get(i);
            String clean = ref.name() == null ? null : NameRules.normalise(ref.name());
            String index = Integer.toString(i);
            if ((ref.id() == null) == (clean == null)) {
                errors.add(UserError.of("VALIDATION", "Give either an id or a name", "input", field, index));
            } else if (ref.id() != null) {
                try {
                    checked.add(new NameRef.Checked(i, Ids.parse(ref.id()), null));
                } catch (ApiException e) {
                    errors.add(UserError.of("NOT_FOUND", e.getMessage(), "input", field, index, "id"));
                }
            } else if (clean.isEmpty()) {
                errors.add(UserError.of("REQUIRED", "A name may not be blank", "input", field, index, "name"));
            } else if (clean.length() > maxNameLength) {
                errors.add(UserError.of("TOO_LONG", "A name has at most " + maxNameLength + " characters",
                        "input", field, index, "name"));
            } else {
                checked.add(new NameRef.Checked(i, null, clean));
            }
        }
        return checked;
    }

    /** The ids, in order and without repeats; unknown ids become userErrors under {@code field}. */
    public List<Long> resolve(DSLContext tx, Author author, List<NameRef.Checked> refs, String field,
                       List<UserError> errors) {
        Set<Long> ids = new LinkedHashSet<>();
        for (NameRef.Checked ref : refs) {
            if (ref.id() == null) {
                ids.add(findOrCreate(tx, author, ref.name()));
            } else if (tx.fetchExists(table, id.eq(ref.id()))) {
                ids.add(ref.id());
            } else {
                errors.add(UserError.of("NOT_FOUND", "There is no " + entityType + " with ID " + ref.id(),
                        "input", field, Integer.toString(ref.index()), "id"));
            }
        }
        return new ArrayList<>(ids);
    }

    /** The first entry of this name in any case (the oldest of homonyms), created with history when none. */
    public long findOrCreate(DSLContext tx, Author author, String newName) {
        Long existing = findByName(tx, newName);
        return existing != null ? existing : create(tx, author, newName);
    }

    /** The oldest entry of this name in any case, or null. */
    public Long findByName(DSLContext tx, String spelling) {
        return tx.select(id).from(table).where(DSL.lower(name).eq(DSL.lower(DSL.val(spelling))))
                .orderBy(id).limit(1).fetchOne(id);
    }

    /** A new entry of this name, with its history entry; the caller has checked the name is free where it must be. */
    public long create(DSLContext tx, Author author, String newName) {
        long created = tx.insertInto(table).set(name, newName).returning(id).fetchOne(id);
        AuditLog.record(tx, author, AuditAction.CREATE, entityType, created, newName,
                new Changes().compare("name", null, newName));
        return created;
    }

    /** createGenre, createPerson: a clean, valid name; a genre's must also be free. */
    NamedEntry createChecked(DSLContext tx, Author author, String rawName) {
        String clean = checkedName(rawName);
        if (uniqueNames && findByName(tx, clean) != null) {
            throw UserErrorsException.of("DUPLICATE", "There is already a " + entityType + " called " + clean,
                    "name");
        }
        return new NamedEntry(create(tx, author, clean), clean);
    }

    /** renameGenre, renamePerson: history only when the name really changes. */
    NamedEntry rename(DSLContext tx, Author author, long entryId, String rawName) {
        String clean = checkedName(rawName);
        String before = lock(tx, entryId);
        if (!before.equals(clean)) {
            tx.update(table).set(name, clean).where(id.eq(entryId)).execute();
            AuditLog.record(tx, author, AuditAction.UPDATE, entityType, entryId, clean,
                    new Changes().compare("name", before, clean));
        }
        return new NamedEntry(entryId, clean);
    }

    /**
     * Deletes an entry no movie uses; with {@code cascade}, first takes it off its movies, each of which gets a
     * new version and a history entry (so an editor holding the old version sees the change as a conflict). A
     * fixed number of statements, however many movies it is on.
     */
    void delete(DSLContext tx, Author author, long entryId, boolean cascade) {
        String entryName = lock(tx, entryId);
        Map<Long, List<String>> before = new LinkedHashMap<>();
        Map<Long, List<String>> after = new LinkedHashMap<>();
        var linked = links.as("linked");
        tx.select(linkMovie, id, name).from(links).join(table).on(id.eq(linkEntry))
                .where(linkMovie.in(DSL.select(linked.field(linkMovie)).from(linked)
                        .where(linked.field(linkEntry).eq(entryId))))
                .orderBy(listWithMovieFirst())
                .forEach(r -> {
                    before.computeIfAbsent(r.value1(), m -> new ArrayList<>()).add(r.value3());
                    List<String> rest = after.computeIfAbsent(r.value1(), m -> new ArrayList<>());
                    if (r.value2() != entryId) {
                        rest.add(r.value3());
                    }
                });
        if (!before.isEmpty() && !cascade) {
            throw UserErrorsException.of("IN_USE", inUse.apply(entryName, before.size()), "id");
        }
        if (!before.isEmpty()) {
            tx.deleteFrom(links).where(linkEntry.eq(entryId)).execute();
            Map<Long, String> titles = new java.util.HashMap<>();
            tx.update(MOVIE).set(MOVIE.VERSION, MOVIE.VERSION.plus(1))
                    .set(MOVIE.UPDATED_AT, DSL.currentOffsetDateTime())
                    .where(MOVIE.ID.eq(DSL.any(before.keySet().toArray(Long[]::new))))
                    .returning(MOVIE.ID, MOVIE.TITLE)
                    .forEach(r -> titles.put(r.getId(), r.getTitle()));
            List<AuditLog.Entry> movieEntries = new ArrayList<>();
            before.forEach((movieId, names) -> movieEntries.add(new AuditLog.Entry(AuditAction.UPDATE, "movie",
                    movieId, titles.get(movieId), new Changes().compare(movieField, names, after.get(movieId)))));
            AuditLog.recordAll(tx, author, movieEntries);
        }
        tx.deleteFrom(table).where(id.eq(entryId)).execute();
        AuditLog.record(tx, author, AuditAction.DELETE, entityType, entryId, entryName,
                new Changes().compare("name", entryName, null));
    }

    /** The movie first (history goes in movie id order), then the order a movie lists its entries in. */
    private List<OrderField<?>> listWithMovieFirst() {
        List<OrderField<?>> order = new ArrayList<>();
        order.add(linkMovie);
        order.addAll(listOrder);
        return order;
    }

    private String checkedName(String rawName) {
        String clean = NameRules.normalise(rawName);
        NameRules.check(clean, maxNameLength, "name");
        return clean;
    }

    /** The entry's name, locked until commit; NOT_FOUND when there is none. */
    private String lock(DSLContext tx, long entryId) {
        String current = tx.select(name).from(table).where(id.eq(entryId)).forUpdate().fetchOne(name);
        if (current == null) {
            throw UserErrorsException.of("NOT_FOUND", "There is no " + entityType + " with ID " + entryId, "id");
        }
        return current;
    }
}

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
import org.mymoviedb.base.NodeType;
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
 * (the tables, the name length, how a movie's list of them is ordered). Every method runs inside the caller's
 * transaction.
 *
 * <p>One entry per name: two names are the same entry when they are equal after Unicode NFC normalisation and
 * PostgreSQL's {@code lower()} ({@link #KEY}), a rule the database holds with a unique index on each table (db/
 * migration V3). Names are trimmed, their inner white space made single and NFC-normalised ({@link NameRules})
 * before any of that. Java never decides on its own that two spellings are one entry.
 */
public final class NamedEntries<R extends Record, L extends Record> {

    /** The database's identity of a name, the expression its unique indexes are on; %s is the name column. */
    public static final String KEY = "lower(normalize(%s, NFC))";

    /** Genres: a movie lists them by name. */
    public static final NamedEntries<?, ?> GENRES = new NamedEntries<>(GENRE, GENRE.ID, GENRE.NAME,
            MOVIE_GENRE, MOVIE_GENRE.MOVIE_ID, MOVIE_GENRE.GENRE_ID, List.of(DSL.lower(GENRE.NAME), GENRE.ID),
            NodeType.GENRE, "genre", "genres", 100,
            (name, movies) -> movies + " movie(s) have the genre " + name
                    + "; pass cascade: true to take it off them and delete it");

    /** People: a movie lists its directors in billing order. */
    public static final NamedEntries<?, ?> PEOPLE = new NamedEntries<>(PERSON, PERSON.ID, PERSON.NAME,
            MOVIE_DIRECTOR, MOVIE_DIRECTOR.MOVIE_ID, MOVIE_DIRECTOR.PERSON_ID, List.of(MOVIE_DIRECTOR.POSITION),
            NodeType.PERSON, "person", "directors", 300,
            (name, movies) -> name + " is credited on " + movies
                    + " movie(s); pass cascade: true to remove those credits and delete");

    private final Table<R> table;
    private final TableField<R, Long> id;
    private final TableField<R, String> name;
    private final Table<L> links;
    private final TableField<L, Long> linkMovie;
    private final TableField<L, Long> linkEntry;
    private final List<OrderField<?>> listOrder;
    private final NodeType nodeType;
    private final String entityType;
    private final String movieField;
    private final int maxNameLength;
    private final BiFunction<String, Integer, String> inUse;

    private NamedEntries(Table<R> table, TableField<R, Long> id, TableField<R, String> name, Table<L> links,
                         TableField<L, Long> linkMovie, TableField<L, Long> linkEntry, List<OrderField<?>> listOrder,
                         NodeType nodeType, String entityType, String movieField, int maxNameLength,
                         BiFunction<String, Integer, String> inUse) {
        this.table = table;
        this.id = id;
        this.name = name;
        this.links = links;
        this.linkMovie = linkMovie;
        this.linkEntry = linkEntry;
        this.listOrder = listOrder;
        this.nodeType = nodeType;
        this.entityType = entityType;
        this.movieField = movieField;
        this.maxNameLength = maxNameLength;
        this.inUse = inUse;
    }

    public int maxNameLength() {
        return maxNameLength;
    }

    /** Genre or Person: the type of this kind's global ids. */
    public NodeType nodeType() {
        return nodeType;
    }

    /** "genre", "person": as history names the kind. */
    public String entityType() {
        return entityType;
    }

    String tableName() {
        return table.getName();
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
                    checked.add(new NameRef.Checked(i, Ids.parse(ref.id(), nodeType), null));
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

    /** The entry of this name by the database's rule, created with history when there is none. */
    public NamedEntry findOrCreate(DSLContext tx, Author author, String spelling) {
        List<UserError> errors = new ArrayList<>();
        List<NameResolution.Resolved> found = NameResolution.resolve(tx, author,
                List.of(new NameResolution.Wanted(this, List.of(new NameRef.Checked(0, null, spelling)), movieField)),
                errors).get(0);
        if (!errors.isEmpty()) {
            throw new UserErrorsException(errors);
        }
        return found.get(0).entry();
    }

    /** createGenre, createPerson: a clean, valid name no entry has yet (by the database's rule). */
    NamedEntry createChecked(DSLContext tx, Author author, String rawName) {
        String clean = checkedName(rawName);
        List<UserError> errors = new ArrayList<>();
        NameResolution.Resolved entry = NameResolution.resolve(tx, author,
                List.of(new NameResolution.Wanted(this, List.of(new NameRef.Checked(0, null, clean)), "name")),
                errors).get(0).stream().findFirst().orElse(null);
        if (entry == null) {
            throw UserErrorsException.of("CONFLICT", "Someone else changed the " + entityType + " called " + clean
                    + " while you saved; save again", "name");
        }
        if (!entry.created()) {
            throw UserErrorsException.of("DUPLICATE", "There is already a " + entityType + " called "
                    + entry.entry().name(), "name");
        }
        return entry.entry();
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

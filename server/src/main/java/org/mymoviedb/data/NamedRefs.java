package org.mymoviedb.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.mymoviedb.auth.User;
import org.mymoviedb.graphql.Inputs;
import org.mymoviedb.graphql.UserError;
import org.mymoviedb.history.AuditAction;
import org.mymoviedb.history.AuditLog;
import org.mymoviedb.history.Changes;

import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.PERSON;

/**
 * Genres and people named in a write (GenreRef, PersonRef) turned into ids inside its transaction: by id, or by
 * name in any case, creating (with history) a name not yet known.
 */
public final class NamedRefs<R extends Record> {

    public static final NamedRefs<?> GENRES = new NamedRefs<>(GENRE, GENRE.ID, GENRE.NAME, "genre", 100);
    public static final NamedRefs<?> PEOPLE = new NamedRefs<>(PERSON, PERSON.ID, PERSON.NAME, "person", 300);

    private final Table<R> table;
    private final TableField<R, Long> id;
    private final TableField<R, String> name;
    private final String entityType;
    private final int maxNameLength;

    private NamedRefs(Table<R> table, TableField<R, Long> id, TableField<R, String> name, String entityType,
                      int maxNameLength) {
        this.table = table;
        this.id = id;
        this.name = name;
        this.entityType = entityType;
        this.maxNameLength = maxNameLength;
    }

    public int maxNameLength() {
        return maxNameLength;
    }

    /** The ids, in order and without repeats; unknown ids become userErrors under {@code field}. */
    public List<Long> resolve(DSLContext tx, User actor, List<Inputs.Ref> refs, String field, List<UserError> errors) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Inputs.Ref ref : refs) {
            if (ref.id() == null) {
                ids.add(findOrCreate(tx, actor, ref.name()));
            } else if (tx.fetchExists(table, id.eq(ref.id()))) {
                ids.add(ref.id());
            } else {
                errors.add(UserError.of("NOT_FOUND", "There is no " + entityType + " with ID " + ref.id(),
                        "input", field, Integer.toString(ref.index()), "id"));
            }
        }
        return new ArrayList<>(ids);
    }

    /** The first row of this name in any case, created with its history entry when there is none. */
    public long findOrCreate(DSLContext tx, User actor, String newName) {
        Long existing = tx.select(id).from(table).where(DSL.lower(name).eq(newName.toLowerCase()))
                .orderBy(id).limit(1).fetchOne(id);
        return existing != null ? existing : create(tx, actor, newName);
    }

    /** A new row of this name, with its history entry; the caller has checked the name is free where it must be. */
    public long create(DSLContext tx, User actor, String newName) {
        long created = tx.insertInto(table).set(name, newName).returning(id).fetchOne(id);
        AuditLog.record(tx, actor, AuditAction.CREATE, entityType, created, newName,
                new Changes().compare("name", null, newName));
        return created;
    }
}

package org.mymoviedb.names;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.mymoviedb.base.UserError;
import org.mymoviedb.history.Author;

/**
 * Finds or creates the genres and people a write names, every kind of entry at once, in one statement: entries
 * given by id are checked, names are matched by the database's rule ({@link NamedEntries#KEY}), and the missing
 * ones are inserted with {@code ON CONFLICT DO NOTHING} on that rule's unique index, each with its history entry.
 * So concurrent writes naming the same new entry all end with that one entry. A name a concurrent transaction
 * inserted and committed after this statement's snapshot comes back unresolved; a second statement, with a new
 * snapshot, then finds it.
 */
public final class NameResolution {

    /** The references a write gives at {@code field} ("genres", "directors") to entries of {@code kind}. */
    public record Wanted(NamedEntries<?, ?> kind, List<NameRef.Checked> refs, String field) {
    }

    /**
     * One entry a write ends up with, in the order given and without repeats.
     *
     * @param nameRank where it sits among the write's entries of its kind in the database's order of names
     */
    public record Resolved(NamedEntry entry, boolean created, long nameRank) {
    }

    /** Made once: building an array type parses its type name (jOOQ), which each statement paid for. */
    private static final DataType<Integer[]> INTEGER_ARRAY = SQLDataType.INTEGER.array();
    private static final DataType<Long[]> BIGINT_ARRAY = SQLDataType.BIGINT.array();
    private static final DataType<String[]> TEXT_ARRAY = SQLDataType.CLOB.array();

    /** The statement's answer, typed here: jOOQ need not read (and type) the result's metadata on each one. */
    private static final Field<?>[] ANSWER = {DSL.field(DSL.name("kind"), SQLDataType.INTEGER),
            DSL.field(DSL.name("ord"), SQLDataType.INTEGER), DSL.field(DSL.name("id"), SQLDataType.BIGINT),
            DSL.field(DSL.name("name"), SQLDataType.CLOB), DSL.field(DSL.name("created"), SQLDataType.BOOLEAN),
            DSL.field(DSL.name("name_rank"), SQLDataType.BIGINT)};

    /** Statements for names that raced with another transaction's insert; the second finds them. */
    private static final int ATTEMPTS = 3;

    private NameResolution() {
    }

    /**
     * The entries of each {@code wanted}, in its order and without repeats; an unknown id becomes a NOT_FOUND
     * userError at its index under its field, and that reference is left out.
     */
    public static List<List<Resolved>> resolve(DSLContext tx, Author author, List<Wanted> wanted,
                                               List<UserError> errors) {
        List<Map<Integer, Resolved>> byIndex = new ArrayList<>();
        List<List<NameRef.Checked>> pending = new ArrayList<>();
        for (Wanted w : wanted) {
            byIndex.add(new LinkedHashMap<>());
            pending.add(w.refs());
        }
        for (int attempt = 0; attempt < ATTEMPTS && pending.stream().anyMatch(p -> !p.isEmpty()); attempt++) {
            List<List<NameRef.Checked>> unresolved = new ArrayList<>();
            wanted.forEach(w -> unresolved.add(new ArrayList<>()));
            for (Record r : statement(tx, author, wanted, pending).fetch()) {
                int kind = r.get("kind", Integer.class);
                NameRef.Checked ref = pending.get(kind).get(r.get("ord", Integer.class) - 1);
                Long id = r.get("id", Long.class);
                if (id != null) {
                    byIndex.get(kind).put(ref.index(), new Resolved(new NamedEntry(id, r.get("name", String.class)),
                            r.get("created", Boolean.class), r.get("name_rank", Long.class)));
                } else if (ref.id() != null) {
                    errors.add(UserError.of("NOT_FOUND", "There is no " + wanted.get(kind).kind().entityType()
                            + " with ID " + ref.id(), "input", wanted.get(kind).field(),
                            Integer.toString(ref.index()), "id"));
                } else {
                    unresolved.get(kind).add(ref);
                }
            }
            pending = unresolved;
        }
        for (int kind = 0; kind < wanted.size(); kind++) {
            for (NameRef.Checked ref : pending.get(kind)) {
                errors.add(UserError.of("CONFLICT", "\"" + ref.name() + "\" was changed by someone else while"
                        + " you saved; save again", "input", wanted.get(kind).field(),
                        Integer.toString(ref.index()), "name"));
            }
        }
        List<List<Resolved>> result = new ArrayList<>();
        for (Map<Integer, Resolved> entries : byIndex) {
            Map<Long, Resolved> distinct = new LinkedHashMap<>();
            entries.keySet().stream().sorted().map(entries::get)
                    .forEach(e -> distinct.putIfAbsent(e.entry().id(), e));
            result.add(List.copyOf(distinct.values()));
        }
        return result;
    }

    /** One data-modifying CTE per kind, and their answers in one result: kind, ord, id, name, created, name_rank. */
    private static org.jooq.ResultQuery<Record> statement(DSLContext tx, Author author, List<Wanted> wanted,
                                                         List<List<NameRef.Checked>> refs) {
        List<QueryPart> parts = new ArrayList<>();
        StringBuilder sql = new StringBuilder("WITH ");
        List<String> answers = new ArrayList<>();
        for (int kind = 0; kind < wanted.size(); kind++) {
            if (refs.get(kind).isEmpty()) {
                continue;
            }
            NamedEntries<?, ?> entries = wanted.get(kind).kind();
            List<NameRef.Checked> given = refs.get(kind);
            Integer[] ords = new Integer[given.size()];
            Long[] ids = new Long[given.size()];
            String[] names = new String[given.size()];
            for (int i = 0; i < given.size(); i++) {
                ords[i] = i + 1;
                ids[i] = given.get(i).id();
                names[i] = given.get(i).name();
            }
            String table = "\"" + entries.tableName() + "\"";
            String w = "w" + kind;
            String f = "f" + kind;
            String c = "c" + kind;
            if (!answers.isEmpty()) {
                sql.append(",\n");
            }
            sql.append(w).append(" (ord, id, name) AS (SELECT * FROM unnest(CAST(")
                    .append(part(parts, DSL.val(ords, INTEGER_ARRAY))).append(" AS int[]), CAST(")
                    .append(part(parts, DSL.val(ids, BIGINT_ARRAY))).append(" AS bigint[]), CAST(")
                    .append(part(parts, DSL.val(names, TEXT_ARRAY))).append(" AS text[]))),\n")
                    .append(f).append(" AS (SELECT w.ord, e.id, e.name FROM ").append(w).append(" w JOIN ")
                    .append(table).append(" e ON e.id = w.id UNION ALL SELECT w.ord, e.id, e.name FROM ").append(w)
                    .append(" w JOIN ").append(table).append(" e ON ").append(key("e.name")).append(" = ")
                    .append(key("w.name")).append("),\n")
                    // In the key's order, so two writes creating the same names never wait on each other in a cycle.
                    .append(c).append(" AS (INSERT INTO ").append(table).append(" (name) SELECT DISTINCT ON (")
                    .append(key("w.name")).append(") w.name FROM ").append(w).append(" w WHERE w.name IS NOT NULL")
                    .append(" AND NOT EXISTS (SELECT FROM ").append(f).append(" f WHERE f.ord = w.ord) ORDER BY ")
                    .append(key("w.name")).append(", w.ord ON CONFLICT (").append(key("name"))
                    .append(") DO NOTHING RETURNING id, name),\n")
                    .append("h").append(kind).append(" AS (INSERT INTO audit_entry (user_id, username, action,")
                    .append(" entity_type, entity_id, entity_label, changes) SELECT ")
                    .append(part(parts, DSL.val(author.userId(), SQLDataType.BIGINT))).append(", ")
                    .append(part(parts, DSL.val(author.name(), SQLDataType.CLOB))).append(", 'CREATE', ")
                    .append(part(parts, DSL.val(entries.entityType(), SQLDataType.CLOB)))
                    .append(", c.id, c.name, jsonb_build_object('name', jsonb_build_object('before', NULL, 'after',")
                    .append(" c.name)) FROM ").append(c).append(" c ORDER BY c.id),\n")
                    .append("r").append(kind).append(" AS (SELECT ").append(kind).append(" AS kind, w.ord,")
                    .append(" coalesce(f.id, c.id) AS id, coalesce(f.name, c.name) AS name, c.id IS NOT NULL AS")
                    .append(" created FROM ").append(w).append(" w LEFT JOIN ").append(f)
                    .append(" f ON f.ord = w.ord LEFT JOIN ").append(c).append(" c ON f.ord IS NULL AND ")
                    .append(key("c.name")).append(" = ").append(key("w.name")).append(")");
            answers.add("SELECT * FROM r" + kind);
        }
        sql.append("\nSELECT kind, ord, id, name, created,")
                .append(" dense_rank() OVER (PARTITION BY kind ORDER BY lower(name), id) AS name_rank FROM (")
                .append(String.join(" UNION ALL ", answers)).append(") r ORDER BY kind, ord");
        return tx.resultQuery(sql.toString(), parts.toArray(QueryPart[]::new)).coerce(ANSWER);
    }

    private static String key(String column) {
        return NamedEntries.KEY.formatted(column);
    }

    private static String part(List<QueryPart> parts, QueryPart part) {
        parts.add(part);
        return "{" + (parts.size() - 1) + "}";
    }
}

package org.mymoviedb.importer;

import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.val;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * Ids of named rows (genres, people) matched case-insensitively, created when missing, remembered for one batch
 * so a genre shared by hundreds of rows costs one query.
 */
final class NameIds<R extends Record> {

    private final Table<R> table;
    private final TableField<R, Long> id;
    private final TableField<R, String> name;
    private final Map<String, Long> known = new HashMap<>();

    NameIds(Table<R> table, TableField<R, Long> id, TableField<R, String> name) {
        this.table = table;
        this.id = id;
        this.name = name;
    }

    /** The id of the row named {@code spelling} ignoring case (the oldest of homonyms), created when none. */
    long idOf(DSLContext tx, String spelling) {
        String key = spelling.toLowerCase(Locale.ROOT);
        Long cached = known.get(key);
        if (cached != null) {
            return cached;
        }
        Long found = tx.select(id)
                .from(table)
                .where(lower(name).eq(lower(val(spelling))))
                .orderBy(id)
                .limit(1)
                .fetchOne(id);
        long result = found != null
                ? found
                : tx.insertInto(table).set(name, spelling).returningResult(id).fetchSingle().value1();
        known.put(key, result);
        return result;
    }

    /** Drops what was remembered: after a rollback the rows created since may be gone. */
    void forget() {
        known.clear();
    }
}

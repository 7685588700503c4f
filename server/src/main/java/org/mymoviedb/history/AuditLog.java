package org.mymoviedb.history;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep7;
import org.jooq.JSONB;
import org.mymoviedb.cache.CatalogueVersion;
import org.mymoviedb.jooq.tables.records.AuditEntryRecord;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import static org.mymoviedb.jooq.Tables.AUDIT_ENTRY;

/** Writes history, inside the transaction of the write it describes: both stay, or neither. */
public final class AuditLog {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One entry to write: what {@code action} did to which entity, and which fields changed. */
    public record Entry(AuditAction action, String entityType, long entityId, String entityLabel, Changes changes) {
    }

    private AuditLog() {
    }

    /** What a write by {@code author} did. */
    public static void record(DSLContext tx, Author author, AuditAction action, String entityType, long entityId,
                              String entityLabel, Changes changes) {
        recordAll(tx, author, List.of(new Entry(action, entityType, entityId, entityLabel, changes)));
    }

    /** {@code changes} as the {@code changes} column stores them, for a write that inserts its history itself. */
    public static JSONB json(Changes changes) {
        return JSONB.valueOf(JSON.writeValueAsString(changes.asMap()));
    }

    /** Several entries by one author in one statement, in this order. */
    public static void recordAll(DSLContext tx, Author author, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        InsertValuesStep7<AuditEntryRecord, Long, String, String, String, Long, String, JSONB> insert =
                tx.insertInto(AUDIT_ENTRY, AUDIT_ENTRY.USER_ID, AUDIT_ENTRY.USERNAME, AUDIT_ENTRY.ACTION,
                        AUDIT_ENTRY.ENTITY_TYPE, AUDIT_ENTRY.ENTITY_ID, AUDIT_ENTRY.ENTITY_LABEL, AUDIT_ENTRY.CHANGES);
        for (Entry e : entries) {
            // What a cached answer may depend on: a movie's entry is a change to that movie, any other to anything.
            if (e.entityType().equals("movie")) {
                CatalogueVersion.movieChanged(e.entityId());
            } else {
                CatalogueVersion.otherChanged();
            }
            insert = insert.values(author.userId(), author.name(), e.action().name(), e.entityType(), e.entityId(),
                    e.entityLabel(), json(e.changes()));
        }
        insert.execute();
    }
}

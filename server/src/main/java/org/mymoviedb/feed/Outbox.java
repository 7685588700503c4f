package org.mymoviedb.feed;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.mymoviedb.history.AuditRepository;
import static org.mymoviedb.jooq.Tables.AUDIT_ENTRY;

/**
 * History read as the outbox of live updates (migration V9): entries in (xact, id) order, and only those whose
 * transaction is below every transaction of this database still running, so that none of those (which may commit
 * entries before the ones already read) is ever overtaken; transactions running in other databases of the same
 * PostgreSQL hold nothing back.
 */
public final class Outbox {

    private static final Field<Long> XACT = DSL.field("audit_entry.xact::text::bigint", Long.class).as("xact_number");
    private static final Field<Integer> ENTITY_VERSION = DSL.field("audit_entry.entity_version", Integer.class)
            .as("entity_version_");
    private static final Field<String> ORIGIN = DSL.field("audit_entry.origin", String.class).as("origin_");
    /**
     * Below every transaction of this database still running in the statement's snapshot (else below its xmax).
     * Transaction ids are the cluster's: a transaction that is running in another database (a bulk load, a long
     * report) cannot write this table, so it holds nothing back when PostgreSQL shows whose it is (pg_stat_activity
     * shows other roles' transactions to a superuser or a member of pg_read_all_stats; an unknown one holds back,
     * as it must). Each id in the snapshot's list is either this database's, and bounds the read, or proven to be
     * another database's: a backend, or a prepared transaction, belongs to one database for good.
     */
    private static final Condition FINISHED = DSL.condition("""
            audit_entry.xact < coalesce(
              (SELECT running FROM pg_snapshot_xip(pg_current_snapshot()) AS running
                WHERE xid(running) NOT IN (SELECT backend_xid FROM pg_stat_activity
                                            WHERE backend_xid IS NOT NULL AND datname <> current_database())
                  AND xid(running) NOT IN (SELECT transaction FROM pg_prepared_xacts
                                            WHERE database <> current_database())
                ORDER BY running LIMIT 1),
              pg_snapshot_xmax(pg_current_snapshot()))""");

    private final DSLContext dsl;

    public Outbox(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The last entry every subscriber could have been sent by now: where a feed starting now begins. */
    public OutboxPosition end() {
        Record r = dsl.select(XACT, AUDIT_ENTRY.ID).from(AUDIT_ENTRY).where(FINISHED)
                .orderBy(DSL.field("audit_entry.xact").desc(), AUDIT_ENTRY.ID.desc()).limit(1).fetchOne();
        return r == null ? OutboxPosition.START : new OutboxPosition(r.get(XACT), r.get(AUDIT_ENTRY.ID));
    }

    /** Up to {@code limit} deliverable entries after {@code after}, in delivery order. */
    public List<OutboxEntry> after(OutboxPosition after, int limit) {
        return read(after(after), limit);
    }

    /** Up to {@code limit} entries after {@code after} up to {@code last}, inclusive, in delivery order. */
    public List<OutboxEntry> between(OutboxPosition after, OutboxPosition last, int limit) {
        return read(after(after).and(DSL.condition("(audit_entry.xact, audit_entry.id) <= ({0}::text::xid8, {1})",
                DSL.val(last.xact()), DSL.val(last.id()))), limit);
    }

    /** Where the entry {@code auditEntryId} is delivered, and when it was written; empty if there is none. */
    public Optional<Located> locate(long auditEntryId) {
        return dsl.select(XACT, AUDIT_ENTRY.ID, AUDIT_ENTRY.AT).from(AUDIT_ENTRY).where(AUDIT_ENTRY.ID.eq(auditEntryId))
                .fetchOptional(r -> new Located(new OutboxPosition(r.get(XACT), r.get(AUDIT_ENTRY.ID)),
                        r.get(AUDIT_ENTRY.AT)));
    }

    /** An entry's place, and its time. */
    public record Located(OutboxPosition position, OffsetDateTime at) {
    }

    private static Condition after(OutboxPosition after) {
        return FINISHED.and(DSL.condition("(audit_entry.xact, audit_entry.id) > ({0}::text::xid8, {1})",
                DSL.val(after.xact()), DSL.val(after.id())));
    }

    private List<OutboxEntry> read(Condition where, int limit) {
        return dsl.select(AUDIT_ENTRY.asterisk(), XACT, ENTITY_VERSION, ORIGIN).from(AUDIT_ENTRY).where(where)
                .orderBy(DSL.field("audit_entry.xact"), AUDIT_ENTRY.ID).limit(limit)
                .fetch(r -> new OutboxEntry(new OutboxPosition(r.get(XACT), r.get(AUDIT_ENTRY.ID)),
                        AuditRepository.toEntry(r.into(AUDIT_ENTRY)), r.get(ENTITY_VERSION), r.get(ORIGIN)));
    }
}

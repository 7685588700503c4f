package org.mymoviedb.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.mymoviedb.base.Keyset;
import org.mymoviedb.base.Page;
import org.mymoviedb.base.PageRequest;
import org.mymoviedb.data.KeysetPages;
import org.mymoviedb.data.OrderTerm;
import org.mymoviedb.jooq.tables.records.AuditEntryRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import static org.mymoviedb.jooq.Tables.AUDIT_ENTRY;

/** Reads history, newest first, a keyset page at a time. */
public final class AuditRepository {

    /** Newest first: the id alone orders history totally. */
    private static final List<OrderTerm> NEWEST_FIRST = List.of(new OrderTerm(AUDIT_ENTRY.ID, false));
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final DSLContext dsl;

    public AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One entity's history. */
    public Page<AuditEntry> forEntity(String entityType, long entityId, PageRequest request) {
        return page(AUDIT_ENTRY.ENTITY_TYPE.eq(entityType).and(AUDIT_ENTRY.ENTITY_ID.eq(entityId)), request);
    }

    /** The entries among {@code ids} that exist, by id: one statement. */
    public Map<Long, AuditEntry> byIds(Collection<Long> ids) {
        return dsl.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.ID.eq(DSL.any(ids.toArray(Long[]::new))))
                .fetchMap(r -> r.getId(), AuditRepository::toEntry);
    }

    /** Every write {@code filter} keeps. */
    public Page<AuditEntry> all(AuditFilter filter, PageRequest request) {
        Condition where = DSL.noCondition();
        if (filter.userId() != null) {
            where = where.and(AUDIT_ENTRY.USER_ID.eq(filter.userId()));
        }
        if (filter.action() != null) {
            where = where.and(AUDIT_ENTRY.ACTION.eq(filter.action().name()));
        }
        if (filter.entityType() != null) {
            where = where.and(AUDIT_ENTRY.ENTITY_TYPE.eq(filter.entityType()));
        }
        if (filter.entityId() != null) {
            where = where.and(AUDIT_ENTRY.ENTITY_ID.eq(filter.entityId()));
        }
        if (filter.since() != null) {
            where = where.and(AUDIT_ENTRY.AT.ge(filter.since()));
        }
        if (filter.until() != null) {
            where = where.and(AUDIT_ENTRY.AT.lt(filter.until()));
        }
        return page(where, request);
    }

    private Page<AuditEntry> page(Condition where, PageRequest request) {
        return KeysetPages.read(dsl.selectFrom(AUDIT_ENTRY).where(where), NEWEST_FIRST, request,
                AuditRepository::toEntry);
    }

    /** Where {@code entry} sits in the newest-first order. */
    public static Keyset positionOf(AuditEntry entry) {
        return new Keyset(List.of(entry.id()));
    }

    /** A stored value as plain Java: String, Number, Boolean, List, Map or null. */
    private static Object value(JsonNode node) {
        return node == null || node.isNull() ? null : JSON.treeToValue(node, Object.class);
    }

    /** A row of audit_entry as history keeps it. */
    public static AuditEntry toEntry(AuditEntryRecord r) {
        List<AuditEntry.FieldChange> changes = new ArrayList<>();
        JsonNode fields = JSON.readTree(r.getChanges().data());
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            changes.add(new AuditEntry.FieldChange(field.getKey(),
                    value(field.getValue().get("before")), value(field.getValue().get("after"))));
        }
        return new AuditEntry(r.getId(), r.getAt(), r.getUsername(), AuditAction.valueOf(r.getAction()),
                r.getEntityType(), r.getEntityId(), r.getEntityLabel(), changes);
    }
}

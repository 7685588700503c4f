package org.mymoviedb.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.mymoviedb.graphql.Connection;
import org.mymoviedb.graphql.Cursors;
import org.mymoviedb.graphql.PageRequest;
import org.mymoviedb.jooq.tables.records.AuditEntryRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.mymoviedb.jooq.Tables.AUDIT_ENTRY;

/** Reads history, newest first, a keyset page at a time. */
public final class AuditRepository {

    private static final String ORDERING = "audit-";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final DSLContext dsl;

    public AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One entity's history. */
    public Connection<AuditEntry> forEntity(String entityType, long entityId, PageRequest request) {
        return page(AUDIT_ENTRY.ENTITY_TYPE.eq(entityType).and(AUDIT_ENTRY.ENTITY_ID.eq(entityId)), request);
    }

    /** Every write, optionally only one user's or one action's. */
    public Connection<AuditEntry> all(Long userId, AuditAction action, PageRequest request) {
        Condition where = DSL.noCondition();
        if (userId != null) {
            where = where.and(AUDIT_ENTRY.USER_ID.eq(userId));
        }
        if (action != null) {
            where = where.and(AUDIT_ENTRY.ACTION.eq(action.name()));
        }
        return page(where, request);
    }

    private Connection<AuditEntry> page(Condition where, PageRequest request) {
        Condition seek = DSL.noCondition();
        if (request.cursor() != null) {
            JsonNode id = Cursors.decode(request.cursor(), ORDERING, 1).get(0);
            if (!id.isIntegralNumber()) {
                throw Cursors.invalid();
            }
            seek = AUDIT_ENTRY.ID.lt(id.asLong());
        }
        List<AuditEntry> fetched = request.size() == 0 ? List.of() : dsl.selectFrom(AUDIT_ENTRY)
                .where(where).and(seek)
                .orderBy(AUDIT_ENTRY.ID.desc())
                .limit(request.size() + 1)
                .fetch(AuditRepository::toEntry);
        return Connection.of(fetched, request, e -> Cursors.encode(ORDERING, List.of(e.id())), null);
    }

    private static AuditEntry toEntry(AuditEntryRecord r) {
        List<AuditEntry.FieldChange> changes = new ArrayList<>();
        JsonNode fields = JSON.readTree(r.getChanges().data());
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            changes.add(new AuditEntry.FieldChange(field.getKey(),
                    JSON.writeValueAsString(field.getValue().get("before")),
                    JSON.writeValueAsString(field.getValue().get("after"))));
        }
        return new AuditEntry(r.getId(), r.getAt(), r.getUsername(), AuditAction.valueOf(r.getAction()),
                r.getEntityType(), r.getEntityId(), r.getEntityLabel(), changes);
    }
}

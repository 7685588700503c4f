package org.mymoviedb.history;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.mymoviedb.auth.User;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.mymoviedb.jooq.Tables.AUDIT_ENTRY;

/** Writes history, inside the transaction of the write it describes: both stay, or neither. */
public final class AuditLog {

    /** Who acts when a write comes from the command line rather than a signed-in user. */
    public static final String COMMAND_LINE = "(command line)";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private AuditLog() {
    }

    /** What a write did; {@code actor} null means the command line. */
    public static void record(DSLContext tx, User actor, AuditAction action, String entityType, long entityId,
                              String entityLabel, Changes changes) {
        insert(tx, actor == null ? null : actor.id(), actor == null ? COMMAND_LINE : actor.username(),
                action, entityType, entityId, entityLabel, changes);
    }

    /**
     * What a write by a command, not a signed-in user, did: {@code command} names it where a username would
     * stand ({@code import:vega-movies.json}), and no account is linked.
     */
    public static void recordCommand(DSLContext tx, String command, AuditAction action, String entityType,
                                     long entityId, String entityLabel, Changes changes) {
        insert(tx, null, command, action, entityType, entityId, entityLabel, changes);
    }

    private static void insert(DSLContext tx, Long userId, String username, AuditAction action, String entityType,
                               long entityId, String entityLabel, Changes changes) {
        tx.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.USER_ID, userId)
                .set(AUDIT_ENTRY.USERNAME, username)
                .set(AUDIT_ENTRY.ACTION, action.name())
                .set(AUDIT_ENTRY.ENTITY_TYPE, entityType)
                .set(AUDIT_ENTRY.ENTITY_ID, entityId)
                .set(AUDIT_ENTRY.ENTITY_LABEL, entityLabel)
                .set(AUDIT_ENTRY.CHANGES, JSONB.valueOf(JSON.writeValueAsString(changes.asMap())))
                .execute();
    }
}

package org.mymoviedb.history;

import java.time.OffsetDateTime;

/**
 * Which writes an audit log query keeps; a null part keeps everything.
 *
 * @param userId     only this account's writes
 * @param action     only this kind of write
 * @param entityType only writes to this kind of entry ("movie", "genre", "person", "user")
 * @param entityId   only writes to the entry with this id, which may be long deleted
 * @param since      only writes at or after this instant
 * @param until      only writes before this instant
 */
public record AuditFilter(Long userId, AuditAction action, String entityType, Long entityId, OffsetDateTime since,
                          OffsetDateTime until) {
}

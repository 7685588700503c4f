package org.mymoviedb.admin.api;

import java.time.OffsetDateTime;

/**
 * Which writes the audit log shows; a null part shows all. {@code action} is an AuditAction name,
 * {@code entityType} an EntityType name ("MOVIE"), {@code until} exclusive.
 */
public record AuditQuery(String userId, String action, String entityType, String entityId, OffsetDateTime since,
                         OffsetDateTime until) {

    public static final AuditQuery EVERYTHING = new AuditQuery(null, null, null, null, null, null);
}

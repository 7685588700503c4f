package org.mymoviedb.feed;

import org.mymoviedb.history.AuditEntry;

/**
 * One history entry read as an event.
 *
 * @param position      where it is delivered
 * @param entry         the entry
 * @param entityVersion a movie's version after the write; null for deletes, genres and people
 * @param origin        the server instance that wrote it, or null (the import command, plain SQL)
 */
public record OutboxEntry(OutboxPosition position, AuditEntry entry, Integer entityVersion, String origin) {
}

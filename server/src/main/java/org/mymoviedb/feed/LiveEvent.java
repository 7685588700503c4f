package org.mymoviedb.feed;

import org.mymoviedb.history.AuditEntry;

/**
 * One event as the feed hands it to subscribers: the history entry, and the entity as it was loaded once for every
 * subscriber just before fan-out.
 *
 * @param outbox the entry, with its position, version and origin
 * @param entity the entity as it is now (a Movie, Genre or Person), or null when deleted
 * @param links  what the loader loaded with it (a movie's genres and directors), or null
 */
public record LiveEvent(OutboxEntry outbox, Object entity, Object links) {

    public AuditEntry entry() {
        return outbox.entry();
    }
}

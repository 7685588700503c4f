package org.mymoviedb.feed;

import java.util.List;

/**
 * Loads the entities a batch of events is about, once for all subscribers: a few statements per batch, not one per
 * event or subscriber.
 */
@FunctionalInterface
public interface EntityLoader {

    /** The events of {@code entries}, in the same order, each with its entity as it is now. */
    List<LiveEvent> load(List<OutboxEntry> entries);
}

package org.mymoviedb.feed;

/**
 * Where a history entry sits in the order events are delivered in: by the writing transaction's id
 * ({@code audit_entry.xact}), then by the entry's id.
 */
public record OutboxPosition(long xact, long id) implements Comparable<OutboxPosition> {

    /** Before every entry. */
    public static final OutboxPosition START = new OutboxPosition(0, 0);

    @Override
    public int compareTo(OutboxPosition other) {
        int byTransaction = Long.compare(xact, other.xact);
        return byTransaction != 0 ? byTransaction : Long.compare(id, other.id);
    }
}

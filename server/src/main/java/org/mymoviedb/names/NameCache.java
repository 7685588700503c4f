package org.mymoviedb.names;

import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.mymoviedb.history.Author;

/**
 * Genres or people by name, found or created (with history) as {@link NamedEntries} does, and remembered for one
 * import batch, so a genre shared by hundreds of rows costs one query. Remembered by exact spelling: whether two
 * spellings are one entry is the database's rule alone ({@link NamedEntries#KEY}), so "drama" after "Drama" costs
 * one more query and gets the same entry, and the cache can never merge what the database keeps apart.
 */
public final class NameCache {

    private final NamedEntries<?, ?> kind;
    private final Map<String, NamedEntry> known = new HashMap<>();

    public NameCache(NamedEntries<?, ?> kind) {
        this.kind = kind;
    }

    /** The entry named {@code spelling} by the database's rule, created when none. */
    public NamedEntry entryOf(DSLContext tx, Author author, String spelling) {
        return known.computeIfAbsent(spelling, key -> kind.findOrCreate(tx, author, spelling));
    }

    /** Drops what was remembered: after a rollback the entries created since may be gone. */
    public void forget() {
        known.clear();
    }
}

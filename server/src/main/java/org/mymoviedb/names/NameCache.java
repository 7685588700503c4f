package org.mymoviedb.names;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.mymoviedb.history.Author;

/**
 * Ids of genres or people by name in any case, found or created (with history) as {@link NamedEntries} does,
 * and remembered for one import batch, so a genre shared by hundreds of rows costs one query.
 */
public final class NameCache {

    private final NamedEntries<?, ?> kind;
    private final Map<String, Long> known = new HashMap<>();

    public NameCache(NamedEntries<?, ?> kind) {
        this.kind = kind;
    }

    /** The id of the entry named {@code spelling} ignoring case (the oldest of homonyms), created when none. */
    public long idOf(DSLContext tx, Author author, String spelling) {
        return known.computeIfAbsent(spelling.toLowerCase(Locale.ROOT), key -> kind.findOrCreate(tx, author, spelling));
    }

    /** Drops what was remembered: after a rollback the entries created since may be gone. */
    public void forget() {
        known.clear();
    }
}

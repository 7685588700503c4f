package org.mymoviedb.base;

import java.util.List;

/**
 * Where a row sits in an ordering: its sort-key values in order, the id last. A page starts right after such a
 * position (or, read backward, ends right before it).
 */
public record Keyset(List<Object> values) {

    public Keyset {
        values = List.copyOf(values);
    }
}

package org.mymoviedb.base;

import java.util.List;

/**
 * One page of rows.
 *
 * @param items      the rows, in display order (a backward page already turned around)
 * @param more       whether rows follow beyond the page in its reading direction
 * @param totalCount every match across all pages; null when nobody asked (it is not counted)
 */
public record Page<T>(List<T> items, boolean more, Integer totalCount) {

    public Page<T> withTotalCount(Integer total) {
        return new Page<>(items, more, total);
    }
}

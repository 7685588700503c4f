package org.mymoviedb.data;

import org.jooq.Field;
import org.jooq.SortField;

/** One sort key of a keyset ordering and its direction. */
public record OrderTerm(Field<?> field, boolean ascending) {

    /** The sort field for reading forward, or (backward) the reverse, which is turned around afterwards. */
    SortField<?> sortField(boolean backward) {
        return ascending != backward ? field.asc() : field.desc();
    }
}

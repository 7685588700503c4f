package org.mymoviedb.history;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The fields a write changed, each with its value before and after, in the order they were compared. */
public final class Changes {

    private final Map<String, Map<String, Object>> fields = new LinkedHashMap<>();

    /** Records {@code field} if {@code before} and {@code after} differ. */
    public Changes compare(String field, Object before, Object after) {
        if (!Objects.equals(normal(before), normal(after))) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("before", before);
            change.put("after", after);
            fields.put(field, change);
        }
        return this;
    }

    /** No value and an empty list mean the same: nothing. */
    private static Object normal(Object value) {
        return value instanceof java.util.Collection<?> c && c.isEmpty() ? null : value;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    Map<String, Map<String, Object>> asMap() {
        return fields;
    }
}

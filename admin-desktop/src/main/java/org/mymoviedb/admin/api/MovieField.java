package org.mymoviedb.admin.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A field of a movie an editor can change, by the name MovieUpdateInput and the history use for it. Names in
 * genres and directors are compared as the server stores them: case-insensitively, genres in any order,
 * directors in billing order.
 */
public enum MovieField {
    TITLE("title", MovieDraft::title, false),
    RELEASE_DATE("releaseDate", MovieDraft::releaseDate, false),
    RATING("rating", MovieDraft::rating, false),
    RUNTIME_MINUTES("runtimeMinutes", MovieDraft::runtimeMinutes, false),
    GENRES("genres", MovieDraft::genres, true),
    DIRECTORS("directors", MovieDraft::directors, false);

    private final String key;
    private final Function<MovieDraft, Object> value;
    private final boolean unordered;

    MovieField(String key, Function<MovieDraft, Object> value, boolean unordered) {
        this.key = key;
        this.value = value;
        this.unordered = unordered;
    }

    /** The field's name in MovieUpdateInput and in history entries. */
    public String key() {
        return key;
    }

    public Object of(MovieDraft draft) {
        return value.apply(draft);
    }

    /** Whether the two drafts hold what the server would store as the same value of this field. */
    public boolean same(MovieDraft a, MovieDraft b) {
        return Objects.equals(stored(of(a)), stored(of(b)));
    }

    private Object stored(Object fieldValue) {
        if (!(fieldValue instanceof List<?> names)) {
            return fieldValue;
        }
        var folded = names.stream().map(name -> name.toString().toLowerCase(Locale.ROOT));
        return unordered ? folded.sorted().toList() : folded.toList();
    }
}

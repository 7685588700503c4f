package org.mymoviedb.admin.movieform;

import java.util.EnumSet;
import java.util.Set;
import org.mymoviedb.admin.api.MovieDraft;
import org.mymoviedb.admin.api.MovieField;

/**
 * Two edits of one movie, made from the same starting point: the editor's ({@code mine}) and the one saved
 * first ({@code theirs}). A field only one side changed goes that side's way; only a field both changed, to
 * different values, needs the editor to decide.
 */
record MovieMerge(MovieDraft base, MovieDraft mine, MovieDraft theirs) {

    /** The fields both sides changed to different values, in form order. */
    Set<MovieField> disputed() {
        Set<MovieField> disputed = EnumSet.noneOf(MovieField.class);
        Set<MovieField> theirsChanged = theirs.changedFrom(base);
        for (MovieField field : mine.changedFrom(base)) {
            if (theirsChanged.contains(field) && !field.same(mine, theirs)) {
                disputed.add(field);
            }
        }
        return disputed;
    }

    /** Theirs with the editor's changes applied, except disputed fields not in {@code keepMine}: those stay theirs. */
    MovieDraft merged(Set<MovieField> keepMine) {
        Set<MovieField> disputed = disputed();
        MovieDraft merged = theirs;
        for (MovieField field : mine.changedFrom(base)) {
            if (!disputed.contains(field) || keepMine.contains(field)) {
                merged = merged.with(field, mine);
            }
        }
        return merged;
    }
}

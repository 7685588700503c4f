package org.mymoviedb.movie;

/** What merging a file's facts about a movie did to the catalogue. */
public enum MergeOutcome {
    ADDED,
    UPDATED,
    UNCHANGED
}

package org.mymoviedb.names;

/** A genre: a name unique regardless of case. */
public record Genre(long id, String name) {
}

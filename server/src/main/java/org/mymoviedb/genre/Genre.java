package org.mymoviedb.genre;

/** A genre: a name unique regardless of case. */
public record Genre(long id, String name) {
}

package org.mymoviedb.admin.api;

import java.util.List;

/**
 * A movie as the server last showed it, with the version an update must name; {@code updatedAt} is when it last
 * changed (an ISO-8601 instant; null when not read).
 */
public record Movie(String id, String title, String releaseDate, Integer rating, Runtime runtime,
                    List<NamedRef> genres, List<NamedRef> directors, int version, String updatedAt) {

    public Movie(String id, String title, String releaseDate, Integer rating, Runtime runtime,
                 List<NamedRef> genres, List<NamedRef> directors, int version) {
        this(id, title, releaseDate, rating, runtime, genres, directors, version, null);
    }

    /** How long it runs, in whole minutes. */
    public record Runtime(int minutes) {
    }

    public Integer runtimeMinutes() {
        return runtime == null ? null : runtime.minutes();
    }

    public int releaseYear() {
        return Integer.parseInt(releaseDate.substring(0, 4));
    }

    public List<String> genreNames() {
        return genres.stream().map(NamedRef::name).toList();
    }

    public List<String> directorNames() {
        return directors.stream().map(NamedRef::name).toList();
    }
}

package org.mymoviedb.cache;

import java.util.Set;

/**
 * What one or more committed writes changed: some movies (their rows, genres, directors or history), or anything
 * at all (a genre or person renamed or deleted, a user, an import, a write whose reach is not known).
 *
 * @param movies the movies changed; empty when {@code everything}
 */
public record CatalogueChange(boolean everything, Set<Long> movies) {

    /** Past this many movies a change is announced, and applied, as a change to everything. */
    static final int MOST_MOVIES = 200;

    public static final CatalogueChange EVERYTHING = new CatalogueChange(true, Set.of());

    public static CatalogueChange of(Set<Long> movies) {
        return movies.size() > MOST_MOVIES ? EVERYTHING : new CatalogueChange(false, Set.copyOf(movies));
    }

    /** Both changes together. */
    public CatalogueChange and(CatalogueChange other) {
        if (everything || other.everything) {
            return EVERYTHING;
        }
        java.util.HashSet<Long> both = new java.util.HashSet<>(movies);
        both.addAll(other.movies);
        return of(both);
    }

    /** As sent with an announcement: {@code *}, or the movie ids separated by commas. */
    String encode() {
        if (everything) {
            return "*";
        }
        return String.join(",", movies.stream().map(String::valueOf).toList());
    }

    /** An announcement's text; anything this version cannot read (an older sender, the importer's) is everything. */
    static CatalogueChange decode(String text) {
        if (text == null || text.equals("*")) {
            return EVERYTHING;
        }
        if (text.isEmpty()) {
            return new CatalogueChange(false, Set.of());
        }
        try {
            java.util.HashSet<Long> ids = new java.util.HashSet<>();
            for (String id : text.split(",")) {
                ids.add(Long.parseLong(id));
            }
            return of(ids);
        } catch (NumberFormatException e) {
            return EVERYTHING;
        }
    }
}

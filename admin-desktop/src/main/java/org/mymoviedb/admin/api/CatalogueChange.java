package org.mymoviedb.admin.api;

import java.time.Instant;
import java.util.List;

/**
 * One committed change to a movie, a genre or a person, as the live feed heard of it: what happened, to what, by
 * whom, which fields, and the movie as it is now (null when deleted, or when the change is not a movie's).
 *
 * @param eventId the server's event id (what a resumed stream continues after); null for a change polling found
 * @param entityId the entity's global id; null when polling only knows that some entry of the type changed
 * @param username who did it; null when the server would not say
 */
public record CatalogueChange(String eventId, String kind, String entityType, String entityId, Integer version,
                              Instant at, String username, List<String> changedFields, Movie movie, NamedRef name) {

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String DELETED = "DELETED";
    public static final String MOVIE = "MOVIE";
    public static final String GENRE = "GENRE";
    public static final String PERSON = "PERSON";

    public CatalogueChange {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    public boolean isMovie() {
        return MOVIE.equals(entityType);
    }

    public boolean deleted() {
        return DELETED.equals(kind);
    }
}

package org.mymoviedb.movie;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.mymoviedb.jooq.tables.records.MovieRecord;

/** A movie as the API shows it; genres and directors are loaded separately, in batches. */
public record Movie(
        long id,
        String title,
        LocalDate releaseDate,
        Integer rating,
        Integer runtimeMinutes,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int version) {

    static Movie from(MovieRecord r) {
        return new Movie(r.getId(), r.getTitle(), r.getReleaseDate(),
                r.getRating() == null ? null : r.getRating().intValue(),
                r.getRuntimeMinutes(), r.getCreatedAt(), r.getUpdatedAt(), r.getVersion());
    }

    /** The runtime, or null while unknown. */
    public Runtime runtime() {
        return runtimeMinutes == null ? null : new Runtime(runtimeMinutes);
    }
}
